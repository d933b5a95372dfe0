from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Coalesce

from canvas_app.framework import BLOCK_CHOICES

from .councils import Council

TITLE_MAX_LENGTH = 200
CARD_TEXT_MAX_LENGTH = 2000


class Sector(models.TextChoices):
    LIGHTING = "lighting", "Street lighting"
    MOBILITY = "mobility", "Mobility and transport"
    WASTE = "waste", "Waste and circular economy"
    ENERGY = "energy", "Energy and buildings"
    WATER = "water", "Water"
    ENVIRONMENT = "environment", "Air quality and environment"
    DATA = "data", "Data and digital platforms"
    SAFETY = "safety", "Public safety"
    HEALTH = "health", "Health and social care"
    GOVERNANCE = "governance", "Participation and governance"
    OTHER = "other", "Other"


class Stage(models.TextChoices):
    DRAFT = "draft", "Draft"
    CONSULTATION = "consultation", "Consultation"
    REVIEW = "review", "Review"
    APPROVED = "approved", "Approved"
    ARCHIVED = "archived", "Archived"


class CardColour(models.TextChoices):
    YELLOW = "yellow", "Yellow"
    BLUE = "blue", "Blue"
    GREEN = "green", "Green"
    PINK = "pink", "Pink"
    ORANGE = "orange", "Orange"
    GREY = "grey", "Grey"


class Evidence(models.TextChoices):
    ASSUMPTION = "assumption", "Assumption"
    EVIDENCE = "evidence", "Evidence"
    VALIDATED = "validated", "Validated"


def _councils_of(user):
    from .councils import Membership

    return Membership.objects.filter(user=user).values("council_id")


def _canvases_invited_to(user):
    from .invitations import Invitation

    return Invitation.objects.granting_access().filter(user=user).values("canvas_id")


class CanvasQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CanvasQuerySet":
        """Canvases of the councils the user belongs to, and those they were invited to:
        the start of every lookup."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            models.Q(council_id__in=_councils_of(user))
            | models.Q(pk__in=_canvases_invited_to(user))
        )

    def with_blocks_filled(self) -> "CanvasQuerySet":
        """Annotate `blocks_filled`: how many blocks have at least one card."""
        filled = (
            Card.objects.filter(canvas=models.OuterRef("pk"))
            .order_by()
            .values("canvas")
            .annotate(n=models.Count("block", distinct=True))
            .values("n")
        )
        return self.annotate(blocks_filled=Coalesce(models.Subquery(filled), 0))

    def with_role(self, user) -> "CanvasQuerySet":
        """Visible canvases annotated with the user's role as `user_role`: their council
        role, else the role they were invited with (stakeholder or observer); and
        `is_member`, whether they belong to the canvas's council."""
        from .councils import Membership
        from .invitations import Invitation

        council_role = Membership.objects.filter(
            user=user, council=models.OuterRef("council_id")
        ).values("role")[:1]
        canvas_role = (
            Invitation.objects.granting_access()
            .filter(user=user, canvas=models.OuterRef("pk"))
            .values("role")[:1]
        )
        return (
            self.visible_to(user)
            .annotate(council_role=models.Subquery(council_role))
            .annotate(
                user_role=Coalesce("council_role", models.Subquery(canvas_role)),
                is_member=models.ExpressionWrapper(
                    models.Q(council_role__isnull=False), output_field=models.BooleanField()
                ),
            )
        )


class Canvas(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="canvases")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    summary = models.TextField(
        "service summary", blank=True, max_length=4000, validators=[MaxLengthValidator(4000)]
    )
    sector = models.CharField(max_length=20, choices=Sector.choices, default=Sector.OTHER)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.DRAFT)
    revision = models.PositiveIntegerField(default=1)
    # The language the canvas is written in: user content is never translated.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_canvases"
    )
    is_template = models.BooleanField(
        "shared as a template",
        default=False,
        help_text="Listed in the library, where other councils can replicate it.",
    )
    comments_premoderated = models.BooleanField(
        "approve stakeholders' comments first",
        default=False,
        help_text="Comments by invited stakeholders wait for a moderator before others see them.",
    )
    # Where a replicated or imported canvas came from, as the export described it.
    origin = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CanvasQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "canvases"
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["council", "-updated_at"])]

    def __str__(self) -> str:
        return self.title


class CardQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CardQuerySet":
        return self.filter(canvas__in=Canvas.objects.visible_to(user))


class Card(models.Model):
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="cards")
    block = models.CharField(max_length=40, choices=BLOCK_CHOICES)
    text = models.TextField(
        max_length=CARD_TEXT_MAX_LENGTH, validators=[MaxLengthValidator(CARD_TEXT_MAX_LENGTH)]
    )
    tag = models.CharField(max_length=40, blank=True)
    colour = models.CharField(max_length=10, choices=CardColour.choices, default=CardColour.YELLOW)
    evidence = models.CharField(
        max_length=12, choices=Evidence.choices, default=Evidence.ASSUMPTION
    )
    position = models.PositiveIntegerField(default=0)
    # Bumped on every content save; a save based on an older version is a conflict.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CardQuerySet.as_manager()

    class Meta:
        ordering = ["block", "position", "id"]
        indexes = [models.Index(fields=["canvas", "block", "position"])]

    def __str__(self) -> str:
        return self.text[:60]


class CardAction(models.TextChoices):
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"
    MOVED = "moved", "Moved"
    DELETED = "deleted", "Deleted"


class CardHistory(models.Model):
    """One row per change to a card; kept after the card is deleted."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="card_history")
    card = models.ForeignKey(Card, on_delete=models.SET_NULL, null=True, related_name="history")
    card_ref = models.PositiveBigIntegerField(help_text="The card's id, kept after deletion.")
    action = models.CharField(max_length=10, choices=CardAction.choices)
    block = models.CharField(max_length=40, choices=BLOCK_CHOICES)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "card history"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["card_ref", "-at"])]

    def __str__(self) -> str:
        return f"{self.action} card {self.card_ref}"
