import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canvas_app.models import Card, CardHistory, Stage
from canvas_app.services.access import CanvasFrozen
from canvas_app.services.cards import (
    CardConflict,
    card_create,
    card_delete,
    card_move,
    card_update,
)


def test_a_new_card_goes_to_the_end_of_its_block(canvas, editor, card):
    new = card_create(canvas=canvas, by=editor, block="public_value", text="Safer streets")

    assert new.position == card.position + 1
    assert new.version == 1
    assert new.created_by == editor


def test_card_text_is_stripped_and_must_not_be_empty(canvas, editor):
    with pytest.raises(ValidationError) as error:
        card_create(canvas=canvas, by=editor, block="public_value", text="   ")

    assert "text" in error.value.message_dict


def test_card_text_over_2000_characters_is_refused(canvas, editor):
    with pytest.raises(ValidationError) as error:
        card_create(canvas=canvas, by=editor, block="public_value", text="x" * 2001)

    assert "text" in error.value.message_dict


def test_an_unknown_block_is_refused_by_name(canvas, editor):
    with pytest.raises(ValidationError) as error:
        card_create(canvas=canvas, by=editor, block="marketing", text="Hi")

    assert error.value.message_dict == {"block": ["Unknown block “marketing”."]}


def test_an_unknown_colour_is_refused(canvas, editor):
    with pytest.raises(ValidationError) as error:
        card_create(canvas=canvas, by=editor, block="costs", text="Hi", colour="purple")

    assert "colour" in error.value.message_dict


def test_a_save_bumps_the_version_and_records_history(card, editor):
    saved = card_update(card=card, by=editor, based_on_version=1, text="Halve energy bills")

    assert saved.version == 2
    assert Card.objects.get(pk=card.pk).text == "Halve energy bills"
    entry = CardHistory.objects.get(card_ref=card.pk, action="updated")
    assert entry.before["text"] == "Lower energy bills"
    assert entry.after["text"] == "Halve energy bills"
    assert entry.by == editor


def test_a_stale_save_keeps_both_texts(card, editor, other_editor):
    card_update(card=card, by=editor, based_on_version=card.version, text="first")

    with pytest.raises(CardConflict) as conflict:
        card_update(card=card, by=other_editor, based_on_version=1, text="second")

    assert conflict.value.current.text == "first"
    assert conflict.value.attempted["text"] == "second"
    assert Card.objects.get(pk=card.pk).text == "first"


def test_viewers_and_approvers_cannot_edit_cards(card, viewer, approver):
    for user in (viewer, approver):
        with pytest.raises(PermissionDenied):
            card_update(card=card, by=user, based_on_version=1, text="changed")

    assert Card.objects.get(pk=card.pk).text == "Lower energy bills"


def test_a_member_of_another_council_cannot_add_cards(canvas, outsider):
    with pytest.raises(PermissionDenied):
        card_create(canvas=canvas, by=outsider, block="costs", text="Sneaky")

    assert not canvas.cards.exists()


def test_an_approved_canvas_is_frozen(canvas, card, editor):
    canvas.stage = Stage.APPROVED
    canvas.save()

    with pytest.raises(CanvasFrozen):
        card_update(card=card, by=editor, based_on_version=1, text="late change")


def test_moving_a_card_renumbers_its_block(canvas, editor):
    a, b, c = (card_create(canvas=canvas, by=editor, block="costs", text=text) for text in "abc")

    card_move(card=c, by=editor, block="costs", position=0)

    order = list(
        canvas.cards.filter(block="costs").order_by("position").values_list("text", flat=True)
    )
    assert order == ["c", "a", "b"]


def test_moving_a_card_to_another_block_appends_past_the_end(canvas, editor, card):
    other = card_create(canvas=canvas, by=editor, block="costs", text="Capex")

    moved = card_move(card=card, by=editor, block="costs", position=99)

    assert moved.block == "costs"
    assert [c.pk for c in canvas.cards.filter(block="costs").order_by("position")] == [
        other.pk,
        card.pk,
    ]
    assert CardHistory.objects.filter(card_ref=card.pk, action="moved").exists()


def test_a_deleted_card_keeps_its_history(card, editor):
    card_delete(card=card, by=editor, based_on_version=1)

    assert not Card.objects.filter(pk=card.pk).exists()
    actions = set(CardHistory.objects.filter(card_ref=card.pk).values_list("action", flat=True))
    assert "deleted" in actions


def test_deleting_a_card_changed_since_it_was_read_is_a_conflict(card, editor):
    card_update(card=card, by=editor, based_on_version=1, text="changed")

    with pytest.raises(CardConflict):
        card_delete(card=card, by=editor, based_on_version=1)

    assert Card.objects.filter(pk=card.pk).exists()
