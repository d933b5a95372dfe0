"""Weighted dimension scores and the overall score (OECD/JRC composite-indicator handbook).

A sub-score that is n/a is left out and the remaining weights of its dimension are
re-normalised, so a missing rating neither counts as zero nor blocks the score.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .docs import SUBSCORE_DOCS
from .inputs import DIMENSION_CODES
from .scores import Reading

GEOMETRIC_FLOOR = 1.0  # a zero score would make the geometric mean zero whatever the rest


@dataclass(frozen=True)
class SubScore:
    """One sub-score as shown to users, with everything needed to explain it."""

    code: str
    label: str
    dimension: str
    theme: str  # CITYkeys theme
    value: float | None  # 0-100, None for n/a
    weight: float  # the council's weight
    effective_weight: float  # the weight after re-normalisation; 0 when n/a
    formula: str
    inputs: Mapping[str, float | None]
    goalpost: float | None
    note: str


@dataclass(frozen=True)
class Scores:
    economic: float | None
    environmental: float | None
    social: float | None
    overall_arithmetic: float | None
    overall_geometric: float | None  # each dimension floored at 1

    def dimension(self, name: str) -> float | None:
        return {
            "economic": self.economic,
            "environmental": self.environmental,
            "social": self.social,
        }[name]


def weigh(readings: Mapping[str, Reading], weights: Mapping[str, float]) -> tuple[SubScore, ...]:
    """Attach each sub-score's weight and its share of its dimension's available weight."""
    sub_scores = []
    for codes in DIMENSION_CODES.values():
        available = sum(weights[code] for code in codes if readings[code].value is not None)
        for code in codes:
            reading, doc = readings[code], SUBSCORE_DOCS[code]
            share = weights[code] / available if reading.value is not None and available else 0.0
            sub_scores.append(
                SubScore(
                    code=code,
                    label=doc.label,
                    dimension=doc.dimension,
                    theme=doc.theme,
                    value=reading.value,
                    weight=weights[code],
                    effective_weight=share,
                    formula=reading.formula,
                    inputs=dict(reading.inputs),
                    goalpost=reading.goalpost,
                    note=reading.note,
                )
            )
    return tuple(sub_scores)


def dimension_score(sub_scores: Sequence[SubScore], dimension: str) -> float | None:
    """Weighted mean over the available sub-scores; None when none carries weight."""
    counted = [s for s in sub_scores if s.dimension == dimension and s.effective_weight > 0]
    if not counted:
        return None
    mean = sum(s.effective_weight * s.value for s in counted if s.value is not None)
    return _within_scale(mean)


def _within_scale(score: float) -> float:
    # the re-normalised weights sum to 1 only up to rounding
    return min(100.0, max(0.0, score))


def geometric_mean(values: Sequence[float]) -> float:
    log_mean = sum(math.log(max(GEOMETRIC_FLOOR, v)) for v in values) / len(values)
    return _within_scale(math.exp(log_mean))


def scores(sub_scores: Sequence[SubScore]) -> Scores:
    by_dimension = {name: dimension_score(sub_scores, name) for name in DIMENSION_CODES}
    available = [value for value in by_dimension.values() if value is not None]
    return Scores(
        economic=by_dimension["economic"],
        environmental=by_dimension["environmental"],
        social=by_dimension["social"],
        overall_arithmetic=sum(available) / len(available) if available else None,
        overall_geometric=geometric_mean(available) if available else None,
    )
