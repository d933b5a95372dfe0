"""What the results page and the business case show of an assessment."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canvas_app import charts
from canvas_app.impact.flags import FLAG_MESSAGES, flag_message
from canvas_app.models import Assessment

from .formatting import decimal, eur, humanise_key, not_available, number, percent, score, years

DIMENSIONS = (
    ("economic", gettext_lazy("Economic")),
    ("environmental", gettext_lazy("Environmental")),
    ("social", gettext_lazy("Social")),
)


# The figures behind each sub-score, by the engine's names (see impact/scores.py); an
# unknown name is shown as it is spelt.
INPUT_LABELS = {
    "rating": gettext_lazy("Rating"),
    "benefit_cost_ratio": gettext_lazy("Benefit cost ratio"),
    "pv_benefits": gettext_lazy("Pv benefits"),
    "pv_costs": gettext_lazy("Pv costs"),
    "simple_payback_years": gettext_lazy("Simple payback years"),
    "lifetime_years": gettext_lazy("Lifetime years"),
    "pv_revenue_and_savings": gettext_lazy("Pv revenue and savings"),
    "pv_opex": gettext_lazy("Pv opex"),
    "jobs_fte": gettext_lazy("Jobs fte"),
    "total_capex": gettext_lazy("Total capex"),
    "ghg_avoided_t_per_year": gettext_lazy("Ghg avoided t per year"),
    "abatement_cost_eur_per_t": gettext_lazy("Abatement cost eur per t"),
    "users_served": gettext_lazy("Users served"),
    "target_population": gettext_lazy("Target population"),
}


def input_label(key: str) -> str:
    return str(INPUT_LABELS[key]) if key in INPUT_LABELS else humanise_key(key)


def input_value(value: object) -> str:
    if value is None:
        return not_available()
    return number(value, decimals=4) if isinstance(value, float) else str(value)


def engine_text(text: str) -> str:
    """Text from the impact engine's tables (labels, themes, notes), marked there with
    gettext_noop or stored in English with a result, in the active language. "" stays ""
    (gettext("") would give the catalogue's header)."""
    return _(text) if text else text


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class SubScoreView:
    code: str
    label: str
    theme: str
    value: str
    weight: str
    formula: str
    note: str
    inputs: list[Row]
    goalpost: str


@dataclass(frozen=True)
class DimensionView:
    key: str
    title: str
    score: str
    value: float | None
    sub_scores: list[SubScoreView] = field(default_factory=list)


def _signed_percent(value: float) -> str:
    """A change in per cent with its sign, +12.34 % or −5.00 %, in the active language."""
    text = f"{decimal(value, 2)} %"
    return text if text.startswith("−") else f"+{text}"


def _sub_score(entry: dict) -> SubScoreView:
    weight = entry["effective_weight"]
    return SubScoreView(
        code=entry["code"],
        label=engine_text(entry["label"]),
        theme=engine_text(entry["theme"]),
        value=score(entry["value"]),
        weight="—" if not weight else f"{weight:.0%}",
        formula=engine_text(entry["formula"]),
        note=engine_text(entry["note"]),
        inputs=[Row(input_label(k), input_value(v)) for k, v in entry["inputs"].items()],
        goalpost="" if entry["goalpost"] is None else number(entry["goalpost"], decimals=2),
    )


class ImpactSummary:
    """A done assessment, ready to show. Build it only for status `done`."""

    def __init__(self, assessment: Assessment, *, id_prefix: str = "impact") -> None:
        self.assessment = assessment
        self.result: dict = assessment.result
        self.id_prefix = id_prefix

    @property
    def scores(self) -> dict:
        return self.result["scores"]

    def dimensions(self) -> list[DimensionView]:
        entries = self.result["sub_scores"]
        return [
            DimensionView(
                key=key,
                title=str(title),
                score=score(self.scores[key]),
                value=self.scores[key],
                sub_scores=[_sub_score(e) for e in entries if e["dimension"] == key],
            )
            for key, title in DIMENSIONS
        ]

    def overall(self) -> list[Row]:
        return [
            Row(_("Overall (arithmetic mean)"), score(self.scores["overall_arithmetic"])),
            Row(
                _("Overall (geometric mean)"),
                score(self.scores["overall_geometric"]),
                _("Less compensatory: a weak dimension pulls it down more."),
            ),
        ]

    def cost_benefit(self) -> list[Row]:
        cba, params = self.result["cba"], self.result["parameters"]
        fdr, sdr = (
            percent(params["financial_discount_rate"], decimals=1),
            percent(params["social_discount_rate"], decimals=1),
        )
        at_fdr, at_sdr = _("at %(rate)s") % {"rate": fdr}, _("at %(rate)s") % {"rate": sdr}
        return [
            Row(_("Financial net present value (FNPV)"), eur(cba["fnpv"]), at_fdr),
            Row(_("Financial internal rate of return (FIRR)"), percent(cba["firr"])),
            Row(_("Economic net present value (ENPV)"), eur(cba["enpv"]), at_sdr),
            Row(_("Economic internal rate of return (EIRR)"), percent(cba["eirr"])),
            Row(_("Benefit-cost ratio"), number(cba["benefit_cost_ratio"], decimals=4)),
            Row(_("Simple payback"), years(cba["simple_payback_years"])),
            Row(_("Discounted payback"), years(cba["discounted_payback_years"]), at_fdr),
            Row(
                _("Greenhouse gas avoided"),
                number(cba["ghg_avoided_t_per_year"], decimals=1, unit=_("t CO2e/year")),
                number(cba["ghg_avoided_t_lifetime"], decimals=0, unit=_("t over the lifetime")),
            ),
            Row(_("Present value of environmental value"), eur(cba["pv_environmental_value"])),
            Row(_("ENPV with externalities"), eur(cba["enpv_with_externalities"])),
            Row(
                _("Abatement cost"),
                number(cba["abatement_cost_eur_per_t"], decimals=2, unit=_("EUR/t CO2e")),
                _("Negative: the service saves money while it cuts emissions."),
            ),
        ]

    def funding(self) -> list[Row]:
        gap, plan = self.result["funding_gap"], self.result["funding_plan"]
        rows = [
            Row(_("Discounted investment cost"), eur(gap["discounted_investment_cost"])),
            Row(_("Discounted net revenue"), eur(gap["discounted_net_revenue"])),
            Row(_("Funding gap rate"), percent(gap["gap_rate"], decimals=1)),
            Row(_("Funding gap"), eur(gap["funding_gap"])),
        ]
        if plan["source_count"]:
            rows += [
                Row(_("Funding secured"), eur(plan["secured"])),
                Row(_("Funding pledged"), eur(plan["pledged"])),
                Row(_("Coverage of the investment"), percent(plan["coverage_ratio"], decimals=0)),
                Row(_("Unfunded"), eur(plan["unfunded"])),
            ]
        return rows

    def flags(self) -> list[dict]:
        """The stored flags, their messages in the reader's language."""
        return [
            {**flag, "message": flag_message(flag["code"], flag.get("figures", {}))}
            if flag.get("code") in FLAG_MESSAGES
            else flag
            for flag in self.result["flags"]
        ]

    def switching_values(self) -> list[Row]:
        return [
            Row(
                engine_text(entry["label"]),
                not_available()
                if entry["switching_value_pct"] is None
                else _signed_percent(entry["switching_value_pct"]),
                _("critical") if entry["critical"] else "",
            )
            for entry in self.result["sensitivity"]["switching_values"]
        ]

    def risk(self) -> list[Row] | None:
        risk = self.result["risk"]
        if risk is None:
            return None
        return [
            Row(_("Probability that ENPV > 0"), percent(risk["probability_positive"], decimals=1)),
            Row(_("Mean ENPV"), eur(risk["mean"])),
            Row(
                _("P10 / P50 / P90"),
                f"{eur(risk['p10'])} / {eur(risk['p50'])} / {eur(risk['p90'])}",
            ),
            Row(_("Draws"), decimal(risk["draws"], 0)),
        ]

    def scores_chart(self) -> SafeString:
        return mark_safe(charts.score_bars(self.scores, id_prefix=f"{self.id_prefix}-scores"))

    def tornado_chart(self) -> SafeString:
        return mark_safe(
            charts.tornado(
                [
                    {**row, "label": engine_text(row.get("label") or "")}
                    for row in self.result["sensitivity"]["tornado"]
                ],
                base=self.result["cba"]["enpv"],
                id_prefix=f"{self.id_prefix}-tornado",
            )
        )

    def flow_rows(self) -> list[dict]:
        return self.result["flows"]
