"""What the outturn page and the post-implementation review show of an outturn (method,
section 8): the figures against the appraisal, the variances, the flags and the chart."""

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canvas_app import charts, impact
from canvas_app.impact.outturn import SHORTFALL_SHARE
from canvas_app.services.outturn import OutturnReview

from .formatting import MINUS, decimal, eur, not_available, number, percent, years

# The yearly figures recorded as actuals, by the engine's names (impact.ACTUAL_FIELDS).
FIGURE_LABELS = {
    "capex": gettext_lazy("Capex"),
    "opex": gettext_lazy("Opex"),
    "revenue": gettext_lazy("Revenue"),
    "savings": gettext_lazy("Savings"),
    "other_benefits": gettext_lazy("Other benefits"),
}


def figure_label(field: str) -> str:
    return str(FIGURE_LABELS.get(field, field))


def signed_eur(value: float) -> str:
    text = eur(value)
    return text if text.startswith(MINUS) or value == 0 else f"+{text}"


def signed_percent(value: float | None) -> str:
    if value is None:
        return not_available()
    text = f"{decimal(value, 2)} %"
    return text if text.startswith(MINUS) or value == 0 else f"+{text}"


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class VarianceRow:
    field: str
    label: str
    actual: str
    estimate: str
    difference: str
    pct: str


@dataclass(frozen=True)
class OutturnFlag:
    code: str
    message: str


class OutturnView:
    """An outturn review with a baseline (review.result is set), ready to show."""

    def __init__(self, review: OutturnReview, *, id_prefix: str = "outturn") -> None:
        assert review.result is not None, "an outturn needs an appraisal to compare with"
        self.review = review
        self.result: impact.Outturn = review.result
        self.id_prefix = id_prefix

    @property
    def recorded_years(self) -> list[int]:
        return sorted(row["year"] for row in self.review.actuals)

    def figures(self) -> list[Row]:
        result = self.result
        difference = result.enpv_outturn - result.enpv_forecast
        return [
            Row(_("ENPV of the appraisal (forecast)"), eur(result.enpv_forecast)),
            Row(
                _("ENPV with the actual figures (outturn)"),
                eur(result.enpv_outturn),
                _("%(difference)s against the forecast") % {"difference": signed_eur(difference)},
            ),
            Row(_("FNPV, outturn"), eur(result.fnpv_outturn)),
            Row(_("Benefit-cost ratio, outturn"), number(result.bcr_outturn, decimals=4)),
            Row(_("Simple payback, outturn"), years(result.payback_outturn)),
        ]

    def variances(self) -> list[VarianceRow]:
        return [
            VarianceRow(
                field=field,
                label=figure_label(field),
                actual=eur(variance.actual),
                estimate=eur(variance.estimate),
                difference=signed_eur(variance.difference),
                pct=signed_percent(variance.pct),
            )
            for field in impact.ACTUAL_FIELDS
            if (variance := self.result.variance.get(field)) is not None
        ]

    def flags(self) -> list[OutturnFlag]:
        return [OutturnFlag(code, self._flag_message(code)) for code in self.result.flags]

    def _flag_message(self, code: str) -> str:
        if code == "capex_overrun_above_uplift":
            capex = self.result.variance["capex"]
            uplift = self.review.baseline.uplifts.capex if self.review.baseline else 0.0
            return _(
                "Capex overran its estimate by %(overrun)s, more than the %(uplift)s "
                "optimism-bias uplift the appraisal allowed for."
            ) % {"overrun": signed_percent(capex.pct), "uplift": percent(uplift, decimals=0)}
        if code == "benefits_shortfall":
            return _(
                "The revenue, savings and other benefits recorded are below %(share)s of "
                "their estimate over the same years."
            ) % {"share": percent(SHORTFALL_SHARE, decimals=0)}
        return code

    def chart(self) -> SafeString:
        return mark_safe(
            charts.cumulative_net_flow(
                [float(v) for v in self.result.forecast.economic_net],
                [float(v) for v in self.result.flows.economic_net],
                recorded_years=self.recorded_years,
                id_prefix=f"{self.id_prefix}-flows",
            )
        )
