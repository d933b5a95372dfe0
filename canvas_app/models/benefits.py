"""The benefits realisation plan and the outturn review (method, section 8)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .canvases import Canvas


class Theme(models.TextChoices):
    """CITYkeys themes."""

    PEOPLE = "people", _("People")
    PLANET = "planet", _("Planet")
    PROSPERITY = "prosperity", _("Prosperity")
    GOVERNANCE = "governance", _("Governance")
    PROPAGATION = "propagation", _("Propagation")


class Benefit(models.Model):
    """A benefit the service should bring, as a KPI with a baseline and a target."""

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="benefits", verbose_name=_("canvas")
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50)
    baseline = models.FloatField(_("baseline"))
    baseline_date = models.DateField(_("baseline date"))
    target = models.FloatField(_("target"))
    target_date = models.DateField(_("target date"))
    owner = models.CharField(_("owner"), max_length=200)
    method = models.TextField(_("measurement method"), max_length=2000, blank=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Measurement(models.Model):
    benefit = models.ForeignKey(
        Benefit, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("benefit")
    )
    date = models.DateField(_("date"))
    value = models.FloatField(_("value"))
    note = models.TextField(_("note"), max_length=2000, blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.benefit}: {self.value} on {self.date}"


class Outturn(models.Model):
    """What a service actually cost and brought, year by year, for the post-implementation
    review. Recording it never changes the approved appraisal."""

    canvas = models.OneToOneField(
        Canvas, on_delete=models.CASCADE, related_name="outturn", verbose_name=_("canvas")
    )
    # [{"year": 0, "capex": 2300000}, {"year": 1, "savings": 330000, "opex": 18000}, ...]
    actuals = models.JSONField(_("actual figures"), default=list)
    lessons_learned = models.TextField(_("lessons learned"), max_length=10000, blank=True)
    # Kept with the actuals (and moved by a new approval) so that the portfolio and the
    # council's observed overrun read it without running the engine per canvas.
    capex_variance_pct = models.FloatField(_("capex variance (%)"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("outturn")
        verbose_name_plural = _("outturns")

    def __str__(self) -> str:
        return f"Outturn of {self.canvas}"
