"""Forms of the benefits realisation plan: a benefit, a measurement, the date the
statuses are read at."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canvas_app.models import Theme

DATE_WIDGET = {"type": "date"}


class BenefitForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("What changes, as a measurable indicator: “Street-lighting electricity”."),
    )
    unit = forms.CharField(label=_("Unit"), max_length=50, help_text=_("For example MWh/yr or %."))
    baseline = forms.FloatField(label=_("Baseline value"))
    baseline_date = forms.DateField(
        label=_("Baseline date"), widget=forms.DateInput(attrs=DATE_WIDGET)
    )
    target = forms.FloatField(
        label=_("Target value"),
        help_text=_("It may be below the baseline (fewer casualties, less energy)."),
    )
    target_date = forms.DateField(
        label=_("Target date"),
        widget=forms.DateInput(attrs=DATE_WIDGET),
        help_text=_("After the baseline date."),
    )
    owner = forms.CharField(
        label=_("Owner"), max_length=200, help_text=_("Who answers for the benefit arriving.")
    )
    method = forms.CharField(
        label=_("Measurement method"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How and how often it is measured, and from which source."),
    )
    theme = forms.ChoiceField(
        label=_("CITYkeys theme"),
        choices=[("", _("No theme")), *Theme.choices],
        required=False,
    )


class MeasurementForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=DATE_WIDGET))
    value = forms.FloatField(label=_("Value"))
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence_url = forms.URLField(
        label=_("Evidence link"),
        required=False,
        assume_scheme="https",
        help_text=_("A link to the report or data set the value comes from."),
    )


class AsOfForm(forms.Form):
    as_of = forms.DateField(
        label=_("Status on"),
        required=False,
        widget=forms.DateInput(attrs=DATE_WIDGET),
        help_text=_("Leave empty for today."),
    )
