"""The template context of the business case: ReportContent turned into what the
templates print, so that the templates hold no logic.

The PDF and the shared web page both render `reports/_document.html` with this context.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from canvas_app.framework import BLOCKS, BLOCKS_BY_KEY
from canvas_app.impact import METHOD_VERSION
from canvas_app.models import (
    CanvasRole,
    CommentKind,
    Contribution,
    FundingKind,
    MilestoneStatus,
    Outcome,
    PartnerKind,
    Raci,
    Stance,
)
from canvas_app.presentation.formatting import decimal, eur, number
from canvas_app.presentation.impact import DIMENSIONS, DimensionView, ImpactSummary, engine_text
from canvas_app.selectors import IMPACT_BLOCK_DIMENSIONS, BoardBlock

from .appraisal import options_appraisal
from .benefits import plan_rows
from .content import ReportContent
from .layout import canvas_fit

DEFAULT_ACCENT = "#1d70b8"
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

# Marked only (gettext_noop): the table keeps plain English strings, which the tests
# also read; report_context translates each title into the active language.
SECTIONS = (
    ("report-canvas", gettext_noop("1. The canvas")),
    ("report-strategic", gettext_noop("2. Strategic case")),
    ("report-economic", gettext_noop("3. Economic case")),
    ("report-commercial", gettext_noop("4. Commercial and management case")),
    ("report-financial", gettext_noop("5. Financial case")),
    ("report-method", gettext_noop("Annex A. Method")),
    ("report-consultation", gettext_noop("Annex B. Consultation")),
    ("report-benefits", gettext_noop("Annex C. Benefits realisation plan")),
)

# An invitee without an organisation is named by their role: never by their name or
# address, which may well be an e-mail address.
UNNAMED_PARTY = {
    CanvasRole.STAKEHOLDER: gettext_lazy("A stakeholder"),
    CanvasRole.OBSERVER: gettext_lazy("An observer"),
}
ROLE_TITLES = {
    CanvasRole.STAKEHOLDER: gettext_lazy("Stakeholder"),
    CanvasRole.OBSERVER: gettext_lazy("Observer"),
}
NO_STANCE = gettext_lazy("No stance given")

FLOW_COLUMNS = (
    "capex",
    "opex",
    "revenue",
    "savings",
    "other_benefits",
    "residual_value",
    "financial_net_flow",
    "economic_net_flow",
)


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class CanvasCell:
    """One block on the canvas page; impact blocks carry their dimension's score."""

    entry: BoardBlock
    score: str = ""


@dataclass(frozen=True)
class CanvasArea:
    """A box of the canvas layout: one block, or blocks stacked in one column."""

    name: str
    cells: list[CanvasCell]


@dataclass(frozen=True)
class CanvasBand:
    """A row of the canvas layout, laid out on its own (see report.css)."""

    name: str
    areas: list[CanvasArea]


@dataclass(frozen=True)
class RoleView:
    letter: str
    title: str


# Blocks that share a column of the top band, one above the other (DESIGN.md section 3).
# They follow each other in reading order, so stacking them keeps the page in that order.
STACKED = {
    "activities": "creation",
    "resources": "creation",
    "engagement": "delivery",
    "deployment": "delivery",
}
# The bands below the top one (which also holds governance). They come last in reading
# order, so splitting them off keeps the page in that order too.
BANDS = {
    "costs": "capture",
    "funding": "capture",
    "economic": "impact",
    "environmental": "impact",
    "social": "impact",
}


def accent_colour(colour: str) -> str:
    """The council colour, if it is a plain #rrggbb: it is printed inside a <style>
    element, where HTML escaping does not protect CSS."""
    return colour if _HEX_COLOUR.fullmatch(colour or "") else DEFAULT_ACCENT


def _plain(value: object) -> str:
    """A parameter as a reader expects it: 500,000 rather than 500000.0, 0.04 as is (in
    the active language's number format)."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer():
        return formats.number_format(int(value), 0, use_l10n=True, force_grouping=True)
    if abs(value) < 1e-6:
        return f"{value:g}"
    text = formats.number_format(round(value, 6), 6, use_l10n=True, force_grouping=True)
    return text.rstrip("0").rstrip(formats.get_format("DECIMAL_SEPARATOR"))


def _canvas_bands(content: ReportContent, dimensions: list[DimensionView]) -> list[CanvasBand]:
    """The blocks in reading order, grouped into the boxes and bands of the canvas layout."""
    scores = {dimension.key: dimension.score for dimension in dimensions}
    bands: list[CanvasBand] = []
    for entry in content.board.blocks:
        cell = CanvasCell(entry, scores.get(IMPACT_BLOCK_DIMENSIONS.get(entry.block.key, ""), ""))
        area_name = STACKED.get(entry.block.area, entry.block.area)
        band_name = BANDS.get(area_name, "main")
        if not bands or bands[-1].name != band_name:
            bands.append(CanvasBand(band_name, []))
        areas = bands[-1].areas
        if areas and areas[-1].name == area_name:
            areas[-1].cells.append(cell)
        else:
            areas.append(CanvasArea(area_name, [cell]))
    return bands


def _year_runs(raw: list[dict]) -> list[tuple[dict, dict]]:
    """Consecutive years with the same flows, as (first, last) rows: a service's years
    are often alike, and one row per run keeps the table on one page."""
    runs: list[tuple[dict, dict]] = []
    for row in raw:
        if runs and all(runs[-1][0][name] == row[name] for name in FLOW_COLUMNS):
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _flows(summary: ImpactSummary | None) -> dict | None:
    """The yearly flows formatted for the table, with their undiscounted totals."""
    if summary is None:
        return None
    raw = summary.flow_rows()

    def formatted(row: dict) -> dict:
        return {name: number(row[name], decimals=0) for name in FLOW_COLUMNS}

    rows = [
        {
            "t": str(first["t"]) if first is last else f"{first['t']}–{last['t']}",
            "year": str(first["year"]) if first is last else f"{first['year']}–{last['year']}",
            **formatted(first),
        }
        for first, last in _year_runs(raw)
    ]
    totals = {name: sum(row[name] for row in raw) for name in FLOW_COLUMNS}
    return {
        "rows": rows,
        "total": formatted(totals),
        "has_residual": any(row["residual_value"] for row in raw),
        "merged": len(rows) < len(raw),
    }


def _partners(content: ReportContent) -> list[dict]:
    kinds, contributions = dict(PartnerKind.choices), dict(Contribution.choices)
    return [
        {
            "organisation": partner.organisation,
            "kind": kinds.get(partner.kind, partner.kind),
            "contributions": [contributions.get(c, c) for c in partner.contributions or []],
            "brings": partner.brings,
            "gains": partner.gains,
        }
        for partner in content.partners
    ]


def _matrix(content: ReportContent) -> list[dict]:
    titles = dict(Raci.choices)
    return [
        {
            "activity": row.activity,
            "roles": [
                RoleView(role, titles[role]) if role in titles else None for role in row.roles
            ],
        }
        for row in content.matrix
    ]


def _milestones(content: ReportContent) -> list[dict]:
    statuses = dict(MilestoneStatus.choices)
    return [
        {
            "name": milestone.name,
            "due_date": milestone.due_date,
            "owner": milestone.owner.organisation if milestone.owner else "",
            "status": statuses.get(milestone.status, milestone.status),
            "status_key": milestone.status,
        }
        for milestone in content.milestones
    ]


def _funding_sources(content: ReportContent) -> list[dict]:
    kinds = dict(FundingKind.choices)
    return [
        {
            "name": source.name,
            "kind": kinds.get(source.kind, source.kind),
            "amount": eur(source.amount),
            "status": _("Secured") if source.secured else _("Pledged"),
        }
        for source in content.funding_sources
    ]


def _parameter_rows(content: ReportContent) -> list[dict]:
    return [
        {
            **row,
            "label": engine_text(row["label"]),
            "unit": engine_text(row["unit"]),
            "source": engine_text(row["source"]),
            "value": _plain(row["value"]),
            "default": _plain(row["default"]),
            "changed": row["value"] is not None and row["value"] != row["default"],
        }
        for row in content.parameter_rows
    ]


def _weight_rows(content: ReportContent) -> list[dict]:
    dimensions = {key: str(title) for key, title in DIMENSIONS}
    return [
        {
            **row,
            "label": engine_text(row["label"]),
            "dimension": dimensions.get(row["dimension"], row["dimension"]),
            "theme": engine_text(row["theme"]),
            "weight": decimal(row["weight"], 2),
        }
        for row in content.weight_rows
    ]


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _author(content: ReportContent) -> str:
    return _name(content.canvas.owner)


def _decisions(content: ReportContent) -> list[dict]:
    labels = dict(Outcome.choices)
    return [
        {
            "revision": decision.revision,
            "at": decision.at,
            "outcome": labels.get(decision.outcome, decision.outcome),
            "outcome_key": decision.outcome,
            "by": _name(decision.by),
            "rationale": decision.rationale,
        }
        for decision in content.decisions
    ]


def _consulted(content: ReportContent) -> list[dict]:
    parties = [
        {
            "name": party.organisation or str(UNNAMED_PARTY.get(party.role, _("A participant"))),
            "named": bool(party.organisation),
            "role": str(ROLE_TITLES.get(party.role, party.role)),
        }
        for party in content.consultation.parties
    ]
    # Organisations in alphabetical order, then those who gave none.
    return sorted(parties, key=lambda p: (not p["named"], p["name"].casefold(), p["role"]))


def _counts(counter, choices: list[tuple[str, str]]) -> list[dict]:
    return [{"label": label, "count": counter.get(key, 0)} for key, label in choices]


def _consultation(content: ReportContent) -> dict:
    """The consultation annex: who, how many comments where and of what kind, how many
    threads are open or resolved, and the council's response to each resolved one."""
    consultation = content.consultation
    threads = consultation.threads
    comments_by_block = consultation.count_by("block")
    open_by_block = Counter(thread.block for thread in threads if not thread.is_resolved)
    resolved_by_block = Counter(thread.block for thread in threads if thread.is_resolved)
    by_block = [
        {
            "title": str(block.title),
            "comments": comments_by_block[block.key],
            "open": open_by_block[block.key],
            "resolved": resolved_by_block[block.key],
        }
        for block in BLOCKS
        if comments_by_block[block.key]
    ]
    order = {block.key: index for index, block in enumerate(BLOCKS)}
    resolved = sorted(consultation.resolved_threads, key=lambda t: order.get(t.block, 0))
    kinds = dict(CommentKind.choices)
    return {
        "parties": _consulted(content),
        "comment_count": len(consultation.comments),
        "thread_count": len(threads),
        "open_count": len(threads) - len(resolved),
        "resolved_count": len(resolved),
        "by_block": by_block,
        "by_kind": _counts(consultation.count_by("kind"), CommentKind.choices),
        "by_stance": _counts(consultation.count_by("stance"), [*Stance.choices, ("", NO_STANCE)]),
        "responses": [
            {
                "block": str(getattr(BLOCKS_BY_KEY.get(thread.block), "title", thread.block)),
                "card": thread.card_excerpt,
                "kind": kinds.get(thread.kind, thread.kind),
                "body": thread.body,
                "note": thread.resolution_note,
            }
            for thread in resolved
        ],
    }


def report_context(
    content: ReportContent, *, logo_url: str = "", fit: int | None = None
) -> dict[str, object]:
    """Everything `reports/_document.html` prints.

    `logo_url` is where the page or the PDF finds the council's logo ("" for none);
    `fit` picks the canvas page's type size (0 is the largest; None: estimated).
    """
    summary = content.summary
    dimensions = summary.dimensions() if summary else []
    parameter_rows = _parameter_rows(content)
    decisions = _decisions(content)
    return {
        "content": content,
        "summary": summary,
        "dimensions": dimensions,
        "blocks": {key: content.block(key) for key in BLOCKS_BY_KEY},
        "canvas_bands": _canvas_bands(content, dimensions),
        "canvas_fit": canvas_fit(content.board).index if fit is None else fit,
        "sections": [Section(id_, _(title)) for id_, title in SECTIONS],
        "author": _author(content),
        "decisions": decisions,
        "approvals": [d for d in decisions if d["outcome_key"] == Outcome.APPROVE],
        "consultation": _consultation(content),
        "logo_url": logo_url,
        "accent": accent_colour(content.council.colour),
        "partners": _partners(content),
        "matrix": _matrix(content),
        "milestones": _milestones(content),
        "flows": _flows(summary),
        "funding_sources": _funding_sources(content),
        "funding_total": eur(sum(source.amount for source in content.funding_sources)),
        "parameter_rows": parameter_rows,
        "parameters_changed": any(row["changed"] for row in parameter_rows),
        "weight_rows": _weight_rows(content),
        "appraisal": options_appraisal(content.assessment, content.canvas),
        "benefits_plan": plan_rows(content.benefits),
        "method_version": content.assessment.method_version
        if content.assessment
        else METHOD_VERSION,
    }


__all__ = ["SECTIONS", "accent_colour", "report_context"]
