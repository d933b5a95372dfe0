"""Canvases as files: the JSON export (everything, with references instead of
database ids) and the cards as CSV."""

import csv
import io

from django.utils import dateformat, timezone
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from canvas_app.framework import BLOCKS_BY_KEY
from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    Canvas,
    CardColour,
    Evidence,
    ImpactInputs,
    Responsibility,
)

from .exchange_appraisal import benefits_export, options_export, outturn_export

FORMAT = "city-model-canvas"
# Version 1 gained the short list, the benefits plan and the outturn as keys a reader
# may miss: files written before them still read as they did.
FORMAT_VERSION = 1


def canvas_export(canvas: Canvas) -> dict:
    """Everything about a canvas, with references instead of database ids."""
    cards = list(canvas.cards.order_by("block", "position", "id"))
    card_refs = {card.pk: f"card-{index}" for index, card in enumerate(cards, start=1)}
    partners = list(canvas.partners.order_by("position", "id"))
    partner_refs = {p.pk: f"partner-{index}" for index, p in enumerate(partners, start=1)}
    inputs = ImpactInputs.objects.filter(canvas=canvas).first()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "source": {
            "council": canvas.council.name,
            "canvas": canvas.title,
            "revision": canvas.revision,
            "stage": canvas.stage,
        },
        "canvas": {
            "title": canvas.title,
            "summary": canvas.summary,
            "sector": canvas.sector,
            "language": canvas.language,
        },
        "cards": [
            {
                "ref": card_refs[c.pk],
                "block": c.block,
                "text": c.text,
                "tag": c.tag,
                "colour": c.colour,
                "evidence": c.evidence,
            }
            for c in cards
        ],
        # With a short list, the preferred option's inputs (kept for older readers).
        "impact_inputs": inputs.values if inputs else None,
        "options": options_export(canvas),
        "preferred_justification": canvas.preferred_justification,
        "benefits": benefits_export(canvas),
        "outturn": outturn_export(canvas),
        "funding_sources": list(canvas.funding_sources.values("name", "kind", "amount", "secured")),
        "partners": [
            {
                "ref": partner_refs[p.pk],
                "organisation": p.organisation,
                "kind": p.kind,
                "contributions": p.contributions,
                "brings": p.brings,
                "gains": p.gains,
            }
            for p in partners
        ],
        "responsibilities": [
            {
                "partner": partner_refs[r.partner_id],
                "activity": card_refs[r.activity_id],
                "role": r.role,
            }
            for r in Responsibility.objects.filter(partner__canvas=canvas).order_by(
                "partner__position", "partner_id", "activity__position", "activity_id"
            )
        ],
        "milestones": [
            {
                "name": m.name,
                "due_date": m.due_date.isoformat(),
                "owner": partner_refs.get(m.owner_id),
                "status": m.status,
            }
            for m in canvas.milestones.order_by("due_date", "id")
        ],
        "assessment": _assessment_export(canvas),
    }


def _assessment_export(canvas: Canvas) -> dict | None:
    latest = (
        Assessment.objects.filter(canvas=canvas, status=AssessmentStatus.DONE)
        .order_by("-requested_at", "-id")
        .first()
    )
    if latest is None:
        return None
    return {
        "method_version": latest.method_version,
        "computed_at": latest.finished_at.isoformat() if latest.finished_at else None,
        "scores": {
            "economic": latest.economic,
            "environmental": latest.environmental,
            "social": latest.social,
            "overall": latest.overall,
        },
        "result": latest.result,
    }


# Each language's date format, as the cells use it and as the header row states it.
CSV_DATE_FORMATS = {
    "en": ("Y-m-d H:i", gettext_noop("YYYY-MM-DD HH:MM")),
    "es": ("d/m/Y H:i", gettext_noop("DD/MM/YYYY HH:MM")),
    "ca": ("d/m/Y H:i", gettext_noop("DD/MM/YYYY HH:MM")),
}


def cards_csv(canvas: Canvas) -> str:
    """The cards as CSV in the active language: translated headings and labels, dates in
    the language's format, which the header row states. Codes stay for machines."""
    language = (get_language() or "en").split("-")[0]
    date_format, shown_format = CSV_DATE_FORMATS.get(language, CSV_DATE_FORMATS["en"])
    evidence, colours = dict(Evidence.choices), dict(CardColour.choices)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Block"),
            _("Block title"),
            _("Position"),
            _("Text"),
            _("Tag"),
            _("Colour"),
            _("Evidence"),
            _("Updated (%(format)s)") % {"format": _(shown_format)},
        ]
    )
    for card in canvas.cards.order_by("block", "position", "id"):
        writer.writerow(
            [
                card.block,
                str(BLOCKS_BY_KEY[card.block].title),
                card.position + 1,
                _csv_safe(card.text),
                _csv_safe(card.tag),
                str(colours.get(card.colour, card.colour)),
                str(evidence.get(card.evidence, card.evidence)),
                dateformat.format(timezone.localtime(card.updated_at), date_format),
            ]
        )
    return out.getvalue()


def _csv_safe(text: str) -> str:
    # A cell starting with = + - @ runs as a formula in spreadsheet programs.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
