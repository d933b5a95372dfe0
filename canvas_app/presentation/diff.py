"""A snapshot diff as the compare page shows it: labels instead of field names."""

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

from canvas_app.impact import INPUT_DOCS
from canvas_app.models import Canvas, Sector, Stage

from .formatting import number, score

SCORE_LABELS = {
    "economic": gettext_noop("Economic"),
    "environmental": gettext_noop("Environmental"),
    "social": gettext_noop("Social"),
    "overall": gettext_noop("Overall"),
}
CHOICES = {"stage": dict(Stage.choices), "sector": dict(Sector.choices)}


@dataclass(frozen=True)
class ChangeRow:
    label: str
    before: str
    after: str


def _shown(value, choices=None) -> str:
    if value is None or value == "":
        return "—"
    if choices and value in choices:
        return str(choices[value])
    return str(value)


def canvas_rows(changes: dict) -> list[ChangeRow]:
    return [
        ChangeRow(
            str(Canvas._meta.get_field(name).verbose_name).capitalize(),
            _shown(change["before"], CHOICES.get(name)),
            _shown(change["after"], CHOICES.get(name)),
        )
        for name, change in changes.items()
    ]


def _value(value) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (list, str)):
        return _shown(value)
    return number(value, decimals=0 if float(value).is_integer() else 2)


def input_rows(changes: dict) -> list[ChangeRow]:
    rows = []
    for name, change in changes.items():
        doc = INPUT_DOCS.get(name)
        label = gettext(doc.label) if doc else name
        rows.append(ChangeRow(label, _value(change["before"]), _value(change["after"])))
    return rows


def score_rows(changes: dict) -> list[ChangeRow]:
    return [
        ChangeRow(
            gettext(SCORE_LABELS.get(name, name)),
            "—" if change["before"] is None else score(change["before"]),
            "—" if change["after"] is None else score(change["after"]),
        )
        for name, change in changes.items()
    ]
