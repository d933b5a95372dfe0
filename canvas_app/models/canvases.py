from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.framework import BLOCK_CHOICES

from .councils import Council

TITLE_MAX_LENGTH = 200
CARD_TEXT_MAX_LENGTH = 2000


class Sector(models.TextChoices):
    LIGHTING = "lighting", _("Street lighting")
    MOBILITY = "mobility", _("Mobility and transport")
    WASTE = "waste", _("Waste and circular economy")
    ENERGY = "energy", _("Energy and buildings")
    WATER = "water", _("Water")
    ENVIRONMENT = "environment", _("Air quality and environment")
    DATA = "data", _("Data and digital platforms")
    SAFETY = "safety", _("Public safety")
    HEALTH = "health", _("Health and social care")
    GOVERNANCE = "governance", _("Participation and governance")
    OTHER = "other", _("Other")


class Stage(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("Consultation")
    REVIEW = "review", _("Review")
    APPROVED = "approved", _("Approved")
    ARCHIVED = "archived", _("Archived")


class CardColour(models.TextChoices):
    YELLOW = "yellow", _("Yellow")
    BLUE = "blue", _("Blue")
    GREEN = "green", _("Green")
    PINK = "pink", _("Pink")
    ORANGE = "orange", _("Orange")
    GREY = "grey", _("Grey")


class Evidence(models.TextChoices):
    ASSUMPTION = "assumption", _("Assumption")
    EVIDENCE = "evidence", _("Evidence")
    VALIDATED = "validated", _("Validated")


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
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="canvases", verbose_name=_("council")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    summary = models.TextField(
        _("service summary"), blank=True, max_length=4000, validators=[MaxLengthValidator(4000)]
    )
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, default=Sector.OTHER
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.DRAFT)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    # The language the canvas is written in: user content is never translated.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_canvases",
        verbose_name=_("owner"),
    )
    is_template = models.BooleanField(
        _("shared as a template"),
        default=False,
        help_text=_("Listed in the library, where other councils can replicate it."),
    )
    preferred_justification = models.TextField(
        _("why the preferred option is not the best value for money"),
        max_length=10000,
        blank=True,
        help_text=_("Required once the appraisal ranks another option first."),
    )
    comments_premoderated = models.BooleanField(
        _("approve stakeholders' comments first"),
        default=False,
        help_text=_(
            "Comments by invited stakeholders wait for a moderator before others see them."
        ),
    )
    # Where a replicated or imported canvas came from, as the export described it.
    origin = models.JSONField(_("origin"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CanvasQuerySet.as_manager()

    class Meta:
        verbose_name = _("canvas")
        verbose_name_plural = _("canvases")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["council", "-updated_at"])]

    def __str__(self) -> str:
        return self.title


class CardQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CardQuerySet":
        return self.filter(canvas__in=Canvas.objects.visible_to(user))


class Card(models.Model):
    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="cards", verbose_name=_("canvas")
    )
    block = models.CharField(_("block"), max_length=40, choices=BLOCK_CHOICES)
    text = models.TextField(
        _("text"),
        max_length=CARD_TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(CARD_TEXT_MAX_LENGTH)],
    )
    tag = models.CharField(_("tag"), max_length=40, blank=True)
    colour = models.CharField(
        _("colour"), max_length=10, choices=CardColour.choices, default=CardColour.YELLOW
    )
    evidence = models.CharField(
        _("evidence"), max_length=12, choices=Evidence.choices, default=Evidence.ASSUMPTION
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    # Bumped on every content save; a save based on an older version is a conflict.
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CardQuerySet.as_manager()

    class Meta:
        verbose_name = _("card")
        verbose_name_plural = _("cards")
        ordering = ["block", "position", "id"]
        indexes = [models.Index(fields=["canvas", "block", "position"])]

    def __str__(self) -> str:
        return self.text[:60]


class CardAction(models.TextChoices):
    CREATED = "created", _("Created")
    UPDATED = "updated", _("Updated")
    MOVED = "moved", _("Moved")
    DELETED = "deleted", _("Deleted")


class CardHistory(models.Model):
    """One row per change to a card; kept after the card is deleted."""

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="card_history", verbose_name=_("canvas")
    )
    card = models.ForeignKey(
        Card, on_delete=models.SET_NULL, null=True, related_name="history", verbose_name=_("card")
    )
    card_ref = models.PositiveBigIntegerField(
        _("card ref"), help_text=_("The card's id, kept after deletion.")
    )
    action = models.CharField(_("action"), max_length=10, choices=CardAction.choices)
    block = models.CharField(_("block"), max_length=40, choices=BLOCK_CHOICES)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("card history")
        verbose_name_plural = _("card history")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["card_ref", "-at"])]

    def __str__(self) -> str:
        return gettext("%(action)s card %(ref)s") % {"action": self.action, "ref": self.card_ref}
