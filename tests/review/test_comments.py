"""Comments: anchors, threads, edits, deletion, resolution, mentions and the stage rules."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canvas_app.models import Canvas, Comment, CommentRevision, Stage, ThreadStatus
from canvas_app.services.cards import card_move
from canvas_app.services.comments import (
    CommentingClosed,
    comment_create,
    comment_delete,
    comment_edit,
    thread_reopen,
    thread_resolve,
)

from ..factories import CardFactory


def comment(canvas, by, body="Who maintains the sensors?", **extra):
    extra.setdefault("block", "key_partners")
    extra.setdefault("kind", "question")
    return comment_create(canvas=canvas, by=by, body=body, **extra)


def set_stage(canvas, stage):
    Canvas.objects.filter(pk=canvas.pk).update(stage=stage)
    canvas.refresh_from_db()


def test_a_comment_on_a_card_keeps_the_cards_block_and_words(canvas, stakeholder, block_card):
    made = comment(canvas, stakeholder, card=block_card, stance="against")

    assert (made.block, made.card, made.stance, made.status) == (
        "key_partners",
        block_card,
        "against",
        ThreadStatus.OPEN,
    )
    assert made.card_excerpt == "Energy utility"


def test_a_card_of_another_block_is_refused(canvas, stakeholder, block_card):
    with pytest.raises(ValidationError) as error:
        comment(canvas, stakeholder, block="costs", card=block_card)

    assert "card" in error.value.message_dict


def test_a_card_of_another_canvas_is_refused(canvas, second_canvas, editor):
    elsewhere = CardFactory(canvas=second_canvas, block="key_partners")

    with pytest.raises(ValidationError) as error:
        comment(canvas, editor, card=elsewhere)

    assert "card" in error.value.message_dict


@pytest.mark.parametrize(
    "field, value",
    [
        ("block", "nowhere"),
        ("kind", "rant"),
        ("stance", "maybe"),
        ("body", "   "),
        ("body", "x" * 5001),
    ],
)
def test_bad_comment_input_names_the_field(canvas, editor, field, value):
    with pytest.raises(ValidationError) as error:
        comment(canvas, editor, **{field: value})

    assert field in error.value.message_dict


def test_a_reply_to_a_reply_joins_the_same_thread(canvas, editor, stakeholder):
    thread = comment(canvas, stakeholder)
    reply = comment_create(canvas=canvas, by=editor, parent=thread, body="The utility does.")

    second = comment_create(canvas=canvas, by=stakeholder, parent=reply, body="Thanks.")

    assert second.parent == thread
    assert (second.block, second.kind) == (thread.block, thread.kind)


def test_a_reply_cannot_move_to_another_block(canvas, editor, stakeholder):
    thread = comment(canvas, stakeholder)

    with pytest.raises(ValidationError) as error:
        comment_create(canvas=canvas, by=editor, parent=thread, block="costs", body="Moved?")

    assert "block" in error.value.message_dict


def test_a_new_reply_reopens_a_resolved_thread(canvas, editor, stakeholder):
    thread = comment(canvas, stakeholder)
    thread_resolve(comment=thread, by=editor, note="The utility maintains them.")

    comment_create(canvas=canvas, by=stakeholder, parent=thread, body="Under which contract?")

    thread.refresh_from_db()
    assert thread.status == ThreadStatus.OPEN


def test_editing_keeps_the_earlier_text(canvas, stakeholder):
    made = comment(canvas, stakeholder, body="First thought")

    comment_edit(comment=made, by=stakeholder, body="Second thought", stance="for")

    made.refresh_from_db()
    assert (made.body, made.stance) == ("Second thought", "for")
    assert made.edited_at is not None
    assert [r.body for r in CommentRevision.objects.filter(comment=made)] == ["First thought"]


def test_only_the_author_edits(canvas, stakeholder, editor):
    made = comment(canvas, stakeholder)

    with pytest.raises(PermissionDenied):
        comment_edit(comment=made, by=editor, body="Not mine")


def test_deleting_removes_the_text_and_keeps_the_thread(canvas, stakeholder, editor):
    thread = comment(canvas, stakeholder, body="Personal details here")
    comment_edit(comment=thread, by=stakeholder, body="Still personal")
    comment_create(canvas=canvas, by=editor, parent=thread, body="Answered.")

    comment_delete(comment=thread, by=stakeholder)

    thread.refresh_from_db()
    assert thread.body == "" and thread.deleted_at is not None
    assert not CommentRevision.objects.filter(comment=thread).exists()
    assert thread.replies.get().body == "Answered."


def test_only_the_author_deletes(canvas, stakeholder, admin_user):
    made = comment(canvas, stakeholder)

    with pytest.raises(PermissionDenied):
        comment_delete(comment=made, by=admin_user)


def test_editors_and_the_author_resolve_others_do_not(
    canvas, stakeholder, editor, approver, viewer, observer
):
    thread = comment(canvas, stakeholder)

    for user in (approver, viewer, observer):
        with pytest.raises(PermissionDenied):
            thread_resolve(comment=thread, by=user, note="Not mine to close")
    thread_resolve(comment=thread, by=stakeholder, note="Answered, thanks")
    thread_reopen(comment=thread, by=editor)
    thread_resolve(comment=thread, by=editor, note="Contract clause 4")

    thread.refresh_from_db()
    assert (thread.status, thread.resolution_note, thread.resolved_by) == (
        ThreadStatus.RESOLVED,
        "Contract clause 4",
        editor,
    )


def test_resolving_needs_a_note(canvas, stakeholder, editor):
    thread = comment(canvas, stakeholder)

    with pytest.raises(ValidationError) as error:
        thread_resolve(comment=thread, by=editor, note="  ")

    assert "note" in error.value.message_dict


def test_a_reply_is_not_resolved_on_its_own(canvas, stakeholder, editor):
    thread = comment(canvas, stakeholder)
    reply = comment_create(canvas=canvas, by=editor, parent=thread, body="Answer")

    with pytest.raises(ValidationError):
        thread_resolve(comment=reply, by=editor, note="Done")


def test_observers_never_comment(canvas, observer):
    with pytest.raises(PermissionDenied):
        comment(canvas, observer)


def test_stakeholders_comment_in_consultation(canvas, stakeholder):
    set_stage(canvas, Stage.CONSULTATION)

    assert comment(canvas, stakeholder).pk


@pytest.mark.parametrize("stage", [Stage.DRAFT, Stage.REVIEW, Stage.APPROVED, Stage.ARCHIVED])
def test_stakeholders_cannot_comment_later_and_are_told_why(canvas, stakeholder, stage):
    set_stage(canvas, stage)

    with pytest.raises(CommentingClosed) as error:
        comment(canvas, stakeholder)

    assert canvas.get_stage_display().lower() in str(error.value).lower()


def test_council_staff_still_comment_in_review(canvas, approver):
    set_stage(canvas, Stage.REVIEW)

    assert comment(canvas, approver).pk


@pytest.mark.parametrize("stage", [Stage.APPROVED, Stage.ARCHIVED])
def test_nobody_comments_on_a_frozen_canvas(canvas, editor, stage):
    set_stage(canvas, stage)

    with pytest.raises(CommentingClosed):
        comment(canvas, editor)


def test_mentions_are_participants_only(canvas, stakeholder, editor, other_invitee, outsider):
    made = comment(
        canvas,
        stakeholder,
        body="@editor and @elsewhere and @outsider, and email@editor is not a mention.",
    )

    assert list(made.mentions.values_list("username", flat=True)) == ["editor"]


def test_a_comment_follows_its_card_to_another_block(canvas, stakeholder, editor, block_card):
    made = comment(canvas, stakeholder, card=block_card)

    card_move(card=block_card, by=editor, block="key_resources", position=0)

    made.refresh_from_db()
    assert made.block == "key_resources"


def test_a_deleted_card_leaves_its_comments_on_the_block(canvas, stakeholder, editor, block_card):
    made = comment(canvas, stakeholder, card=block_card)

    block_card.delete()

    made.refresh_from_db()
    assert (made.card, made.block, made.card_excerpt) == (None, "key_partners", "Energy utility")


def test_premoderated_stakeholder_comments_wait(canvas, stakeholder, editor):
    Canvas.objects.filter(pk=canvas.pk).update(comments_premoderated=True)
    canvas.refresh_from_db()

    waiting = comment(canvas, stakeholder)
    staff = comment(canvas, editor)

    assert waiting.awaiting_approval and not staff.awaiting_approval
    assert list(Comment.objects.public()) == [staff]
