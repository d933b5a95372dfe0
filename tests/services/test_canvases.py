import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canvas_app.examples import EXAMPLES
from canvas_app.framework import BLOCKS
from canvas_app.models import Canvas
from canvas_app.services.canvases import (
    canvas_create,
    canvas_delete,
    canvas_update,
)
from canvas_app.services.exchange import canvas_create_from_example


def test_an_editor_creates_a_draft_canvas(council, editor):
    canvas = canvas_create(council=council, by=editor, title="  Bike sharing ", sector="mobility")

    assert canvas.title == "Bike sharing"
    assert canvas.stage == "draft"
    assert canvas.revision == 1
    assert canvas.owner == editor


@pytest.mark.parametrize("title, field", [("", "title"), ("   ", "title"), ("x" * 201, "title")])
def test_a_canvas_needs_a_sensible_title(council, editor, title, field):
    with pytest.raises(ValidationError) as error:
        canvas_create(council=council, by=editor, title=title)

    assert field in error.value.message_dict
    assert not Canvas.objects.exists()


def test_an_unknown_sector_is_refused(council, editor):
    with pytest.raises(ValidationError) as error:
        canvas_create(council=council, by=editor, title="Drones", sector="space")

    assert "sector" in error.value.message_dict


def test_viewers_cannot_create_canvases(council, viewer):
    with pytest.raises(PermissionDenied):
        canvas_create(council=council, by=viewer, title="Nope")


def test_outsiders_cannot_create_canvases_in_a_council(council, outsider):
    with pytest.raises(PermissionDenied):
        canvas_create(council=council, by=outsider, title="Nope")


@pytest.mark.parametrize("key", list(EXAMPLES))
def test_every_example_fills_all_thirteen_blocks(council, editor, key):
    canvas = canvas_create_from_example(council=council, by=editor, example=EXAMPLES[key])

    filled = set(canvas.cards.values_list("block", flat=True))
    assert filled == {block.key for block in BLOCKS}
    assert canvas.title == EXAMPLES[key].title


def test_updating_a_canvas_changes_only_allowed_fields(canvas, editor):
    canvas_update(canvas=canvas, by=editor, title="New title", sector="energy")

    canvas.refresh_from_db()
    assert (canvas.title, canvas.sector) == ("New title", "energy")
    with pytest.raises(TypeError):
        canvas_update(canvas=canvas, by=editor, stage="approved")


def test_deleting_a_canvas_needs_an_editor(canvas, viewer, editor):
    with pytest.raises(PermissionDenied):
        canvas_delete(canvas=canvas, by=viewer)

    canvas_delete(canvas=canvas, by=editor)

    assert not Canvas.objects.filter(pk=canvas.pk).exists()
