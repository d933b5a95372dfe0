"""The short list of options a canvas appraises (method, section 7)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .canvases import Canvas


class OptionKind(models.TextChoices):
    BAU = "bau", _("Business as usual")
    DO_MINIMUM = "do_minimum", _("Do minimum")
    DO_SOMETHING = "do_something", _("Do something")


class ProjectType(models.TextChoices):
    """The optimism-bias categories of the Green Book's supplementary guidance."""

    STANDARD_BUILDINGS = "standard_buildings", _("Standard buildings")
    NON_STANDARD_BUILDINGS = "non_standard_buildings", _("Non-standard buildings")
    STANDARD_CIVIL_ENGINEERING = "standard_civil_engineering", _("Standard civil engineering")
    NON_STANDARD_CIVIL_ENGINEERING = (
        "non_standard_civil_engineering",
        _("Non-standard civil engineering"),
    )
    EQUIPMENT_DEVELOPMENT = "equipment_development", _("Equipment and development")
    OUTSOURCING = "outsourcing", _("Outsourcing")


class Option(models.Model):
    """One option of a canvas's short list.

    Business as usual has no inputs: it is the counterfactual the others are stated
    against. The preferred option's inputs are the canvas's impact inputs
    (ImpactInputs, which the services keep in step), so everything that reads those
    reads the preferred option.
    """

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="options", verbose_name=_("canvas")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=OptionKind.choices)
    preferred = models.BooleanField(_("preferred"), default=False)
    # The engine's input field mapping, as for ImpactInputs; None for business as usual.
    inputs = models.JSONField(_("inputs"), null=True, blank=True)
    project_type = models.CharField(
        _("project type"), max_length=40, choices=ProjectType.choices, blank=True
    )
    mitigation = models.FloatField(
        _("mitigation"),
        default=0.0,
        help_text=_("How far the causes of overrun are already managed, from 0 to 1."),
    )
    works_duration_months = models.FloatField(
        _("planned works duration (months)"), null=True, blank=True
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["canvas"], condition=models.Q(kind="bau"), name="one_bau_per_canvas"
            ),
            models.UniqueConstraint(
                fields=["canvas"],
                condition=models.Q(kind="do_minimum"),
                name="one_do_minimum_per_canvas",
            ),
            models.UniqueConstraint(
                fields=["canvas"],
                condition=models.Q(preferred=True),
                name="one_preferred_option_per_canvas",
            ),
        ]

    def __str__(self) -> str:
        return self.name
