"""Per-canvas access for people outside the council: stakeholders and observers."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .canvases import Canvas


class CanvasRole(models.TextChoices):
    STAKEHOLDER = "stakeholder", _("Stakeholder (reads and comments)")
    OBSERVER = "observer", _("Observer (reads only)")


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

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("canvas")
    )
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=16, choices=CanvasRole.choices)
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Shown in the consultation annex instead of the e-mail address."),
    )
    token_nonce = models.CharField(_("token nonce"), max_length=64)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"))
    send_count = models.PositiveSmallIntegerField(_("send count"), default=1)
    # The nonce of the last link e-mailed: differs from token_nonce while an e-mail is due.
    emailed_nonce = models.CharField(_("emailed nonce"), max_length=64, blank=True)
    expires_at = models.DateTimeField(_("expires at"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="canvas_invitations",
        verbose_name=_("user"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
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
        return gettext("%(email)s to %(canvas)s (%(role)s)") % {
            "email": self.email,
            "canvas": self.canvas,
            "role": self.role,
        }

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

    email = models.EmailField(_("email"), unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("email opt out")
        verbose_name_plural = _("email opt outs")

    def __str__(self) -> str:
        return self.email
