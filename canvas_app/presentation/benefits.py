"""What the benefits page and the reports show of the benefits realisation plan (method,
section 8): each benefit with its plan, its measurements, its status at a date and a
small chart."""

from dataclasses import dataclass
from datetime import date

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from canvas_app import charts
from canvas_app.models import Measurement
from canvas_app.selectors.delivery import STATUS_ORDER, BenefitView

from .formatting import decimal, not_available, percent

# The words carry the status: the colour of its tag only repeats them.
STATUS_LABELS = {
    "met": gettext_lazy("Met: target reached"),
    "green": gettext_lazy("Green: on track"),
    "amber": gettext_lazy("Amber: behind plan"),
    "red": gettext_lazy("Red: well behind plan"),
    "missed": gettext_lazy("Missed: target date passed"),
    "no_data": gettext_lazy("No data: no measurement yet"),
}
# Short forms for table headings (the portfolio's delivery view).
STATUS_SHORT = {
    "met": gettext_lazy("Met"),
    "green": gettext_lazy("Green"),
    "amber": gettext_lazy("Amber"),
    "red": gettext_lazy("Red"),
    "missed": gettext_lazy("Missed"),
    "no_data": gettext_lazy("No data"),
}


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


def status_headings() -> list[tuple[str, str]]:
    """(status, short label) in the order the portfolio counts them."""
    return [(status, str(STATUS_SHORT[status])) for status in STATUS_ORDER]


def quantity(value: float | None) -> str:
    """A measured value in the active language's format, with decimals only if it has some."""
    if value is None:
        return not_available()
    return decimal(value, 0 if float(value).is_integer() else 2)


@dataclass(frozen=True)
class BenefitRow:
    view: BenefitView
    as_of: date
    id_prefix: str

    @property
    def benefit(self):
        return self.view.benefit

    @property
    def measurements(self) -> list[Measurement]:
        return self.view.measurements

    def measurement_rows(self) -> list[tuple[Measurement, str]]:
        """Each measurement, oldest first, with its value ready to print."""
        return [(m, quantity(m.value)) for m in self.measurements]

    @property
    def status(self) -> str:
        return self.view.status.status

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def progress(self) -> str:
        return percent(self.view.status.progress, decimals=0)

    @property
    def expected(self) -> str:
        return percent(self.view.status.expected, decimals=0)

    @property
    def baseline(self) -> str:
        return quantity(self.benefit.baseline)

    @property
    def target(self) -> str:
        return quantity(self.benefit.target)

    @property
    def latest(self) -> str:
        latest = self.view.status.latest
        return not_available() if latest is None else quantity(latest.value)

    @property
    def latest_date(self) -> date | None:
        latest = self.view.status.latest
        return None if latest is None else latest.on

    def chart(self) -> SafeString:
        benefit = self.benefit
        return mark_safe(
            charts.benefit_chart(
                baseline=benefit.baseline,
                baseline_date=benefit.baseline_date,
                target=benefit.target,
                target_date=benefit.target_date,
                measurements=[(m.date, m.value) for m in self.measurements],
                unit=benefit.unit,
                title=benefit.name,
                as_of=self.as_of,
                id_prefix=f"{self.id_prefix}-{benefit.pk}",
            )
        )


def benefit_rows(
    views: list[BenefitView], as_of: date, *, id_prefix: str = "benefit-chart"
) -> list[BenefitRow]:
    return [BenefitRow(view, as_of, id_prefix) for view in views]
