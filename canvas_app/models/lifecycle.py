"""The official trail of a canvas: stage changes, decisions and snapshots."""

from django.conf import settings
from django.db import models

from .canvases import Canvas, Stage


class StageChange(models.Model):
    """A canvas moved from one stage to another: who, when, with what note."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="stage_changes")
    revision = models.PositiveIntegerField()
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    note = models.TextField(max_length=2000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["canvas", "-at"])]

    def __str__(self) -> str:
        return f"{self.canvas_id}: {self.from_stage} → {self.to_stage}"


class Outcome(models.TextChoices):
    APPROVE = "approve", "Approved"
    REQUEST_CHANGES = "request_changes", "Changes requested"
    REJECT = "reject", "Rejected"


class Decision(models.Model):
    """An approver's decision on a revision in review. Never changed, never deleted:
    the services only create them, the API and the admin only read them, and a
    canvas with decisions cannot be deleted (archive it instead)."""

    canvas = models.ForeignKey(Canvas, on_delete=models.PROTECT, related_name="decisions")
    revision = models.PositiveIntegerField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    rationale = models.TextField(max_length=10000)
    # A SHA-256 of the content decided on: cards, impact inputs, method parameters, funding.
    fingerprint = models.CharField(max_length=64)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="decisions"
    )
    at = models.DateTimeField(auto_now_add=True)
    # Who sent the revision to review; deciding on one's own submission needs the
    # council's permission, and is recorded.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    self_approval_allowed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.canvas} revision {self.revision}"


class SnapshotKind(models.TextChoices):
    STAGE = "stage", "Stage change"
    NAMED = "named", "Named"
    RESTORE = "restore", "Before a restore"


class Snapshot(models.Model):
    """The whole canvas at a moment: cards, impact inputs and the latest scores,
    funding, partners, responsibilities and milestones, as plain data."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="snapshots")
    revision = models.PositiveIntegerField()
    stage = models.CharField(max_length=20, choices=Stage.choices)
    kind = models.CharField(max_length=10, choices=SnapshotKind.choices)
    name = models.CharField(max_length=200)
    content = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["canvas", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.name} (revision {self.revision})"
