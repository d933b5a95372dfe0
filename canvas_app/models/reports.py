"""Business case PDFs and the share links that publish them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .canvases import Canvas


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RENDERING = "rendering", _("Rendering")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ReportKind(models.TextChoices):
    BUSINESS_CASE = "business_case", _("Business case")
    REVIEW = "review", _("Post-implementation review")


class Report(models.Model):
    """One rendering of a canvas's business case, keyed by the fingerprint of
    everything it shows: an unchanged canvas is served from storage."""

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="reports", verbose_name=_("canvas")
    )
    # Set when the report shows a snapshot (an approved revision, say) rather than the
    # canvas as it is now.
    snapshot = models.ForeignKey(
        "canvas_app.Snapshot",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("snapshot"),
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=ReportKind.choices, default=ReportKind.BUSINESS_CASE
    )
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    # The language it is written in; part of the fingerprint, so each language is a file.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    pdf = models.FileField(_("pdf"), upload_to="reports/%Y/%m/", blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    size_bytes = models.PositiveIntegerField(_("size bytes"), null=True, blank=True)
    render_ms = models.FloatField(_("render ms"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["canvas", "fingerprint"], name="one_report_per_fingerprint"
            )
        ]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        return gettext("Report %(fingerprint)s of %(canvas)s (%(status)s)") % {
            "fingerprint": self.fingerprint[:8],
            "canvas": self.canvas,
            "status": self.status,
        }

    @property
    def is_pending(self) -> bool:
        return self.status in (ReportStatus.QUEUED, ReportStatus.RENDERING)


class ShareLinkQuerySet(models.QuerySet):
    def active(self, now) -> "ShareLinkQuerySet":
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ShareLink(models.Model):
    """A read-only, account-free link to a canvas's business case.

    Only the SHA-256 of the token is stored: the token itself is shown once.
    """

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="share_links", verbose_name=_("canvas")
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    token_hint = models.CharField(
        _("token hint"), max_length=8, help_text=_("The token's first characters.")
    )
    label = models.CharField(_("label"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return gettext("Share link %(hint)s… for %(canvas)s") % {
            "hint": self.token_hint,
            "canvas": self.canvas,
        }
