"""What the results page and the business case show of an options appraisal (method,
section 7): the table of every option, the ENPV bars, the incremental ladder, the
switching value between options, the optimism-bias uplifts and the flags.

Built from the stored appraisal (Appraisal.as_dict) and the short list as appraised
(Assessment.options), so a report shows the appraisal as it was, whatever the options
are called today.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canvas_app import charts
from canvas_app.models import Assessment, OptionKind, ProjectType

from .formatting import eur, not_available, number, percent, score

APPRAISAL_FLAG_MESSAGES = {
    "preferred_not_best": gettext_lazy(
        "The preferred option is not the best value for money: another option has a "
        "higher ENPV. The business case must say in writing why it is preferred."
    ),
    "preferred_negative_enpv": gettext_lazy(
        "The preferred option has a negative ENPV: it costs society more than it brings."
    ),
    "no_do_minimum": gettext_lazy(
        "The short list has no do-minimum option: show what the least that could be done "
        "would achieve."
    ),
    "no_alternative": gettext_lazy(
        "The short list has fewer than two options besides business as usual: compare "
        "the proposal with at least one alternative."
    ),
}


def appraisal_flag_message(code: str) -> str:
    message = APPRAISAL_FLAG_MESSAGES.get(code)
    return str(message) if message is not None else code


def kind_label(kind: str) -> str:
    return str(OptionKind(kind).label) if kind in OptionKind.values else kind


def project_type_label(project_type: str | None) -> str:
    if not project_type:
        return _("None")
    return (
        str(ProjectType(project_type).label) if project_type in ProjectType.values else project_type
    )


@dataclass(frozen=True)
class OptionRow:
    """One line of the options table, its figures ready to print."""

    key: int | str
    name: str
    kind: str
    kind_label: str
    preferred: bool
    best: bool
    rank: int
    capex_uplift: str
    pv_benefits: str
    pv_costs: str
    enpv: str
    enpv_unadjusted: str
    bcr: str
    fnpv: str
    economic: str
    environmental: str
    social: str
    overall: str


@dataclass(frozen=True)
class LadderRow:
    challenger: str
    defender: str
    incremental_bcr: str
    accepted: bool


@dataclass(frozen=True)
class UpliftRow:
    name: str
    project_type: str
    mitigation: str
    capex: str
    opex: str
    duration: str
    works_duration: str  # planned → with the uplift, in months; "" when not given


@dataclass(frozen=True)
class AppraisalFlag:
    code: str
    message: str


def _months(value: float | None) -> str:
    return not_available() if value is None else number(value, decimals=1)


class AppraisalView:
    """A stored appraisal, ready to show. `options` are the short list's rows as appraised
    (for the project types and mitigations); `threshold` the ladder's."""

    def __init__(
        self,
        appraisal: dict,
        *,
        options: Sequence[dict] = (),
        threshold: float | None = None,
        id_prefix: str = "appraisal",
    ) -> None:
        self.appraisal = appraisal
        self.options = {row.get("key"): row for row in options}
        self.threshold = threshold
        self.id_prefix = id_prefix
        self.names = {row["key"]: row["name"] for row in appraisal["options"]}

    @classmethod
    def of(cls, assessment: Assessment, *, id_prefix: str = "appraisal") -> "AppraisalView | None":
        """The appraisal of a done assessment; None for a version 1 assessment (no short list)."""
        if not assessment.appraisal:
            return None
        threshold = (assessment.parameters or {}).get("incremental_bcr_threshold")
        return cls(
            assessment.appraisal,
            options=assessment.options or (),
            threshold=threshold,
            id_prefix=id_prefix,
        )

    def name(self, key) -> str:
        return self.names.get(key, not_available())

    @property
    def preferred_name(self) -> str:
        return self.name(self.appraisal.get("preferred"))

    @property
    def best_name(self) -> str:
        return self.name(self.appraisal.get("best"))

    @property
    def ladder_best_name(self) -> str:
        return self.name(self.appraisal.get("ladder_best"))

    @property
    def preferred_is_best(self) -> bool:
        return self.appraisal.get("preferred") == self.appraisal.get("best")

    @property
    def switching_value(self) -> str:
        value = self.appraisal.get("switching_value_pct")
        return not_available() if value is None else percent(value / 100)

    @property
    def threshold_text(self) -> str:
        return number(1.0 if self.threshold is None else self.threshold, decimals=2)

    @property
    def flag_codes(self) -> list[str]:
        return list(self.appraisal.get("flags") or ())

    @property
    def justification_required(self) -> bool:
        return "preferred_not_best" in self.flag_codes

    def rows(self) -> list[OptionRow]:
        best = self.appraisal.get("best")
        return [
            OptionRow(
                key=row["key"],
                name=row["name"],
                kind=row["kind"],
                kind_label=kind_label(row["kind"]),
                preferred=row["preferred"],
                best=row["key"] == best,
                rank=row["rank"],
                capex_uplift=percent(row["capex_uplift"], decimals=0),
                pv_benefits=eur(row["pv_benefits"]),
                pv_costs=eur(row["pv_costs"]),
                enpv=eur(row["enpv"]),
                enpv_unadjusted=eur(row["enpv_unadjusted"]),
                bcr=number(row["bcr"], decimals=4),
                fnpv=eur(row["fnpv"]),
                economic=score(row["economic"]),
                environmental=score(row["environmental"]),
                social=score(row["social"]),
                overall=score(row["overall"]),
            )
            for row in self.appraisal["options"]
        ]

    def ladder(self) -> list[LadderRow]:
        return [
            LadderRow(
                challenger=self.name(step["challenger"]),
                defender=self.name(step["defender"]),
                incremental_bcr=number(step["incremental_bcr"], decimals=4),
                accepted=step["accepted"],
            )
            for step in self.appraisal.get("ladder") or ()
        ]

    def uplifts(self) -> list[UpliftRow]:
        """The uplifts used, for every option but business as usual (which has none)."""
        rows = []
        for row in self.appraisal["options"]:
            if row["kind"] == OptionKind.BAU:
                continue
            listed = self.options.get(row["key"], {})
            planned = listed.get("works_duration_months")
            works = ""
            if planned is not None:
                works = _("%(planned)s → %(adjusted)s months") % {
                    "planned": _months(planned),
                    "adjusted": _months(row.get("works_duration_adjusted")),
                }
            rows.append(
                UpliftRow(
                    name=row["name"],
                    project_type=project_type_label(listed.get("project_type")),
                    mitigation=number(listed.get("mitigation"), decimals=2),
                    capex=percent(row["capex_uplift"], decimals=0),
                    opex=percent(row["opex_uplift"], decimals=0),
                    duration=percent(row["duration_uplift"], decimals=0),
                    works_duration=works,
                )
            )
        return rows

    def flags(self) -> list[AppraisalFlag]:
        return [AppraisalFlag(code, appraisal_flag_message(code)) for code in self.flag_codes]

    def enpv_chart(self) -> SafeString:
        bars = [
            charts.EnpvBar(
                label=row["name"],
                enpv=row["enpv"],
                enpv_unadjusted=row["enpv_unadjusted"],
                preferred=row["preferred"],
            )
            for row in self.appraisal["options"]
        ]
        return mark_safe(charts.enpv_bars(bars, id_prefix=f"{self.id_prefix}-enpv"))
