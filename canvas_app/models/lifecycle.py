"""The official trail of a canvas: stage changes, decisions and snapshots."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .canvases import Canvas, Stage


class StageChange(models.Model):
    """A canvas moved from one stage to another: who, when, with what note."""

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="stage_changes", verbose_name=_("canvas")
    )
    revision = models.PositiveIntegerField(_("revision"))
    from_stage = models.CharField(_("from stage"), max_length=20, choices=Stage.choices)
    to_stage = models.CharField(_("to stage"), max_length=20, choices=Stage.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["canvas", "-at"])]

    def __str__(self) -> str:
        return f"{self.canvas_id}: {self.from_stage} → {self.to_stage}"


class Outcome(models.TextChoices):
    APPROVE = "approve", _("Approved")
    REQUEST_CHANGES = "request_changes", _("Changes requested")
    REJECT = "reject", _("Rejected")


class Decision(models.Model):
    """An approver's decision on a revision in review. Never changed, never deleted:
    the services only create them, the API and the admin only read them, and a
    canvas with decisions cannot be deleted (archive it instead)."""

    canvas = models.ForeignKey(
        Canvas, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("canvas")
    )
    revision = models.PositiveIntegerField(_("revision"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    rationale = models.TextField(_("rationale"), max_length=10000)
    # A SHA-256 of the content decided on: cards, impact inputs, method parameters, funding.
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    # Who sent the revision to review; deciding on one's own submission needs the
    # council's permission, and is recorded.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    self_approval_allowed = models.BooleanField(_("self approval allowed"), default=False)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return gettext("%(outcome)s: %(canvas)s revision %(revision)s") % {
            "outcome": self.get_outcome_display(),
            "canvas": self.canvas,
            "revision": self.revision,
        }


class SnapshotKind(models.TextChoices):
    STAGE = "stage", _("Stage change")
    NAMED = "named", _("Named")
    RESTORE = "restore", _("Before a restore")


class Snapshot(models.Model):
    """The whole canvas at a moment: cards, impact inputs and the latest scores,
    funding, partners, responsibilities and milestones, as plain data."""

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="snapshots", verbose_name=_("canvas")
    )
    revision = models.PositiveIntegerField(_("revision"))
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=SnapshotKind.choices)
    # Named snapshots: the name given. Others: what their title is made from (the
    # restored snapshot's title, for one taken before a restore).
    name = models.CharField(_("name"), max_length=200)
    # The n-th snapshot of this kind, stage and revision (a revision sent to review twice
    # has two review snapshots).
    sequence = models.PositiveSmallIntegerField(_("sequence"), default=1)
    content = models.JSONField(_("content"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["canvas", "-created_at"])]

    def __str__(self) -> str:
        return gettext("%(name)s (revision %(revision)s)") % {
            "name": self.title,
            "revision": self.revision,
        }

    @property
    def title(self) -> str:
        """The snapshot's name as shown, in the reader's language."""
        if self.kind == SnapshotKind.STAGE:
            title = gettext("%(stage)s, revision %(revision)s") % {
                "stage": self.get_stage_display(),
                "revision": self.revision,
            }
        elif self.kind == SnapshotKind.RESTORE:
            title = gettext("Before restoring “%(name)s”") % {"name": self.name}
        else:
            return self.name
        if self.sequence > 1:
            title = gettext("%(title)s (%(sequence)s)") % {
                "title": title,
                "sequence": self.sequence,
            }
        return title
