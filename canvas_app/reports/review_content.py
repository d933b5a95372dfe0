"""Everything the post-implementation review shows, gathered in one place: the outturn
against the appraisal (method, section 8), the benefits with their status at the
review's date, and the lessons learned.

Its fingerprint keys the stored PDF, as the business case's does: the same actuals,
lessons, benefits and measurements against the same appraisal, on the same day and in
the same language, are never rendered twice.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from canvas_app.models import Canvas, ReportKind
from canvas_app.selectors.delivery import BenefitView, benefits_at
from canvas_app.services.outturn import OutturnReview, outturn_review

from .benefits import plan_fingerprint
from .content import report_language

# Bump when the review's templates or styles change what a PDF looks like.
REVIEW_TEMPLATE_VERSION = 1


@dataclass
class ReviewContent:
    canvas: Canvas
    review: OutturnReview
    benefits: list[BenefitView]
    as_of: date  # the statuses are those of this day
    language: str = "en"
    generated_at: datetime = field(default_factory=timezone.now)
    template_version: int = REVIEW_TEMPLATE_VERSION

    @property
    def council(self):
        return self.canvas.council

    def fingerprint(self) -> str:
        """A hash of everything shown. The date is in it because a benefit's status
        moves with the date even when nothing is recorded."""
        canvas, baseline = self.canvas, self.review.baseline
        payload = {
            "kind": ReportKind.REVIEW,
            "template": self.template_version,
            "language": self.language,
            "as_of": self.as_of.isoformat(),
            "council": [canvas.council.name, canvas.council.colour, canvas.council.logo.name],
            "canvas": [canvas.pk, canvas.title, canvas.stage, canvas.revision],
            "baseline": (
                [baseline.assessment.pk, baseline.assessment.fingerprint, baseline.approved]
                if baseline
                else None
            ),
            "actuals": self.review.actuals,
            "lessons": self.review.lessons_learned,
            "benefits": [
                [
                    *plan_fingerprint(view.benefit),
                    [[m.pk, m.date.isoformat(), m.value, m.note] for m in view.measurements],
                ]
                for view in self.benefits
            ],
        }
        canonical = json.dumps(payload, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


def review_content(
    canvas: Canvas, language: str | None = None, as_of: date | None = None
) -> ReviewContent:
    """Load what the post-implementation review of a canvas shows at a date (today's
    unless asked), in a language (the council's default unless asked)."""
    as_of = as_of or timezone.localdate()
    return ReviewContent(
        canvas=canvas,
        review=outturn_review(canvas),
        benefits=benefits_at(canvas, as_of),
        as_of=as_of,
        language=report_language(canvas, language),
    )


__all__ = ["ReviewContent", "review_content"]
