"""Councils, members and canvases with impact inputs, bulk-created for the benchmark.

Impact inputs are stored in the engine's canonical form, as the save service stores them,
and vary from canvas to canvas so that no two assessments share a fingerprint.
"""

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from canvas_app import impact
from canvas_app.examples import EXAMPLES
from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    Canvas,
    Council,
    FundingSource,
    ImpactInputs,
)
from canvas_app.services import assessments
from canvas_app.services.councils import council_create, member_add

from .config import ADMIN, EDITOR

BATCH_SIZE = 500
EXAMPLE_KEYS = tuple(EXAMPLES)


@dataclass(frozen=True)
class Fixture:
    council: Council
    editor: object  # the user model instance
    admin: object
    canvas_ids: list[int]


def example_of(index: int) -> str:
    return EXAMPLE_KEYS[index % len(EXAMPLE_KEYS)]


def varied_inputs(index: int, opex_step: float = 0.0) -> dict[str, object]:
    """An example's inputs with a few values varied by `index`, in canonical form."""
    values = dict(EXAMPLES[example_of(index)].impact_inputs)
    variant = index // len(EXAMPLE_KEYS)
    values["opex"] = float(values.get("opex", 0)) * (1 + (variant % 41) / 100) + opex_step
    values["jobs_fte"] = float(values.get("jobs_fte") or 0) + variant % 7
    values["users_served"] = float(values.get("users_served") or 0) * (1 - (variant % 13) / 100)
    return impact.validate_inputs(values).as_dict()


def council_with_members(slug: str) -> tuple[Council, object, object]:
    council = council_create(slug=slug, name=f"Bench {slug}")
    editor = member_add(council=council, username=EDITOR, role="editor").user
    admin = member_add(council=council, username=ADMIN, role="admin").user
    return council, editor, admin


def _canvases(council: Council, owner, count: int) -> Iterator[Canvas]:
    for number in range(count):
        yield Canvas(
            council=council,
            owner=owner,
            title=f"Impact bench canvas {number:05d} ({example_of(number)})",
            summary=EXAMPLES[example_of(number)].summary,
            sector=EXAMPLES[example_of(number)].sector,
        )


def _funding(canvases: list[Canvas]) -> Iterator[FundingSource]:
    for index, canvas in enumerate(canvases):
        for position, source in enumerate(EXAMPLES[example_of(index)].funding):
            # A float, as read back from the database, so the fingerprints match the app's.
            yield FundingSource(
                canvas=canvas,
                position=position,
                name=source["name"],
                kind=source["kind"],
                amount=float(source["amount"]),
                secured=bool(source["secured"]),
            )


def _prior_assessments(
    canvases: list[Canvas], inputs: list[ImpactInputs], funding: dict[int, list[FundingSource]]
) -> Iterator[Assessment]:
    """One done assessment per canvas under the default parameters, as a scored council has.

    The stored result is the matching example's: nothing reads it back, and computing
    10,000 real ones would take minutes. Snapshot and fingerprint are the real ones.
    """
    results = {key: _example_result(key) for key in EXAMPLE_KEYS}
    now = timezone.now()
    for index, (canvas, row) in enumerate(zip(canvases, inputs, strict=True)):
        snapshot = assessments.snapshot_of(canvas, row, None, funding.get(canvas.pk, []))
        result = results[example_of(index)]
        scores = result["scores"]
        yield Assessment(
            canvas=canvas,
            fingerprint=snapshot.fingerprint,
            status=AssessmentStatus.DONE,
            method_version=impact.METHOD_VERSION,
            inputs=snapshot.inputs,
            parameters=snapshot.parameters,
            funding=snapshot.funding,
            inputs_version=snapshot.inputs_version,
            parameters_version=snapshot.parameters_version,
            risk_seed=snapshot.risk_seed,
            result=result,
            economic=scores["economic"],
            environmental=scores["environmental"],
            social=scores["social"],
            overall=scores["overall_arithmetic"],
            capex=result["cba"]["total_capex"],
            attempts=1,
            requested_at=now,
            started_at=now,
            finished_at=now,
            duration_ms=10.0,
        )


def _example_result(key: str) -> dict:
    example = EXAMPLES[key]
    return impact.assess(
        impact.validate_inputs(example.impact_inputs),
        impact.MethodParameters(),
        impact.validate_funding(list(example.funding)),
        risk_seed=impact.seed_for(key),
    ).as_dict()


@transaction.atomic
def scored_canvases(council: Council, owner, count: int, *, with_assessments: bool) -> list[int]:
    """`count` canvases with impact inputs and funding; optionally a done assessment each."""
    canvases = Canvas.objects.bulk_create(_canvases(council, owner, count), batch_size=BATCH_SIZE)
    inputs = ImpactInputs.objects.bulk_create(
        (
            ImpactInputs(canvas=canvas, values=varied_inputs(index), updated_by=owner)
            for index, canvas in enumerate(canvases)
        ),
        batch_size=BATCH_SIZE,
    )
    sources = FundingSource.objects.bulk_create(_funding(canvases), batch_size=BATCH_SIZE)
    by_canvas = {
        canvas_id: list(group)
        for canvas_id, group in itertools.groupby(sources, key=lambda s: s.canvas_id)
    }
    if with_assessments:
        Assessment.objects.bulk_create(
            _prior_assessments(canvases, inputs, by_canvas), batch_size=BATCH_SIZE
        )
    return [canvas.pk for canvas in canvases]


def fixture(slug: str, count: int, *, with_assessments: bool) -> Fixture:
    with transaction.atomic():
        council, editor, admin = council_with_members(slug)
        ids = scored_canvases(council, editor, count, with_assessments=with_assessments)
    return Fixture(council=council, editor=editor, admin=admin, canvas_ids=ids)
