"""The options appraisal of the business case (method, section 7): what the results page
shows of it (presentation.options.AppraisalView), plus what a committee also reads on
paper: the optimism-bias table of the parameters used, the runner-up the switching value
refers to, and the canvas's written justification when it prefers an option the
appraisal does not rank first.

Everything but the justification comes from the stored assessment, so the section shows
what was computed, never what the options say now.
"""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from canvas_app.models import Assessment, Canvas, OptionKind, ProjectType
from canvas_app.presentation.formatting import decimal
from canvas_app.presentation.options import AppraisalView, OptionRow

MEASURES = ("works", "capex", "opex")


@dataclass(frozen=True)
class BiasRow:
    project_type: str
    bounds: list[str]  # "U / L" for works duration, capex and opex, in %
    used_by: list[str]  # the options of the short list with this project type


@dataclass(frozen=True)
class OptionsAppraisal:
    view: AppraisalView
    options: list[tuple[OptionRow, str]]  # each option with its note: kind, preferred, best
    runner_up: str  # the option ranked second, "" if there is none
    switching_value: str  # the preferred option's lead over the runner-up; "" when n/a
    bias: list[BiasRow]
    justification: str  # as the canvas states it; "" when missing


def _bound(value: float) -> str:
    """4, 2.5: no trailing zeros, in the active language's format."""
    if float(value).is_integer():
        return decimal(value, 0)
    return decimal(value, 2).rstrip("0").rstrip(formats.get_format("DECIMAL_SEPARATOR"))


def _note(row: OptionRow) -> str:
    words = [] if row.kind == OptionKind.BAU else [row.kind_label]
    if row.preferred:
        words.append(_("preferred"))
    if row.best:
        words.append(_("best value for money"))
    return " · ".join(words)


def _bias_rows(parameters: dict, options: list[dict]) -> list[BiasRow]:
    types = dict(ProjectType.choices)
    table = parameters.get("optimism_bias") or {}
    # In the order of the method's table (a JSON column keeps no order of its own), then
    # any type the parameters add.
    order = [kind for kind in ProjectType.values if kind in table]
    order += sorted(kind for kind in table if kind not in order)
    return [
        BiasRow(
            project_type=str(types.get(kind, kind)),
            bounds=[
                "{} / {}".format(*(_bound(bound) for bound in table[kind][measure]))
                for measure in MEASURES
            ],
            used_by=[row["name"] for row in options if row.get("project_type") == kind],
        )
        for kind in order
    ]


def options_appraisal(assessment: Assessment | None, canvas: Canvas) -> OptionsAppraisal | None:
    """The section's content, or None when the assessment appraised no short list (it
    predates method version 2, or there is none yet)."""
    view = AppraisalView.of(assessment, id_prefix="report-options") if assessment else None
    if view is None:
        return None
    rows = view.rows()
    ranked = sorted(rows, key=lambda row: row.rank)
    runner_up = ranked[1].name if len(ranked) > 1 else ""
    applies = runner_up and view.appraisal.get("switching_value_pct") is not None
    return OptionsAppraisal(
        view=view,
        options=[(row, _note(row)) for row in rows],
        runner_up=runner_up,
        switching_value=view.switching_value if applies else "",
        bias=_bias_rows(assessment.parameters or {}, assessment.options or []),
        justification=canvas.preferred_justification.strip(),
    )


__all__ = ["BiasRow", "OptionsAppraisal", "options_appraisal"]
