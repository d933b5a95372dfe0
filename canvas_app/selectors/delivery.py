"""Read models of delivery: benefits with their status at a date, and the portfolio's
delivery view (benefits RAG counts and capex variance per canvas)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, OuterRef, Subquery

from canvas_app import impact
from canvas_app.models import Benefit, Canvas, Measurement, Outturn


@dataclass(frozen=True)
class BenefitView:
    benefit: Benefit
    measurements: list[Measurement]  # oldest first
    status: impact.BenefitStatus


def engine_benefit(benefit: Benefit, measurements) -> impact.Benefit:
    return impact.Benefit(
        baseline=benefit.baseline,
        baseline_date=benefit.baseline_date,
        target=benefit.target,
        target_date=benefit.target_date,
        measurements=[impact.Measurement(m.date, m.value) for m in measurements],
    )


def benefit_view(benefit: Benefit, measurements: list[Measurement], as_of: date) -> BenefitView:
    status = impact.benefit_status(engine_benefit(benefit, measurements), as_of)
    return BenefitView(benefit, measurements, status)


def benefits_at(canvas: Canvas, as_of: date) -> list[BenefitView]:
    """The canvas's benefits register with each benefit's status at `as_of` (two queries)."""
    benefits = canvas.benefits.prefetch_related("measurements")
    return [benefit_view(b, list(b.measurements.all()), as_of) for b in benefits]


STATUS_ORDER = ("met", "green", "amber", "red", "missed", "no_data")


@dataclass
class DeliveryRow:
    canvas: Canvas
    statuses: Counter = field(default_factory=Counter)  # status → number of benefits
    capex_variance_pct: float | None = None

    @property
    def benefits(self) -> int:
        return sum(self.statuses.values())

    def counts(self) -> list[tuple[str, int]]:
        return [(status, self.statuses.get(status, 0)) for status in STATUS_ORDER]


def portfolio_delivery(canvases, as_of: date) -> list[DeliveryRow]:
    """Two queries whatever the number of canvases: the canvases with their stored capex
    variance, then their benefits, each with its latest measurement by `as_of` (the only
    one a status reads)."""
    canvases = canvases.annotate(
        delivery_capex_variance=Subquery(
            Outturn.objects.filter(canvas=OuterRef("pk")).values("capex_variance_pct")[:1]
        )
    )
    rows = {
        canvas.pk: DeliveryRow(canvas, capex_variance_pct=canvas.delivery_capex_variance)
        for canvas in canvases
    }
    latest = Measurement.objects.filter(benefit=OuterRef("pk"), date__lte=as_of).order_by(
        "-date", "-id"
    )
    benefits = (
        Benefit.objects.filter(canvas_id__in=rows)
        .annotate(
            latest_date=Subquery(latest.values("date")[:1]),
            latest_value=Subquery(latest.values("value")[:1]),
        )
        .values(
            "canvas_id",
            "baseline",
            "baseline_date",
            "target",
            "target_date",
            "latest_date",
            "latest_value",
        )
        .order_by(F("canvas_id"))
    )
    for row in benefits:
        measured = (
            [impact.Measurement(row["latest_date"], row["latest_value"])]
            if row["latest_date"] is not None
            else []
        )
        benefit = impact.Benefit(
            baseline=row["baseline"],
            baseline_date=row["baseline_date"],
            target=row["target"],
            target_date=row["target_date"],
            measurements=measured,
        )
        rows[row["canvas_id"]].statuses[impact.benefit_status(benefit, as_of).status] += 1
    return list(rows.values())
