"""A snapshot diff as the compare page shows it: labels instead of field names."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import formats
from django.utils.translation import gettext, gettext_noop

from canvas_app.impact import INPUT_DOCS
from canvas_app.models import (
    Benefit,
    Canvas,
    Card,
    CardColour,
    Evidence,
    Option,
    OptionKind,
    ProjectType,
    Sector,
    Stage,
    Theme,
)

from .formatting import number, score

SCORE_LABELS = {
    "economic": gettext_noop("Economic"),
    "environmental": gettext_noop("Environmental"),
    "social": gettext_noop("Social"),
    "overall": gettext_noop("Overall"),
}
CHOICES = {"stage": dict(Stage.choices), "sector": dict(Sector.choices)}
CARD_CHOICES = {"colour": dict(CardColour.choices), "evidence": dict(Evidence.choices)}


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


def card_field_rows(fields: dict) -> list[ChangeRow]:
    """A changed card's other fields (its text is shown word by word), named and valued
    in the reader's language, lower case as in "evidence: assumption → validated"."""

    def shown(name: str, value) -> str:
        choices = CARD_CHOICES.get(name, {})
        return str(choices[value]).lower() if value in choices else str(value)

    return [
        ChangeRow(str(Card._meta.get_field(name).verbose_name), shown(name, old), shown(name, new))
        for name, (old, new) in fields.items()
        if name != "text"
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


# The short list and the benefits plan ---------------------------------------------

OPTION_CHOICES = {"kind": dict(OptionKind.choices), "project_type": dict(ProjectType.choices)}
BENEFIT_DATES = ("baseline_date", "target_date")


@dataclass(frozen=True)
class RowChanges:
    """An option or a benefit that changed: its name now and what changed."""

    name: str
    rows: list[ChangeRow]


@dataclass(frozen=True)
class ListChanges:
    """The short list or the benefits plan: names added and removed, rows changed, and
    changes of the list itself (the preferred option)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[RowChanges] = field(default_factory=list)
    rows: list[ChangeRow] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.rows)


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def _option_value(name: str, value) -> str:
    choices = OPTION_CHOICES.get(name)
    return _shown(value, choices) if choices else _value(value)


def _option_rows(change: dict) -> list[ChangeRow]:
    fields = [*change["fields"].items(), *change["optimism_bias"].items()]
    rows = [
        ChangeRow(
            _label(Option, name),
            _option_value(name, values["before"]),
            _option_value(name, values["after"]),
        )
        for name, values in fields
    ]
    return rows + input_rows(change["inputs"])


def option_changes(diff: dict | None) -> ListChanges | None:
    """The short list's changes as the compare page lists them; None when one of the
    versions was taken before snapshots kept the short list."""
    if diff is None:
        return None
    preferred = diff["preferred"]
    moved = []
    if preferred:
        was, now = preferred["before"], preferred["after"]
        moved.append(
            ChangeRow(
                gettext("Preferred option"),
                _shown(was and was["name"]),
                _shown(now and now["name"]),
            )
        )
    return ListChanges(
        added=[row["name"] for row in diff["added"]],
        removed=[row["name"] for row in diff["removed"]],
        changed=[RowChanges(row["name"], _option_rows(row)) for row in diff["changed"]],
        rows=moved,
    )


def _benefit_value(name: str, value) -> str:
    if name in BENEFIT_DATES and value:
        return formats.date_format(date.fromisoformat(value))
    if name == "theme":
        return _shown(value, dict(Theme.choices))
    return _value(value)


def _benefit_rows(change: dict) -> list[ChangeRow]:
    return [
        ChangeRow(
            _label(Benefit, name),
            _benefit_value(name, values["before"]),
            _benefit_value(name, values["after"]),
        )
        for name, values in change["fields"].items()
    ]


def benefit_changes(diff: dict | None) -> ListChanges | None:
    """The benefits plan's changes as the compare page lists them; None when one of the
    versions was taken before snapshots kept the plan."""
    if diff is None:
        return None
    return ListChanges(
        added=[row["name"] for row in diff["added"]],
        removed=[row["name"] for row in diff["removed"]],
        changed=[RowChanges(row["name"], _benefit_rows(row)) for row in diff["changed"]],
    )
