from django.db import transaction
from django.utils.translation import gettext as _

from canvas_app.models import Canvas, Council, Sector

from .access import ensure_can_edit, ensure_canvas_editable
from .network import council_partner_ensure
from .validation import clean_or_raise, require

EDITABLE_FIELDS = (
    "title",
    "summary",
    "sector",
    "language",
    "is_template",
    "preferred_justification",
)


@transaction.atomic
def canvas_create(
    *,
    council: Council,
    by,
    title: str,
    summary: str = "",
    sector: str = Sector.OTHER,
    language: str | None = None,
) -> Canvas:
    """A new draft canvas, written in `language` (the council's default if not given)."""
    ensure_can_edit(by, council)
    canvas = Canvas(
        council=council,
        owner=by,
        title=title,
        summary=summary,
        sector=sector,
        language=language or council.default_language,
    )
    clean_or_raise(canvas)
    canvas.save()
    council_partner_ensure(canvas)
    return canvas


@transaction.atomic
def canvas_update(*, canvas: Canvas, by, **changes: str) -> Canvas:
    """Change a canvas's title, summary, sector, language, template sharing or the
    justification of its preferred option."""
    ensure_canvas_editable(by, canvas)
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
    """Delete a canvas, unless it carries decisions: the official trail stays."""
    ensure_can_edit(by, canvas.council)
    require(
        not canvas.decisions.exists(),
        "canvas",
        _("This canvas carries decisions, which are kept for good: archive it instead."),
    )
    canvas.delete()
