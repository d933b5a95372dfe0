from django.db import transaction
from django.utils import timezone

from canvas_app.examples import Example
from canvas_app.models import Canvas, Card, Council, Sector

from .access import ensure_can_edit
from .validation import clean_or_raise

EDITABLE_FIELDS = ("title", "summary", "sector")


@transaction.atomic
def canvas_create(
    *, council: Council, by, title: str, summary: str = "", sector: str = Sector.OTHER
) -> Canvas:
    ensure_can_edit(by, council)
    canvas = Canvas(council=council, owner=by, title=title, summary=summary, sector=sector)
    clean_or_raise(canvas)
    canvas.save()
    return canvas


@transaction.atomic
def canvas_update(*, canvas: Canvas, by, **changes: str) -> Canvas:
    """Change a canvas's title, summary or sector."""
    ensure_can_edit(by, canvas.council)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"canvas_update cannot change {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(canvas, name, value)
    clean_or_raise(canvas)
    canvas.save(update_fields=[*changes, "updated_at"])
    return canvas


@transaction.atomic
def canvas_delete(*, canvas: Canvas, by) -> None:
    ensure_can_edit(by, canvas.council)
    canvas.delete()


def canvas_touch(canvas_id: int) -> None:
    """Mark a canvas as changed (lists sort by it; caches key on it)."""
    Canvas.objects.filter(pk=canvas_id).update(updated_at=timezone.now())


@transaction.atomic
def canvas_create_from_example(
    *, council: Council, by, example: Example, title: str | None = None
) -> Canvas:
    """A new draft canvas filled with an example's cards."""
    canvas = canvas_create(
        council=council,
        by=by,
        title=title or example.title,
        summary=example.summary,
        sector=example.sector,
    )
    Card.objects.bulk_create(
        Card(
            canvas=canvas,
            block=block,
            position=position,
            text=card.text,
            tag=card.tag,
            colour=card.colour,
            evidence=card.evidence,
            created_by=by,
            updated_by=by,
        )
        for block, cards in example.cards.items()
        for position, card in enumerate(cards)
    )
    if example.impact_inputs:
        from .impact import funding_sources_replace, impact_inputs_update

        # Funding first: the inputs' save then asks for the one assessment of both.
        funding_sources_replace(canvas=canvas, by=by, sources=example.funding)
        impact_inputs_update(canvas=canvas, by=by, values=example.impact_inputs)
    return canvas
