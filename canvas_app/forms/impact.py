"""Forms for the impact inputs, the funding plan and the council's method parameters.

Fields, labels, units and help come from the impact engine's own documentation,
so the form always matches the method.
"""

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.impact import INPUT_DOCS, PARAMETER_DOCS, RATING_ANCHORS
from canvas_app.impact.docs import TABLE_PARAMETERS
from canvas_app.impact.validation import AMOUNT_FIELDS, QUANTITY_FIELDS, RATING_FIELDS
from canvas_app.models import FundingKind

SCHEDULE_FLOWS = ("capex", "opex", "revenue", "savings", "other_benefits")
# The engine's labels, units and help are marked where they are written (impact/docs.py)
# and translated here when the form is shown.
RATING_CHOICES = [
    ("", _("Not rated")),
    *((str(k), format_lazy("{} – {}", k, _(v))) for k, v in RATING_ANCHORS.items()),
]


def _label(name: str):
    doc = INPUT_DOCS[name]
    return format_lazy("{} ({})", _(doc.label), _(doc.unit))


def _help(name: str):
    return _(INPUT_DOCS[name].help)


def _amount(name: str) -> forms.FloatField:
    return forms.FloatField(label=_label(name), help_text=_help(name), required=False, min_value=0)


class ImpactInputsForm(forms.Form):
    """The single-value inputs; yearly schedules come from the table (ScheduleTable)."""

    lifetime_years = forms.IntegerField(
        label=_label("lifetime_years"),
        help_text=_help("lifetime_years"),
        min_value=1,
        max_value=60,
    )
    first_year = forms.IntegerField(
        label=_label("first_year"),
        help_text=_help("first_year"),
        min_value=1900,
        max_value=2200,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in (*AMOUNT_FIELDS, *QUANTITY_FIELDS):
            self.fields[name] = _amount(name)
        for name in RATING_FIELDS:
            self.fields[name] = forms.TypedChoiceField(
                label=_(INPUT_DOCS[name].label),
                choices=RATING_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
        if not self.is_bound:
            self.fields["first_year"].initial = timezone.now().year + 1

    def group(self, *names: str) -> list[forms.BoundField]:
        return [self[name] for name in names]

    @property
    def money_fields(self):
        return self.group(*AMOUNT_FIELDS)

    @property
    def environment_fields(self):
        return self.group("energy_saved_kwh", "other_ghg_t", "nox_kg", "pm25_kg")

    @property
    def people_fields(self):
        return self.group("jobs_fte", "users_served", "target_population")

    @property
    def rating_fields(self):
        return self.group(*RATING_FIELDS)

    def engine_values(self) -> dict[str, object]:
        """Cleaned values with unset amounts as 0 and unset quantities as None."""
        values = dict(self.cleaned_data)
        for name in AMOUNT_FIELDS:
            if values.get(name) is None:
                values[name] = 0.0
        return values


class ScheduleTable:
    """The per-year table of capex, opex, revenue, savings and other benefits.

    A column left entirely empty means "no schedule": the single amount is used.
    Cells are named `<flow>-<year>`, e.g. `capex-0`.
    """

    def __init__(self, lifetime: int, stored: dict | None = None, data=None) -> None:
        self.lifetime = max(1, min(int(lifetime or 1), 60))
        self.stored = stored or {}
        self.data = data
        self.errors: dict[str, list[str]] = {}

    @property
    def years(self) -> range:
        return range(self.lifetime + 1)

    def rows(self) -> list[dict]:
        return [
            {
                "t": t,
                "cells": [
                    (flow, f"{flow}-{t}", self._shown(flow, t), self.label(flow))
                    for flow in SCHEDULE_FLOWS
                ],
            }
            for t in self.years
        ]

    def _shown(self, flow: str, t: int) -> str:
        if self.data is not None:
            return self.data.get(f"{flow}-{t}", "")
        schedule = self.stored.get(f"{flow}_schedule")
        if schedule and t < len(schedule):
            return f"{schedule[t]:g}"
        return ""

    def values(self) -> dict[str, list[float] | None]:
        """Parse the table; cell errors go to self.errors keyed by `<flow>_schedule`."""
        parsed: dict[str, list[float] | None] = {}
        for flow in SCHEDULE_FLOWS:
            cells = [(self.data.get(f"{flow}-{t}") or "").strip() for t in self.years]
            if not any(cells):
                parsed[f"{flow}_schedule"] = None
                continue
            parsed[f"{flow}_schedule"] = self._numbers(flow, cells)
        return parsed

    def _numbers(self, flow: str, cells: list[str]) -> list[float] | None:
        numbers = []
        for t, cell in enumerate(cells):
            try:
                numbers.append(float(cell.replace(",", "").replace(" ", "")) if cell else 0.0)
            except ValueError:
                self.errors.setdefault(f"{flow}_schedule", []).append(
                    gettext("Year %(year)s: “%(value)s” is not a number.")
                    % {"year": t, "value": cell}
                )
                return None
        return numbers

    @staticmethod
    def label(flow: str) -> str:
        return gettext(INPUT_DOCS[flow].label)

    @property
    def headings(self) -> list[str]:
        return [self.label(flow) for flow in SCHEDULE_FLOWS]

    @property
    def labelled_errors(self) -> list[tuple[str, str]]:
        """Each error with the column's label, for the error summary."""
        return [
            (self.label(key.removesuffix("_schedule")), error)
            for key, errors in self.errors.items()
            for error in errors
        ]


class FundingSourceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=FundingKind.choices, initial=FundingKind.OWN_BUDGET
    )
    amount = forms.FloatField(label=_("Amount (EUR)"), min_value=0)
    secured = forms.BooleanField(
        label=_("Secured"), required=False, help_text=_("Untick if pledged or applied for.")
    )


FundingFormSet = forms.formset_factory(
    FundingSourceForm, extra=2, can_delete=True, max_num=50, validate_max=True
)


class MethodParametersForm(forms.Form):
    """The council's method parameters, labelled with their units, defaults and sources."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, doc in PARAMETER_DOCS.items():
            if name in TABLE_PARAMETERS:
                continue
            help_text = gettext("Default %(default)s. Source: %(source)s.") % {
                "default": doc.default,
                "source": gettext(doc.source),
            }
            if name == "carbon_price_mode":
                self.fields[name] = forms.ChoiceField(
                    label=gettext(doc.label),
                    choices=[
                        ("constant", gettext("Constant price")),
                        ("eib_path", gettext("EIB price path")),
                    ],
                    help_text=help_text,
                )
            else:
                self.fields[name] = forms.FloatField(
                    label=f"{gettext(doc.label)} ({gettext(doc.unit)})",
                    help_text=help_text,
                    min_value=0,
                )
        for code, weight in PARAMETER_DOCS["weights"].default.items():
            self.fields[f"weight_{code}"] = forms.FloatField(
                label=gettext("Weight %(code)s") % {"code": code},
                min_value=0,
                help_text=gettext("Default %(default)s.") % {"default": weight},
            )

    def engine_values(self) -> dict[str, object]:
        values = {k: v for k, v in self.cleaned_data.items() if not k.startswith("weight_")}
        values["weights"] = {
            k.removeprefix("weight_"): v
            for k, v in self.cleaned_data.items()
            if k.startswith("weight_")
        }
        return values

    @classmethod
    def initial_from(cls, values: dict) -> dict:
        initial = {k: v for k, v in values.items() if k != "weights"}
        initial.update({f"weight_{k}": v for k, v in values.get("weights", {}).items()})
        return initial
