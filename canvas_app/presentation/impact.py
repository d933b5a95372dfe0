"""What the results page and the business case show of an assessment."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from canvas_app import charts
from canvas_app.models import Assessment

from .formatting import eur, humanise_key, number, percent, score, years

DIMENSIONS = (
    ("economic", "Economic"),
    ("environmental", "Environmental"),
    ("social", "Social"),
)


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


def _sub_score(entry: dict) -> SubScoreView:
    weight = entry["effective_weight"]
    return SubScoreView(
        code=entry["code"],
        label=entry["label"],
        theme=entry["theme"],
        value=score(entry["value"]),
        weight="—" if not weight else f"{weight:.0%}",
        formula=entry["formula"],
        note=entry["note"],
        inputs=[
            Row(humanise_key(k), number(v, decimals=4) if isinstance(v, float) else str(v))
            for k, v in entry["inputs"].items()
        ],
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
                title=title,
                score=score(self.scores[key]),
                value=self.scores[key],
                sub_scores=[_sub_score(e) for e in entries if e["dimension"] == key],
            )
            for key, title in DIMENSIONS
        ]

    def overall(self) -> list[Row]:
        return [
            Row("Overall (arithmetic mean)", score(self.scores["overall_arithmetic"])),
            Row(
                "Overall (geometric mean)",
                score(self.scores["overall_geometric"]),
                "Less compensatory: a weak dimension pulls it down more.",
            ),
        ]

    def cost_benefit(self) -> list[Row]:
        cba, params = self.result["cba"], self.result["parameters"]
        fdr, sdr = (
            percent(params["financial_discount_rate"], decimals=1),
            percent(params["social_discount_rate"], decimals=1),
        )
        return [
            Row("Financial net present value (FNPV)", eur(cba["fnpv"]), f"at {fdr}"),
            Row("Financial internal rate of return (FIRR)", percent(cba["firr"])),
            Row("Economic net present value (ENPV)", eur(cba["enpv"]), f"at {sdr}"),
            Row("Economic internal rate of return (EIRR)", percent(cba["eirr"])),
            Row("Benefit-cost ratio", number(cba["benefit_cost_ratio"], decimals=4)),
            Row("Simple payback", years(cba["simple_payback_years"])),
            Row("Discounted payback", years(cba["discounted_payback_years"]), f"at {fdr}"),
            Row(
                "Greenhouse gas avoided",
                number(cba["ghg_avoided_t_per_year"], decimals=1, unit="t CO2e/year"),
                number(cba["ghg_avoided_t_lifetime"], decimals=0, unit="t over the lifetime"),
            ),
            Row("Present value of environmental value", eur(cba["pv_environmental_value"])),
            Row("ENPV with externalities", eur(cba["enpv_with_externalities"])),
            Row(
                "Abatement cost",
                number(cba["abatement_cost_eur_per_t"], decimals=2, unit="EUR/t CO2e"),
                "Negative: the service saves money while it cuts emissions.",
            ),
        ]

    def funding(self) -> list[Row]:
        gap, plan = self.result["funding_gap"], self.result["funding_plan"]
        rows = [
            Row("Discounted investment cost", eur(gap["discounted_investment_cost"])),
            Row("Discounted net revenue", eur(gap["discounted_net_revenue"])),
            Row("Funding gap rate", percent(gap["gap_rate"], decimals=1)),
            Row("Funding gap", eur(gap["funding_gap"])),
        ]
        if plan["source_count"]:
            rows += [
                Row("Funding secured", eur(plan["secured"])),
                Row("Funding pledged", eur(plan["pledged"])),
                Row("Coverage of the investment", percent(plan["coverage_ratio"], decimals=0)),
                Row("Unfunded", eur(plan["unfunded"])),
            ]
        return rows

    def flags(self) -> list[dict]:
        return self.result["flags"]

    def switching_values(self) -> list[Row]:
        return [
            Row(
                entry["label"],
                "n/a"
                if entry["switching_value_pct"] is None
                else f"{entry['switching_value_pct']:+,.2f} %".replace("-", "−"),
                "critical" if entry["critical"] else "",
            )
            for entry in self.result["sensitivity"]["switching_values"]
        ]

    def risk(self) -> list[Row] | None:
        risk = self.result["risk"]
        if risk is None:
            return None
        return [
            Row("Probability that ENPV > 0", percent(risk["probability_positive"], decimals=1)),
            Row("Mean ENPV", eur(risk["mean"])),
            Row("P10 / P50 / P90", f"{eur(risk['p10'])} / {eur(risk['p50'])} / {eur(risk['p90'])}"),
            Row("Draws", f"{risk['draws']:,}"),
        ]

    def scores_chart(self) -> SafeString:
        return mark_safe(charts.score_bars(self.scores, id_prefix=f"{self.id_prefix}-scores"))

    def tornado_chart(self) -> SafeString:
        return mark_safe(
            charts.tornado(
                self.result["sensitivity"]["tornado"],
                base=self.result["cba"]["enpv"],
                id_prefix=f"{self.id_prefix}-tornado",
            )
        )

    def flow_rows(self) -> list[dict]:
        return self.result["flows"]
