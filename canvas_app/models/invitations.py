"""Per-canvas access for people outside the council: stakeholders and observers."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .canvases import Canvas


class CanvasRole(models.TextChoices):
    STAKEHOLDER = "stakeholder", "Stakeholder (reads and comments)"
    OBSERVER = "observer", "Observer (reads only)"


class InvitationQuerySet(models.QuerySet):
    def granting_access(self) -> "InvitationQuerySet":
        """Accepted and not revoked: the invitee reads the canvas."""
        return self.filter(accepted_at__isnull=False, revoked_at__isnull=True)

    def live(self) -> "InvitationQuerySet":
        """Not revoked, whether accepted yet or not."""
        return self.filter(revoked_at__isnull=True)


class Invitation(models.Model):
    """An invitation by e-mail to one canvas.

    The link's token is never stored: it is derived from `token_nonce` with the
    secret key (so the worker that sends the e-mail can rebuild it from the id)
    and looked up by its SHA-256. A new nonce (re-send) kills the old link.
    """

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=CanvasRole.choices)
    organisation = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown in the consultation annex instead of the e-mail address.",
    )
    token_nonce = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField()
    send_count = models.PositiveSmallIntegerField(default=1)
    # The nonce of the last link e-mailed: differs from token_nonce while an e-mail is due.
    emailed_nonce = models.CharField(max_length=64, blank=True)
    expires_at = models.DateTimeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="canvas_invitations",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["canvas", "email"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_live_invitation_per_address",
            )
        ]
        indexes = [models.Index(fields=["user", "canvas"])]

    def __str__(self) -> str:
        return f"{self.email} to {self.canvas} ({self.role})"

    @property
    def status(self) -> str:
        """revoked, accepted, expired or pending."""
        if self.revoked_at:
            return "revoked"
        if self.accepted_at:
            return "accepted"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"

    @property
    def display_name(self) -> str:
        """How the invitee appears to others: the organisation, never the address."""
        if self.organisation:
            return self.organisation
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return self.get_role_display()


class EmailOptOut(models.Model):
    """An address that asked, through an invitation's unsubscribe link, not to be
    invited again. Only the address is kept."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.email
