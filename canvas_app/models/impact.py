"""What the impact method needs beyond the cards: a canvas's inputs and funding,
a council's method parameters, and the stored assessments.

Inputs and parameters are stored as the engine's own field mapping (validated by
the engine), so a new method field needs no migration.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .canvases import Canvas
from .councils import Council


class ImpactInputs(models.Model):
    canvas = models.OneToOneField(
        Canvas, on_delete=models.CASCADE, related_name="impact_inputs", verbose_name=_("canvas")
    )
    values = models.JSONField(_("values"), default=dict, help_text=_("Engine input field → value."))
    # Bumped on every change of the inputs or the funding sources: an assessment
    # made from an older version is stale.
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("impact inputs")
        verbose_name_plural = _("impact inputs")

    def __str__(self) -> str:
        return gettext("Impact inputs of %(canvas)s") % {"canvas": self.canvas}


class FundingKind(models.TextChoices):
    OWN_BUDGET = "own_budget", _("Own budget")
    EU_GRANT = "eu_grant", _("EU grant")
    LOAN = "loan", _("Loan")
    PPP = "ppp", _("Public-private partnership")
    USER_FEES = "user_fees", _("User fees")
    OTHER = "other", _("Other")


class FundingSource(models.Model):
    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="funding_sources", verbose_name=_("canvas")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=FundingKind.choices, default=FundingKind.OTHER
    )
    amount = models.FloatField(_("amount"), validators=[MinValueValidator(0)], help_text=_("EUR"))
    secured = models.BooleanField(
        _("secured"), default=False, help_text=_("Unticked: pledged or applied for.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class MethodParameters(models.Model):
    council = models.OneToOneField(
        Council,
        on_delete=models.CASCADE,
        related_name="method_parameters",
        verbose_name=_("council"),
    )
    values = models.JSONField(
        _("values"), default=dict, help_text=_("Engine parameter field → value.")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("method parameters")
        verbose_name_plural = _("method parameters")

    def __str__(self) -> str:
        return gettext("Method parameters of %(council)s") % {"council": self.council}


class AssessmentStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Assessment(models.Model):
    """One run of the impact method on one set of inputs, parameters and funding.

    Keyed by the fingerprint of all it was computed from: the same fingerprint
    never gives a second assessment.
    """

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("canvas")
    )
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.QUEUED,
    )
    error = models.TextField(_("error"), blank=True)
    method_version = models.PositiveIntegerField(_("method version"))
    inputs_version = models.PositiveIntegerField(_("inputs version"))
    parameters_version = models.PositiveIntegerField(_("parameters version"))
    risk_seed = models.BigIntegerField(_("risk seed"))
    inputs = models.JSONField(_("inputs"))
    parameters = models.JSONField(_("parameters"))
    funding = models.JSONField(_("funding"), default=list)
    # Version 2: the short list as appraised (its options other than the preferred
    # one's inputs, which are `inputs`) and the appraisal of all of them. `result` is
    # the preferred option's assessment; None when business as usual is preferred.
    options = models.JSONField(_("options"), default=list, blank=True)
    appraisal = models.JSONField(_("appraisal"), null=True, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    # Denormalised from the result for the portfolio's sorting and chart.
    economic = models.FloatField(_("economic"), null=True, blank=True)
    environmental = models.FloatField(_("environmental"), null=True, blank=True)
    social = models.FloatField(_("social"), null=True, blank=True)
    overall = models.FloatField(_("overall"), null=True, blank=True)
    capex = models.FloatField(_("capex"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_at = models.DateTimeField(_("requested at"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    duration_ms = models.FloatField(_("duration ms"), null=True, blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
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
        return gettext("Assessment %(fingerprint)s of %(canvas)s (%(status)s)") % {
            "fingerprint": self.fingerprint[:8],
            "canvas": self.canvas,
            "status": self.status,
        }

    @property
    def is_pending(self) -> bool:
        return self.status in (AssessmentStatus.QUEUED, AssessmentStatus.RUNNING)
