"""Benefits (method, section 8) as the reports print them: the realisation plan of the
business case's annex, and each benefit's RAG status in the post-implementation review,
in the words of the benefits page (presentation.benefits)."""

from dataclasses import dataclass
from datetime import date

from django.utils import formats

from canvas_app.models import Benefit, Theme
from canvas_app.presentation.benefits import quantity, status_label
from canvas_app.presentation.formatting import percent
from canvas_app.selectors.delivery import BenefitView


def with_unit(value: float, unit: str) -> str:
    """A benefit's value with its unit: 3,000 MWh/yr, 62 %."""
    return f"{quantity(value)} {unit}".strip()


def plan_fingerprint(benefit: Benefit) -> list:
    """What a report prints of a benefit's plan, for the report's fingerprint."""
    return [
        benefit.pk,
        benefit.name,
        benefit.unit,
        benefit.baseline,
        benefit.baseline_date.isoformat(),
        benefit.target,
        benefit.target_date.isoformat(),
        benefit.owner,
        benefit.method,
        benefit.theme,
    ]


def day(value: date) -> str:
    return formats.date_format(value, "j M Y")


@dataclass(frozen=True)
class PlanRow:
    """One line of the benefits realisation plan: what, from where, to where, by when,
    who measures it and how."""

    name: str
    unit: str
    baseline: str
    baseline_date: str
    target: str
    target_date: str
    owner: str
    method: str
    theme: str


def plan_rows(benefits: list[Benefit]) -> list[PlanRow]:
    themes = dict(Theme.choices)
    return [
        PlanRow(
            name=benefit.name,
            unit=benefit.unit,
            baseline=with_unit(benefit.baseline, benefit.unit),
            baseline_date=day(benefit.baseline_date),
            target=with_unit(benefit.target, benefit.unit),
            target_date=day(benefit.target_date),
            owner=benefit.owner,
            method=benefit.method,
            theme=str(themes.get(benefit.theme, benefit.theme)),
        )
        for benefit in benefits
    ]


@dataclass(frozen=True)
class StatusRow:
    """A benefit at the review's date: where it started, where it should get, the latest
    measurement, and how far along it is against how far along it should be."""

    plan: PlanRow
    latest: str  # the latest measurement by the date, "" when there is none
    latest_date: str
    measurements: int  # all of them, whatever their date
    progress: str
    expected: str
    status: str  # the engine's code, for the style
    status_label: str


def status_rows(views: list[BenefitView]) -> list[StatusRow]:
    plans = plan_rows([view.benefit for view in views])
    rows = []
    for plan, view in zip(plans, views, strict=True):
        latest, status = view.status.latest, view.status.status
        rows.append(
            StatusRow(
                plan=plan,
                latest=with_unit(latest.value, view.benefit.unit) if latest else "",
                latest_date=day(latest.on) if latest else "",
                measurements=len(view.measurements),
                progress=percent(view.status.progress, decimals=0),
                expected=percent(view.status.expected, decimals=0),
                status=status,
                status_label=status_label(status),
            )
        )
    return rows


__all__ = ["PlanRow", "StatusRow", "plan_rows", "status_rows", "with_unit"]
