"""Forms of the outturn review: the table of actual yearly figures and the lessons learned."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.impact import ACTUAL_FIELDS
from canvas_app.presentation.outturn import figure_label
from canvas_app.services.outturn import LESSONS_MAX_LENGTH


class ActualsTable:
    """Actual figures by year t = 0..n, one column per figure; a blank cell is a figure not
    recorded (the forecast stands for it). Cells are named `<figure>-<year>`, e.g. `capex-0`.
    """

    def __init__(self, lifetime: int, stored: list[dict] | None = None, data=None) -> None:
        self.lifetime = max(0, min(int(lifetime), 60))
        self.stored = {row["year"]: row for row in stored or ()}
        self.data = data
        self.errors: dict[str, list[str]] = {}  # by cell name
        self._years: list[int] = []  # the year of each row sent, in order (service errors)

    @property
    def years(self) -> range:
        return range(self.lifetime + 1)

    @staticmethod
    def cell(field: str, year: int) -> str:
        return f"{field}-{year}"

    @property
    def headings(self) -> list[str]:
        return [figure_label(field) for field in ACTUAL_FIELDS]

    def rows(self) -> list[dict]:
        return [
            {
                "t": t,
                "cells": [
                    {
                        "name": self.cell(field, t),
                        "label": figure_label(field),
                        "value": self._shown(field, t),
                        "errors": self.errors.get(self.cell(field, t), []),
                    }
                    for field in ACTUAL_FIELDS
                ],
            }
            for t in self.years
        ]

    def _shown(self, field: str, t: int) -> str:
        if self.data is not None:
            return self.data.get(self.cell(field, t), "")
        value = self.stored.get(t, {}).get(field)
        # plain digits, never 2.3e+06: the figure is read and typed over as it is
        return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")

    def values(self) -> list[dict]:
        """The rows with at least one figure, as outturn_set takes them; cell errors go to
        self.errors."""
        rows = []
        for t in self.years:
            row: dict = {"year": t}
            for field in ACTUAL_FIELDS:
                name = self.cell(field, t)
                text = (self.data.get(name) or "").strip().replace(",", "").replace(" ", "")
                if not text:
                    continue
                try:
                    row[field] = float(text)
                except ValueError:
                    self.errors.setdefault(name, []).append(gettext("Enter a number."))
            if len(row) > 1:
                rows.append(row)
        self._years = [row["year"] for row in rows]
        return rows

    def add_service_errors(self, messages: dict[str, list[str]]) -> list[str]:
        """Put outturn_set's errors (`actuals[2].capex`: the third row sent) on their cells;
        returns those that name no cell."""
        left = []
        for key, errors in messages.items():
            cell = self._cell_of(key)
            if cell is None:
                left.extend(errors)
            else:
                self.errors.setdefault(cell, []).extend(errors)
        return left

    def _cell_of(self, key: str) -> str | None:
        if not key.startswith("actuals[") or "]." not in key:
            return None
        index, field = key.removeprefix("actuals[").split("].", 1)
        if not index.isdigit() or int(index) >= len(self._years) or field not in ACTUAL_FIELDS:
            return None
        return self.cell(field, self._years[int(index)])

    @property
    def labelled_errors(self) -> list[tuple[str, str]]:
        """(cell name, message with the figure and year) for the error summary."""
        found = []
        for t in self.years:
            for field in ACTUAL_FIELDS:
                for error in self.errors.get(self.cell(field, t), []):
                    message = gettext("%(figure)s in year %(year)s: %(error)s") % {
                        "figure": figure_label(field),
                        "year": t,
                        "error": error,
                    }
                    found.append((self.cell(field, t), message))
        return found


class LessonsForm(forms.Form):
    lessons_learned = forms.CharField(
        label=_("Lessons learned"),
        max_length=LESSONS_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What went as planned, what did not and why, and what the council would do "
            "differently. Printed in the post-implementation review."
        ),
    )
