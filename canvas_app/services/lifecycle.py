"""From draft to decision: stage changes, approvers' decisions, new revisions.

draft → consultation → review (editors and admins; a revision consulted once goes
from draft straight back to review); review → approved (only by an approver's
decision) or back to draft (a decision to request changes or reject, or an editor
withdrawing it); approved → archived (admins); from approved a new revision opens
as a draft. Every change is recorded, snapshotted and announced.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from canvas_app.models import (
    EDIT_ROLES,
    MANAGE_ROLES,
    Canvas,
    Decision,
    Outcome,
    Role,
    SnapshotKind,
    Stage,
    StageChange,
)

from .access import role_in
from .notifications import notify_decision, notify_stage_change
from .options import justification_required
from .outturn import outturn_rebase
from .snapshots import content_fingerprint, snapshot_content, snapshot_take
from .validation import require

NOTE_MAX_LENGTH = 2000
RATIONALE_MAX_LENGTH = 10000
DECIDING_ROLES = frozenset({Role.APPROVER, Role.ADMIN})


@dataclass(frozen=True)
class Move:
    """A stage change people ask for: where it may start, and who may ask."""

    sources: frozenset[str]
    roles: frozenset[str]
    refusal: str  # marked only: translated when refused, with the stage filled in


_EDITORS_ONLY = gettext_noop(
    "Only the council's editors and admins can move a canvas to %(stage)s."
)
_ADMINS_ONLY = gettext_noop("Only the council's admins can move a canvas to %(stage)s.")

MOVES = {
    Stage.CONSULTATION: Move(frozenset({Stage.DRAFT}), EDIT_ROLES, _EDITORS_ONLY),
    Stage.REVIEW: Move(frozenset({Stage.CONSULTATION}), EDIT_ROLES, _EDITORS_ONLY),
    # Back to draft by hand: an editor withdraws a canvas from review.
    Stage.DRAFT: Move(frozenset({Stage.REVIEW}), EDIT_ROLES, _EDITORS_ONLY),
    Stage.ARCHIVED: Move(frozenset({Stage.APPROVED}), MANAGE_ROLES, _ADMINS_ONLY),
}

OUTCOME_STAGE = {
    Outcome.APPROVE: Stage.APPROVED,
    Outcome.REQUEST_CHANGES: Stage.DRAFT,
    Outcome.REJECT: Stage.DRAFT,
}


def _label(stage: str) -> str:
    return str(Stage(stage).label).lower()


def _either(stages) -> str:
    """Stage names joined as alternatives: "draft", "draft or review"."""
    labels = [_label(stage) for stage in sorted(stages)]
    text = labels[0]
    for label in labels[1:]:
        # Translators: two stage names as alternatives, e.g. "draft or consultation".
        text = _("%(first)s or %(second)s") % {"first": text, "second": label}
    return text


def _locked(canvas: Canvas) -> Canvas:
    """The canvas row as committed now, locked, so two changes never interleave."""
    return Canvas.objects.select_for_update().select_related("council").get(pk=canvas.pk)


def _note(note: str, field: str = "note", limit: int = NOTE_MAX_LENGTH) -> str:
    note = (note or "").strip()
    require(len(note) <= limit, field, _("At most %(limit)s characters.") % {"limit": limit})
    return note


def _move(canvas: Canvas, to: str, by, note: str, *, revision: int | None = None) -> StageChange:
    """Change the stage: record who, when and why, snapshot it, tell the participants."""
    change = StageChange.objects.create(
        canvas=canvas,
        revision=revision or canvas.revision,
        from_stage=canvas.stage,
        to_stage=to,
        note=note,
        by=by,
    )
    canvas.stage = to
    if revision:
        canvas.revision = revision
    canvas.save(update_fields=["stage", "revision", "updated_at"])
    snapshot_take(
        canvas=canvas,
        by=by,
        kind=SnapshotKind.STAGE,
    )
    notify_stage_change(canvas, change)
    return change


def sources_of(canvas: Canvas, to: str) -> frozenset[str]:
    """Where a move to `to` may start. A revision is consulted once: after a decision
    sends it back to draft, it may go straight back to review."""
    sources = MOVES[to].sources
    if to == Stage.REVIEW and canvas.stage == Stage.DRAFT and _consulted(canvas):
        sources = sources | {Stage.DRAFT}
    return sources


def _consulted(canvas: Canvas) -> bool:
    return StageChange.objects.filter(
        canvas=canvas, revision=canvas.revision, to_stage=Stage.CONSULTATION
    ).exists()


def allowed_moves(canvas: Canvas, role: str | None) -> list[str]:
    """The stages this role may move the canvas to by hand, now."""
    return [
        to
        for to, move in MOVES.items()
        if role in move.roles and canvas.stage in sources_of(canvas, to)
    ]


@transaction.atomic
def canvas_transition(*, canvas: Canvas, by, to: str, note: str = "") -> Canvas:
    """Move a canvas to another stage by hand (not to approved: that takes a decision)."""
    require(
        to != Stage.APPROVED,
        "to",
        _("A canvas is approved by an approver's decision, not moved there by hand."),
    )
    require(to in MOVES, "to", _("Choose consultation, review, draft or archived."))
    move = MOVES[to]
    if role_in(by, canvas.council) not in move.roles:
        raise PermissionDenied(_(move.refusal) % {"stage": _label(to)})
    note = _note(note)
    canvas = _locked(canvas)
    sources = sources_of(canvas, to)
    require(
        canvas.stage in sources,
        "to",
        _("This canvas is %(stage)s: it moves to %(target)s only from %(sources)s.")
        % {"stage": _label(canvas.stage), "target": _label(to), "sources": _either(sources)},
    )
    if to == Stage.REVIEW:
        require(
            canvas.preferred_justification.strip() or not justification_required(canvas),
            "preferred_justification",
            _(
                "The appraisal ranks another option above the preferred one: write why the "
                "preferred option is chosen before sending the canvas to review."
            ),
        )
    _move(canvas, to, by, note)
    return canvas


def submitted_by(canvas: Canvas):
    """Who sent the current revision to review."""
    change = (
        StageChange.objects.filter(canvas=canvas, revision=canvas.revision, to_stage=Stage.REVIEW)
        .select_related("by")
        .order_by("-at", "-id")
        .first()
    )
    return change.by if change else None


@transaction.atomic
def decision_make(*, canvas: Canvas, by, outcome: str, rationale: str) -> Decision:
    """An approver approves, requests changes or rejects a canvas in review, always with
    a written rationale. The decision is a permanent record of the content decided on."""
    if role_in(by, canvas.council) not in DECIDING_ROLES:
        raise PermissionDenied(_("Only the council's approvers and admins decide on canvases."))
    require(outcome in Outcome.values, "outcome", _("Choose approve, request_changes or reject."))
    rationale = _note(rationale, "rationale", RATIONALE_MAX_LENGTH)
    require(bool(rationale), "rationale", _("Write the rationale of the decision."))
    canvas = _locked(canvas)
    require(
        canvas.stage == Stage.REVIEW,
        "outcome",
        _("Only a canvas in review is decided on; this one is %(stage)s.")
        % {"stage": _label(canvas.stage)},
    )
    submitter = submitted_by(canvas)
    own = submitter is not None and submitter.pk == by.pk
    if own and not canvas.council.allow_self_approval:
        raise PermissionDenied(
            _(
                "Segregation of duties: you sent this revision to review, so another approver "
                "decides on it (a council admin can allow this in the council's settings)."
            )
        )
    decision = Decision.objects.create(
        canvas=canvas,
        revision=canvas.revision,
        outcome=outcome,
        rationale=rationale,
        fingerprint=content_fingerprint(snapshot_content(canvas)),
        by=by,
        submitted_by=submitter,
        self_approval_allowed=own,
    )
    label = Outcome(outcome).label
    # The stage change's note is written in the approver's language, like their rationale.
    note = _("%(outcome)s: %(rationale)s") % {"outcome": label, "rationale": rationale}
    _move(canvas, OUTCOME_STAGE[outcome], by, note)
    if outcome == Outcome.APPROVE:
        outturn_rebase(canvas)
    notify_decision(canvas, decision)
    return decision


@transaction.atomic
def revision_open(*, canvas: Canvas, by, note: str = "") -> Canvas:
    """A new draft revision of an approved canvas. The approved revision stays, frozen,
    in the snapshot its approval took."""
    if role_in(by, canvas.council) not in EDIT_ROLES:
        raise PermissionDenied(_("Only the council's editors and admins open a new revision."))
    note = _note(note)
    canvas = _locked(canvas)
    require(
        canvas.stage == Stage.APPROVED,
        "stage",
        _("A new revision opens from an approved canvas; this one is %(stage)s.")
        % {"stage": _label(canvas.stage)},
    )
    _move(
        canvas,
        Stage.DRAFT,
        by,
        note
        or _("Revision %(revision)s opened from the approved revision.")
        % {"revision": canvas.revision + 1},
        revision=canvas.revision + 1,
    )
    return canvas
