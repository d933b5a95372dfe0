"""Everything the business case shows, gathered in one place.

The same content feeds the PDF and the shared HTML report, and its fingerprint
keys the stored PDF: an unchanged canvas is never rendered twice.
"""

import copy
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.utils import timezone

from canvas_app.impact import PARAMETER_DOCS, SUBSCORE_DOCS
from canvas_app.impact.docs import TABLE_PARAMETERS
from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    Benefit,
    Canvas,
    Card,
    Decision,
    FundingSource,
    Milestone,
    Partner,
    Snapshot,
)
from canvas_app.presentation.impact import ImpactSummary
from canvas_app.selectors import Board, canvas_board
from canvas_app.services.impact import method_parameters_of

from .benefits import plan_fingerprint
from .consultation import Consultation, consultation_of, decisions_of

# Bump when the report's templates or styles change what a PDF looks like.
TEMPLATE_VERSION = 3  # 3: the options appraisal and the benefits realisation plan


@dataclass(frozen=True)
class MatrixRow:
    activity: Card
    cells: list[tuple[Partner, str]]  # each partner with its RACI letter (or "")

    @property
    def roles(self) -> list[str]:
        return [role for _, role in self.cells]


@dataclass
class ReportContent:
    canvas: Canvas
    board: Board
    assessment: Assessment | None
    partners: list[Partner]
    matrix: list[MatrixRow]
    milestones: list[Milestone]
    funding_sources: list[FundingSource]
    parameters: dict
    parameters_version: int
    decisions: list[Decision] = field(default_factory=list)  # oldest first
    consultation: Consultation = field(default_factory=Consultation)
    benefits: list[Benefit] = field(default_factory=list)  # the realisation plan (Annex C)
    snapshot: Snapshot | None = None  # set when the report shows a snapshot
    language: str = "en"  # what the report is written in; user content stays as written
    generated_at: datetime = field(default_factory=timezone.now)
    template_version: int = TEMPLATE_VERSION

    @property
    def council(self):
        return self.canvas.council

    @property
    def summary(self) -> ImpactSummary | None:
        if self.assessment is None or self.assessment.result is None:
            return None
        return ImpactSummary(self.assessment, id_prefix="report")

    def block(self, key: str):
        return self.board.block(key)

    @property
    def parameter_rows(self) -> list[dict]:
        rows = []
        for name, doc in PARAMETER_DOCS.items():
            if name in TABLE_PARAMETERS:
                continue
            rows.append(
                {
                    "label": doc.label,
                    "unit": doc.unit,
                    "value": self.parameters.get(name),
                    "default": doc.default,
                    "source": doc.source,
                }
            )
        return rows

    @property
    def weight_rows(self) -> list[dict]:
        weights = self.parameters.get("weights", {})
        return [
            {
                "code": code,
                "label": doc.label,
                "dimension": doc.dimension,
                "theme": doc.theme,
                "weight": weights.get(code, doc.default_weight),
            }
            for code, doc in SUBSCORE_DOCS.items()
        ]

    def fingerprint(self) -> str:
        """A hash of everything shown, so a changed card or score makes a new PDF."""
        canvas = self.canvas
        payload = {
            "template": self.template_version,
            "language": self.language,
            "council": [canvas.council.name, canvas.council.colour, canvas.council.logo.name],
            "canvas": [
                canvas.pk,
                canvas.title,
                canvas.summary,
                canvas.sector,
                canvas.stage,
                canvas.revision,
                canvas.owner.get_username(),
                canvas.owner.get_full_name(),
            ],
            "cards": [
                [c.pk, c.block, c.position, c.text, c.tag, c.colour, c.evidence, c.version]
                for entry in self.board.blocks
                for c in entry.cards
            ],
            "assessment": self.assessment.fingerprint if self.assessment else None,
            "partners": [
                [p.pk, p.organisation, p.kind, p.contributions, p.brings, p.gains]
                for p in self.partners
            ],
            "matrix": [[row.activity.pk, row.roles] for row in self.matrix],
            "milestones": [
                [m.pk, m.name, m.due_date.isoformat(), m.owner_id, m.status]
                for m in self.milestones
            ],
            "funding": [[f.name, f.kind, f.amount, f.secured] for f in self.funding_sources],
            "parameters": [self.parameters_version, self.parameters],
            "decisions": [
                [
                    d.pk,
                    d.revision,
                    d.outcome,
                    d.rationale,
                    d.at.isoformat(),
                    d.by.get_username(),
                    d.by.get_full_name(),
                ]
                for d in self.decisions
            ],
            "consultation": self.consultation.fingerprint_data(),
            "benefits": [plan_fingerprint(benefit) for benefit in self.benefits],
            # Printed beside the options appraisal when it ranks another option first.
            "justification": canvas.preferred_justification,
            # A snapshot's report is its own, never the live canvas's nor another
            # snapshot's, even when they show the same.
            "snapshot": (
                [self.snapshot.pk, self.snapshot.name, self.snapshot.created_at.isoformat()]
                if self.snapshot
                else None
            ),
        }
        canonical = json.dumps(payload, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


def responsibility_matrix(
    canvas: Canvas, partners: list[Partner], activities=None
) -> list[MatrixRow]:
    """Rows of key activities, a RACI letter (or "") per partner, in partner order.

    Partners must come with their responsibilities prefetched.
    """
    if activities is None:
        activities = list(canvas.cards.filter(block="key_activities").order_by("position", "id"))
    roles = {
        (r.partner_id, r.activity_id): r.role for p in partners for r in p.responsibilities.all()
    }
    return matrix_rows(partners, activities, roles)


def matrix_rows(
    partners: list[Partner], activities: list[Card], roles: dict[tuple[int, int], str]
) -> list[MatrixRow]:
    """The matrix from (partner id, activity id) → RACI letter."""
    return [
        MatrixRow(activity, [(p, roles.get((p.pk, activity.pk), "")) for p in partners])
        for activity in activities
    ]


def report_language(canvas: Canvas, language: str | None) -> str:
    """The language asked for when it is one we speak, else the council's default."""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else canvas.council.default_language


def report_content(canvas: Canvas, language: str | None = None) -> ReportContent:
    """Load what the business case of a canvas shows, in a fixed number of queries."""
    board = canvas_board(canvas)
    assessment = (
        Assessment.objects.filter(canvas=canvas, status=AssessmentStatus.DONE)
        .order_by("-requested_at", "-id")
        .first()
    )
    partners = list(canvas.partners.prefetch_related("responsibilities"))
    matrix = responsibility_matrix(canvas, partners, board.block("key_activities").cards)
    parameters = method_parameters_of(canvas.council)
    return ReportContent(
        canvas=canvas,
        board=board,
        assessment=assessment,
        partners=partners,
        matrix=matrix,
        milestones=list(canvas.milestones.select_related("owner")),
        funding_sources=list(canvas.funding_sources.all()),
        parameters=parameters.values,
        parameters_version=parameters.version,
        decisions=decisions_of(canvas),
        consultation=consultation_of(canvas),
        benefits=list(canvas.benefits.all()),
        language=report_language(canvas, language),
    )


def _snapshot_benefits(canvas: Canvas, data: dict) -> list[Benefit]:
    """The benefits plan a snapshot recorded, as unsaved rows; none in a snapshot taken
    before canvases had one."""
    return [
        Benefit(
            pk=row["id"],
            canvas_id=canvas.pk,
            **{
                name: row[name]
                for name in ("name", "unit", "baseline", "target", "owner", "method", "theme")
            },
            baseline_date=date.fromisoformat(row["baseline_date"]),
            target_date=date.fromisoformat(row["target_date"]),
        )
        for row in data.get("benefits", [])
    ]


def snapshot_report_content(snapshot: Snapshot, language: str | None = None) -> ReportContent:
    """What the business case of a snapshot shows: its content (see
    services.snapshots.snapshot_content) as unsaved rows, the assessment it recorded,
    and the decisions and comments made by the time it was taken."""
    data = snapshot.content
    canvas = copy.copy(snapshot.canvas)  # the live row, with the snapshot's own fields
    for name in ("title", "summary", "sector", "stage", "revision"):
        setattr(canvas, name, data["canvas"][name])
    cards = [
        Card(
            pk=c["id"],
            canvas_id=canvas.pk,
            **{k: c[k] for k in ("block", "position", "text", "tag", "colour", "evidence")},
        )
        for c in data["cards"]
    ]
    board = canvas_board(canvas, cards)
    partners = [
        Partner(
            pk=p["id"],
            canvas_id=canvas.pk,
            **{k: p[k] for k in ("organisation", "kind", "contributions", "brings", "gains")},
            position=p.get("position", 0),
        )
        for p in data["partners"]
    ]
    partners_by_id = {partner.pk: partner for partner in partners}
    roles = {(r["partner"], r["activity"]): r["role"] for r in data["responsibilities"]}
    recorded = data["assessment"]
    assessment = (
        Assessment.objects.filter(pk=recorded["id"], status=AssessmentStatus.DONE).first()
        if recorded
        else None
    )
    return ReportContent(
        canvas=canvas,
        board=board,
        assessment=assessment,
        partners=partners,
        matrix=matrix_rows(partners, board.block("key_activities").cards, roles),
        milestones=[
            Milestone(
                pk=m["id"],
                canvas_id=canvas.pk,
                name=m["name"],
                due_date=date.fromisoformat(m["due_date"]),
                owner=partners_by_id.get(m["owner_id"]),
                status=m["status"],
            )
            for m in data["milestones"]
        ],
        funding_sources=[
            FundingSource(canvas_id=canvas.pk, position=position, **source)
            for position, source in enumerate(data["funding"])
        ],
        parameters=data["parameters"]["values"],
        parameters_version=data["parameters"]["version"],
        decisions=decisions_of(canvas, until=snapshot.created_at),
        consultation=consultation_of(canvas, until=snapshot.created_at),
        benefits=_snapshot_benefits(canvas, data),
        snapshot=snapshot,
        language=report_language(canvas, language),
    )


__all__ = ["ReportContent", "report_content", "report_language", "snapshot_report_content"]
