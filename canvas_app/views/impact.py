"""Impact inputs, funding plan and results of a canvas."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.forms import FundingFormSet, ImpactInputsForm, ScheduleTable
from canvas_app.forms.options import JustificationForm
from canvas_app.impact import INPUT_DOCS
from canvas_app.models import ImpactInputs
from canvas_app.presentation.impact import ImpactSummary
from canvas_app.presentation.options import AppraisalView
from canvas_app.selectors import assessment_state
from canvas_app.services.assessments import reassessment_request
from canvas_app.services.impact import funding_sources_replace, impact_inputs_update

from .scoping import my_canvas


@login_required
@require_http_methods(["GET", "POST"])
def impact_inputs_edit(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=request.method == "POST")
    stored = ImpactInputs.objects.filter(canvas=canvas).first()
    values = stored.values if stored else {}
    form = ImpactInputsForm(request.POST or None, initial=values)
    lifetime = (request.POST.get("lifetime_years") if request.POST else None) or values.get(
        "lifetime_years", 20
    )
    try:
        lifetime = int(lifetime)
    except (TypeError, ValueError):
        lifetime = values.get("lifetime_years", 20)
    table = ScheduleTable(lifetime, stored=values, data=request.POST or None)
    if request.method == "POST":
        schedules = table.values()
        if form.is_valid() and not table.errors:
            try:
                impact_inputs_update(
                    canvas=canvas, by=request.user, values={**form.engine_values(), **schedules}
                )
            except ValidationError as error:
                _add_engine_errors(form, table, error)
            else:
                messages.success(request, _("Impact inputs saved. The scores are being computed."))
                return redirect("impact-results", pk=canvas.pk)
    status = 400 if form.errors or table.errors else 200
    context = {"canvas": canvas, "form": form, "table": table, "docs": INPUT_DOCS}
    return render(request, "canvas_app/impact_inputs.html", context, status=status)


def _add_engine_errors(form, table: ScheduleTable, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        if field.endswith("_schedule"):
            table.errors.setdefault(field, []).extend(messages_)
        elif field in form.fields:
            for message in messages_:
                form.add_error(field, message)
        else:
            form.add_error(None, f"{field}: {' '.join(messages_)}")


@login_required
@require_http_methods(["GET", "POST"])
def funding_edit(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=request.method == "POST")
    initial = list(canvas.funding_sources.values("name", "kind", "amount", "secured"))
    formset = FundingFormSet(request.POST or None, initial=initial, prefix="funding")
    if request.method == "POST" and formset.is_valid():
        sources = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            funding_sources_replace(canvas=canvas, by=request.user, sources=sources)
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(error.messages)
        else:
            messages.success(request, _("Funding plan saved."))
            return redirect("impact-results", pk=canvas.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "canvas_app/funding.html", {"canvas": canvas, "formset": formset}, status=status
    )


@login_required
def impact_results(request, pk: int):
    return results_page(request, my_canvas(request, pk))


def results_page(request, canvas, *, justification_form=None, status: int = 200):
    """The results page; the justification view renders it again with its form's errors."""
    state = assessment_state(canvas)
    shown = state.shown
    if shown is not None:  # the documents the page reads, in one query
        shown.refresh_from_db(fields=["result", "appraisal", "options", "parameters"])
    # A done assessment without a result: business as usual is the preferred option.
    summary = ImpactSummary(shown) if shown and shown.result else None
    # None for a version 1 assessment, which appraised a single proposal.
    appraisal = AppraisalView.of(shown) if shown else None
    asks_justification = appraisal is not None and appraisal.justification_required
    if asks_justification and canvas.can_edit and justification_form is None:
        justification_form = JustificationForm(
            initial={"preferred_justification": canvas.preferred_justification}
        )
    return render(
        request,
        "canvas_app/impact_results.html",
        {
            "canvas": canvas,
            "state": state,
            "summary": summary,
            "appraisal": appraisal,
            "justification_form": justification_form if canvas.can_edit else None,
        },
        status=status,
    )


@login_required
def impact_status(request, pk: int):
    """Polled by the results page while an assessment is on its way."""
    canvas = my_canvas(request, pk)
    state = assessment_state(canvas)
    if not state.is_pending and request.htmx:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # the result is in: show the whole page anew
        return response
    return render(request, "canvas_app/_impact_status.html", {"canvas": canvas, "state": state})


@login_required
@require_POST
def impact_reassess(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=True)
    try:
        reassessment_request(canvas=canvas, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("impact-inputs", pk=canvas.pk)
    messages.success(request, _("Re-assessment requested."))
    return redirect("impact-results", pk=canvas.pk)
