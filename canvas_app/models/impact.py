"""What the impact method needs beyond the cards: a canvas's inputs and funding,
a council's method parameters, and the stored assessments.

Inputs and parameters are stored as the engine's own field mapping (validated by
the engine), so a new method field needs no migration.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from .canvases import Canvas
from .councils import Council


class ImpactInputs(models.Model):
    canvas = models.OneToOneField(Canvas, on_delete=models.CASCADE, related_name="impact_inputs")
    values = models.JSONField(default=dict, help_text="Engine input field → value.")
    # Bumped on every change of the inputs or the funding sources: an assessment
    # made from an older version is stale.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "impact inputs"

    def __str__(self) -> str:
        return f"Impact inputs of {self.canvas}"


class FundingKind(models.TextChoices):
    OWN_BUDGET = "own_budget", "Own budget"
    EU_GRANT = "eu_grant", "EU grant"
    LOAN = "loan", "Loan"
    PPP = "ppp", "Public-private partnership"
    USER_FEES = "user_fees", "User fees"
    OTHER = "other", "Other"


class FundingSource(models.Model):
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="funding_sources")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=FundingKind.choices, default=FundingKind.OTHER)
    amount = models.FloatField(validators=[MinValueValidator(0)], help_text="EUR")
    secured = models.BooleanField(default=False, help_text="Unticked: pledged or applied for.")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class MethodParameters(models.Model):
    council = models.OneToOneField(
        Council, on_delete=models.CASCADE, related_name="method_parameters"
    )
    values = models.JSONField(default=dict, help_text="Engine parameter field → value.")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "method parameters"

    def __str__(self) -> str:
        return f"Method parameters of {self.council}"


class AssessmentStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Assessment(models.Model):
    """One run of the impact method on one set of inputs, parameters and funding.

    Keyed by the fingerprint of all it was computed from: the same fingerprint
    never gives a second assessment.
    """

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="assessments")
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(
        max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.QUEUED
    )
    error = models.TextField(blank=True)
    method_version = models.PositiveIntegerField()
    inputs_version = models.PositiveIntegerField()
    parameters_version = models.PositiveIntegerField()
    risk_seed = models.BigIntegerField()
    inputs = models.JSONField()
    parameters = models.JSONField()
    funding = models.JSONField(default=list)
    result = models.JSONField(null=True, blank=True)
    # Denormalised from the result for the portfolio's sorting and chart.
    economic = models.FloatField(null=True, blank=True)
    environmental = models.FloatField(null=True, blank=True)
    social = models.FloatField(null=True, blank=True)
    overall = models.FloatField(null=True, blank=True)
    capex = models.FloatField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["canvas", "fingerprint"], name="one_assessment_per_fingerprint"
            )
        ]
        indexes = [
            models.Index(fields=["canvas", "-requested_at"]),
            models.Index(fields=["status", "requested_at"]),
        ]

    def __str__(self) -> str:
        return f"Assessment {self.fingerprint[:8]} of {self.canvas} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status in (AssessmentStatus.QUEUED, AssessmentStatus.RUNNING)
