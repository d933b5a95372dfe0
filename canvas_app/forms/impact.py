"""Forms for the impact inputs, the funding plan and the council's method parameters.

Fields, labels, units and help come from the impact engine's own documentation,
so the form always matches the method.
"""

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.impact import INPUT_DOCS, PARAMETER_DOCS, RATING_ANCHORS, MethodParameters
from canvas_app.impact.docs import TABLE_PARAMETERS
from canvas_app.impact.validation import AMOUNT_FIELDS, QUANTITY_FIELDS, RATING_FIELDS
from canvas_app.models import FundingKind, ProjectType

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
            return f"{schedule[t]:.2f}".rstrip("0").rstrip(".")  # 2000000, never 2e+06
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


BIAS_MEASURE_LABELS = {
    "works": _("Works duration"),
    "capex": _("Capex"),
    "opex": _("Opex"),
}
BIAS_BOUND_LABELS = {"upper": _("upper bound"), "lower": _("lower bound")}


def bias_field(kind: str, measure: str, bound: str) -> str:
    return f"bias_{kind}_{measure}_{bound}"


class MethodParametersForm(forms.Form):
    """The council's method parameters, labelled with their units, defaults and sources;
    the sub-score weights and the optimism-bias table (in %) as fields of their own."""

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
        for kind, measures in PARAMETER_DOCS["optimism_bias"].default.items():
            for measure, bounds in measures.items():
                for bound, default in zip(BIAS_BOUND_LABELS, bounds, strict=True):
                    self.fields[bias_field(kind, measure, bound)] = forms.FloatField(
                        label=gettext("%(type)s, %(measure)s: %(bound)s (%%)")
                        % {
                            "type": ProjectType(kind).label,
                            "measure": BIAS_MEASURE_LABELS[measure],
                            "bound": BIAS_BOUND_LABELS[bound],
                        },
                        min_value=0,
                        max_value=1000,
                        help_text=gettext("Default %(default)s.") % {"default": default},
                    )

    def _named(self, test) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if test(name)]

    @property
    def scalar_fields(self) -> list[forms.BoundField]:
        """Rates, prices and goalposts."""
        return self._named(
            lambda name: (
                not name.startswith(("weight_", "bias_")) and name != "incremental_bcr_threshold"
            )
        )

    @property
    def weight_fields(self) -> list[forms.BoundField]:
        return self._named(lambda name: name.startswith("weight_"))

    @property
    def threshold_field(self) -> forms.BoundField:
        return self["incremental_bcr_threshold"]

    def bias_rows(self) -> list[dict]:
        """The optimism-bias table: a row per project type, an upper and a lower bound
        cell per measure."""
        return [
            {
                "kind": kind,
                "label": ProjectType(kind).label,
                "cells": [
                    (self[bias_field(kind, m, "upper")], self[bias_field(kind, m, "lower")])
                    for m in measures
                ],
            }
            for kind, measures in PARAMETER_DOCS["optimism_bias"].default.items()
        ]

    @property
    def bias_measures(self) -> list[str]:
        return [str(label) for label in BIAS_MEASURE_LABELS.values()]

    def clean(self):
        cleaned = super().clean()
        for kind, measures in PARAMETER_DOCS["optimism_bias"].default.items():
            for measure in measures:
                upper = cleaned.get(bias_field(kind, measure, "upper"))
                lower = cleaned.get(bias_field(kind, measure, "lower"))
                if upper is not None and lower is not None and lower > upper:
                    self.add_error(
                        bias_field(kind, measure, "lower"),
                        gettext("The lower bound cannot exceed the upper one."),
                    )
        return cleaned

    def engine_values(self) -> dict[str, object]:
        values = {
            k: v for k, v in self.cleaned_data.items() if not k.startswith(("weight_", "bias_"))
        }
        values["weights"] = {
            k.removeprefix("weight_"): v
            for k, v in self.cleaned_data.items()
            if k.startswith("weight_")
        }
        values["optimism_bias"] = {
            kind: {
                measure: [
                    self.cleaned_data[bias_field(kind, measure, "upper")],
                    self.cleaned_data[bias_field(kind, measure, "lower")],
                ]
                for measure in measures
            }
            for kind, measures in PARAMETER_DOCS["optimism_bias"].default.items()
        }
        return values

    def add_service_errors(self, messages: dict[str, list[str]]) -> dict[str, list[str]]:
        """Put the service's errors on the optimism-bias table (`optimism_bias.<type>.<measure>`
        lands on the lower bound); returns the others."""
        left = {}
        for key, errors in messages.items():
            parts = key.split(".")
            field = bias_field(*parts[1:], "lower") if len(parts) == 3 else None
            if parts[0] == "optimism_bias" and field in self.fields:
                for error in errors:
                    self.add_error(field, error)
            else:
                left[key] = errors
        return left

    @classmethod
    def initial_from(cls, values: dict) -> dict:
        """Stored parameters as the form's initial values; what a council saved before the
        method knew a parameter (the optimism-bias table) shows the default."""
        values = {**MethodParameters().as_dict(), **values}
        initial = {k: v for k, v in values.items() if k not in TABLE_PARAMETERS}
        initial.update({f"weight_{k}": v for k, v in values.get("weights", {}).items()})
        for kind, measures in (values.get("optimism_bias") or {}).items():
            for measure, (upper, lower) in measures.items():
                initial[bias_field(kind, measure, "upper")] = upper
                initial[bias_field(kind, measure, "lower")] = lower
        return initial
