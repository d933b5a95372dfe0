"""Stages, decisions, snapshots, comparisons and the activity feed of a canvas."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from canvas_app.forms.lifecycle import CompareForm, DecisionForm, SnapshotNameForm, TransitionForm
from canvas_app.framework import BLOCKS_BY_KEY
from canvas_app.models import EDIT_ROLES, MODERATOR_ROLES, Snapshot, Stage
from canvas_app.presentation.activity import activity_summary
from canvas_app.presentation.diff import (
    benefit_changes,
    canvas_rows,
    card_field_rows,
    input_rows,
    option_changes,
    score_rows,
)
from canvas_app.reports.content import snapshot_report_content
from canvas_app.reports.html import render_html
from canvas_app.selectors.lifecycle import activity_entries, activity_rows
from canvas_app.services.lifecycle import (
    DECIDING_ROLES,
    allowed_moves,
    canvas_transition,
    decision_make,
    revision_open,
    submitted_by,
)
from canvas_app.services.reports import snapshot_report, snapshot_report_request
from canvas_app.services.snapshots import snapshot_diff, snapshot_name, snapshot_restore

from .reports import pdf_response
from .scoping import my_canvas

ACTIVITY_PER_PAGE = 30
MOVED = {
    Stage.CONSULTATION: gettext_lazy("The consultation is open: invited stakeholders can comment."),
    Stage.REVIEW: gettext_lazy("Sent to review: the council's approvers are asked to decide."),
    Stage.DRAFT: gettext_lazy("Withdrawn from review: the canvas is a draft again."),
    Stage.ARCHIVED: gettext_lazy("Archived."),
}


def _refusal(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
def history(request, pk: int):
    """Where the canvas stands, what can be done next, and its official trail."""
    canvas = my_canvas(request, pk)
    snapshots = list(canvas.snapshots.select_related("created_by").defer("content"))
    return render(
        request,
        "canvas_app/lifecycle/history.html",
        {
            "canvas": canvas,
            "moves": allowed_moves(canvas, canvas.user_role),
            "can_decide": canvas.stage == Stage.REVIEW and canvas.user_role in DECIDING_ROLES,
            "submitter": submitted_by(canvas) if canvas.stage == Stage.REVIEW else None,
            "decision_form": DecisionForm(),
            "snapshot_form": SnapshotNameForm(),
            "compare_form": CompareForm(snapshots=snapshots),
            "decisions": canvas.decisions.select_related("by", "submitted_by"),
            "changes": canvas.stage_changes.select_related("by")[:50],
            "snapshots": snapshots,
            "can_edit_council": canvas.user_role in EDIT_ROLES,
            "stage_choices": Stage.choices,
        },
    )


@login_required
@require_POST
def transition(request, pk: int):
    canvas = my_canvas(request, pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            canvas = canvas_transition(canvas=canvas, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _refusal(request, error)
        else:
            messages.success(request, str(MOVED[canvas.stage]))
    return redirect("canvas-history", pk=pk)


@login_required
@require_POST
def decide(request, pk: int):
    canvas = my_canvas(request, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            decision = decision_make(canvas=canvas, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _refusal(request, error)
        else:
            messages.success(
                request,
                _("Decision recorded: %(outcome)s.") % {"outcome": decision.get_outcome_display()},
            )
            return redirect("canvas-history", pk=pk)
    return render(
        request,
        "canvas_app/lifecycle/decide.html",
        {"canvas": canvas, "decision_form": form},
        status=400,
    )


@login_required
@require_POST
def new_revision(request, pk: int):
    canvas = my_canvas(request, pk)
    try:
        canvas = revision_open(canvas=canvas, by=request.user)
    except ValidationError as error:
        _refusal(request, error)
        return redirect("canvas-history", pk=pk)
    messages.success(
        request, _("Revision %(revision)s is open as a draft.") % {"revision": canvas.revision}
    )
    return redirect("canvas-detail", pk=pk)


@login_required
@require_POST
def snapshot_new(request, pk: int):
    canvas = my_canvas(request, pk)
    form = SnapshotNameForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.get("name") or _("Give the snapshot a name."))
        snapshot = snapshot_name(canvas=canvas, by=request.user, name=form.cleaned_data["name"])
    except ValidationError as error:
        _refusal(request, error)
    else:
        messages.success(request, _("Snapshot “%(name)s” kept.") % {"name": snapshot.name})
    return redirect("canvas-history", pk=pk)


def _snapshot(request, pk: int, snapshot_pk: int):
    canvas = my_canvas(request, pk)
    return canvas, get_object_or_404(Snapshot, canvas=canvas, pk=snapshot_pk)


@login_required
@require_POST
def snapshot_restore_view(request, pk: int, snapshot_pk: int):
    canvas, snapshot = _snapshot(request, pk, snapshot_pk)
    canvas = snapshot_restore(snapshot=snapshot, by=request.user)
    messages.success(
        request,
        _("“%(name)s” restored as revision %(revision)s, a draft.")
        % {"name": snapshot.name, "revision": canvas.revision},
    )
    return redirect("canvas-detail", pk=pk)


@login_required
def compare(request, pk: int):
    """The diff page: between two snapshots, or a snapshot and the canvas now."""
    canvas = my_canvas(request, pk)
    snapshots = list(canvas.snapshots.defer("content"))
    form = CompareForm(request.GET or None, snapshots=snapshots)
    if not form.is_valid():
        if request.GET:
            raise Http404(_("Choose two versions of this canvas."))
        return redirect("canvas-history", pk=pk)
    base = get_object_or_404(Snapshot, canvas=canvas, pk=form.cleaned_data["base"])
    target_id = form.cleaned_data["target"]
    target = (
        None if target_id == "now" else get_object_or_404(Snapshot, canvas=canvas, pk=target_id)
    )
    diff = snapshot_diff(snapshot=base, to=target, by=request.user)
    return render(
        request,
        "canvas_app/lifecycle/compare.html",
        {
            "canvas": canvas,
            "form": form,
            "base": base,
            "target": target,
            "diff": diff,
            "blocks": diff_blocks(diff),
            "canvas_rows": canvas_rows(diff["canvas"]),
            "input_rows": input_rows(diff["inputs"]),
            "score_rows": score_rows(diff["scores"]),
            "option_changes": option_changes(diff["options"]),
            "benefit_changes": benefit_changes(diff["benefits"]),
        },
    )


def diff_blocks(diff: dict) -> list[tuple]:
    """The blocks with changes, in reading order, with their titles; each changed card
    with its other changed fields as rows."""
    return [
        (
            BLOCKS_BY_KEY[key],
            {
                **changes,
                "changed": [
                    {**change, "field_rows": card_field_rows(change["fields"])}
                    for change in changes["changed"]
                ],
            },
        )
        for key, changes in diff["blocks"].items()
        if any(changes.values())
    ]


@login_required
def activity(request, pk: int):
    canvas = my_canvas(request, pk)
    moderator = canvas.user_role in MODERATOR_ROLES
    page = Paginator(activity_rows(canvas, moderator=moderator), ACTIVITY_PER_PAGE).get_page(
        request.GET.get("page")
    )
    entries = [(entry, activity_summary(entry)) for entry in activity_entries(page.object_list)]
    return render(
        request,
        "canvas_app/lifecycle/activity.html",
        {"canvas": canvas, "page": page, "entries": entries},
    )


# A snapshot's own page and PDF (an approved revision stays readable as its snapshot),
# both in the reader's language, as a shared business case is.


@login_required
def snapshot_page(request, pk: int, snapshot_pk: int):
    canvas, snapshot = _snapshot(request, pk, snapshot_pk)
    content = snapshot_report_content(snapshot, request.LANGUAGE_CODE)
    return render(
        request,
        "canvas_app/lifecycle/snapshot.html",
        {
            "canvas": canvas,
            "snapshot": snapshot,
            "document": render_html(content, standalone=False, logo_url=""),
            "report": snapshot_report(snapshot, request.LANGUAGE_CODE),
        },
    )


@login_required
@require_POST
def snapshot_render(request, pk: int, snapshot_pk: int):
    canvas, snapshot = _snapshot(request, pk, snapshot_pk)
    snapshot_report_request(snapshot=snapshot, by=request.user, language=request.LANGUAGE_CODE)
    return redirect("snapshot-page", pk=pk, snapshot_pk=snapshot_pk)


@login_required
def snapshot_status(request, pk: int, snapshot_pk: int):
    """Polled while the snapshot's PDF renders; reloads the page once it is done."""
    canvas, snapshot = _snapshot(request, pk, snapshot_pk)
    report = snapshot_report(snapshot, request.LANGUAGE_CODE)
    if request.htmx and (report is None or not report.is_pending):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(
        request,
        "canvas_app/lifecycle/_snapshot_status.html",
        {"canvas": canvas, "snapshot": snapshot, "report": report},
    )


@login_required
def snapshot_pdf(request, pk: int, snapshot_pk: int):
    canvas, snapshot = _snapshot(request, pk, snapshot_pk)
    return pdf_response(snapshot_report(snapshot, request.LANGUAGE_CODE))
