"""The options page of a canvas: its short list (business as usual first), with options
added, edited, duplicated, removed and preferred; and the written justification of a
preferred option that the appraisal does not rank first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.forms import ImpactInputsForm, ScheduleTable
from canvas_app.forms.options import SERVICE_FIELDS, JustificationForm, OptionForm
from canvas_app.impact import INPUT_DOCS
from canvas_app.models import Option, OptionKind
from canvas_app.presentation.options import AppraisalView
from canvas_app.selectors import assessment_state
from canvas_app.services.canvases import canvas_update
from canvas_app.services.options import (
    option_create,
    option_delete,
    option_duplicate,
    option_update,
    short_list,
)

from .impact import results_page
from .scoping import my_canvas, my_canvas_child

DEFAULT_LIFETIME = 20


def _options_url(canvas):
    return redirect("options", pk=canvas.pk)


@login_required
def options_page(request, pk: int):
    canvas = my_canvas(request, pk)
    options = short_list(canvas)
    state = assessment_state(canvas)
    appraisal = None
    if state.shown is not None:
        state.shown.refresh_from_db(fields=["appraisal", "options", "parameters"])
        appraisal = AppraisalView.of(state.shown, id_prefix="options")
    figures = {row.key: row for row in appraisal.rows()} if appraisal else {}
    return render(
        request,
        "canvas_app/options/options.html",
        {
            "canvas": canvas,
            "options": [(option, figures.get(option.pk)) for option in options],
            "state": state,
            "appraisal": appraisal,
        },
    )


def _period(canvas) -> dict:
    """The appraisal period every option shares, to start a new option with."""
    inputs = next(
        (o.inputs for o in short_list(canvas) if o.inputs and o.kind != OptionKind.BAU), None
    )
    if not inputs:
        return {"lifetime_years": DEFAULT_LIFETIME}
    return {"lifetime_years": inputs["lifetime_years"], "first_year": inputs["first_year"]}


def _inputs_forms(request, values: dict) -> tuple[ImpactInputsForm, ScheduleTable]:
    """The impact inputs form and its yearly table, as on the impact inputs page."""
    data = request.POST or None
    form = ImpactInputsForm(data, initial=values)
    lifetime = (data.get("lifetime_years") if data else None) or values.get(
        "lifetime_years", DEFAULT_LIFETIME
    )
    try:
        lifetime = int(lifetime)
    except (TypeError, ValueError):
        lifetime = values.get("lifetime_years", DEFAULT_LIFETIME)
    return form, ScheduleTable(lifetime, stored=values, data=data)


def _add_errors(form, inputs_form, table, error: ValidationError) -> None:
    """The options services name fields as the API does (`optimism_bias.mitigation`,
    `inputs.lifetime_years`); show each on the field it is about."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.message_dict.items():
        inputs_field = key.removeprefix("inputs.") if key.startswith("inputs.") else ""
        for message in errors:
            if SERVICE_FIELDS.get(key) in form.fields:
                form.add_error(SERVICE_FIELDS[key], message)
            elif table is not None and inputs_field.endswith("_schedule"):
                table.errors.setdefault(inputs_field, []).append(message)
            elif inputs_form is not None and inputs_field in inputs_form.fields:
                inputs_form.add_error(inputs_field, message)
            else:
                form.add_error(None, message)


def _form_page(request, canvas, *, title, form, inputs_form=None, table=None, option=None):
    errors = form.errors or (inputs_form is not None and inputs_form.errors)
    errors = errors or (table is not None and table.errors)
    return render(
        request,
        "canvas_app/options/option_form.html",
        {
            "canvas": canvas,
            "title": title,
            "form": form,
            "inputs_form": inputs_form,
            "table": table,
            "option": option,
            "docs": INPUT_DOCS,
        },
        status=400 if errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def option_new(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=True)
    form = OptionForm(request.POST or None)
    inputs_form, table = _inputs_forms(request, _period(canvas))
    if request.method == "POST":
        schedules = table.values()
        if form.is_valid() and inputs_form.is_valid() and not table.errors:
            try:
                option_create(
                    canvas=canvas,
                    by=request.user,
                    inputs={**inputs_form.engine_values(), **schedules},
                    **form.option_values(),
                )
            except ValidationError as error:
                _add_errors(form, inputs_form, table, error)
            else:
                messages.success(request, _("Option added. The options are being appraised."))
                return _options_url(canvas)
    return _form_page(
        request,
        canvas,
        title=_("Add an option"),
        form=form,
        inputs_form=inputs_form,
        table=table,
    )


@login_required
@require_http_methods(["GET", "POST"])
def option_edit(request, pk: int):
    option = my_canvas_child(request, Option, pk)
    canvas = my_canvas(request, option.canvas_id, for_edit=True)
    bau = option.kind == OptionKind.BAU
    initial = {
        "name": option.name,
        "kind": option.kind,
        "project_type": option.project_type,
        "mitigation": option.mitigation,
        "works_duration_months": option.works_duration_months,
    }
    form = OptionForm(request.POST or None, initial=initial, bau=bau, with_preferred=False)
    inputs_form, table = (None, None) if bau else _inputs_forms(request, option.inputs or {})
    if request.method == "POST":
        schedules = table.values() if table is not None else {}
        valid = form.is_valid() and (bau or (inputs_form.is_valid() and not table.errors))
        if valid:
            changes = form.option_values()
            if not bau:
                changes["inputs"] = {**inputs_form.engine_values(), **schedules}
            try:
                option_update(option=option, by=request.user, **changes)
            except ValidationError as error:
                _add_errors(form, inputs_form, table, error)
            else:
                messages.success(request, _("Option saved. The options are being appraised."))
                return _options_url(canvas)
    return _form_page(
        request,
        canvas,
        title=_("Edit the option “%(name)s”") % {"name": option.name},
        form=form,
        inputs_form=inputs_form,
        table=table,
        option=option,
    )


def _posted_option(request, pk: int) -> tuple[Option, object]:
    option = my_canvas_child(request, Option, pk)
    return option, my_canvas(request, option.canvas_id, for_edit=True)


@login_required
@require_POST
def option_copy(request, pk: int):
    option, canvas = _posted_option(request, pk)
    try:
        copy = option_duplicate(option=option, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _options_url(canvas)
    messages.success(
        request, _("“%(name)s” added: change what differs from the original.") % {"name": copy.name}
    )
    return redirect("option-edit", pk=copy.pk)


@login_required
@require_POST
def option_remove(request, pk: int):
    option, canvas = _posted_option(request, pk)
    try:
        option_delete(option=option, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(name)s” removed.") % {"name": option.name})
    return _options_url(canvas)


@login_required
@require_POST
def option_prefer(request, pk: int):
    option, canvas = _posted_option(request, pk)
    try:
        option_update(option=option, by=request.user, preferred=True)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(name)s” is now the preferred option. The options are being appraised.")
            % {"name": option.name},
        )
    return _options_url(canvas)


@login_required
@require_POST
def justification_save(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=True)
    form = JustificationForm(request.POST)
    if form.is_valid():
        try:
            canvas_update(
                canvas=canvas,
                by=request.user,
                preferred_justification=form.cleaned_data["preferred_justification"],
            )
        except ValidationError as error:
            for message in error.message_dict.get("preferred_justification", error.messages):
                form.add_error("preferred_justification", message)
        else:
            messages.success(request, _("Justification saved."))
            return redirect("impact-results", pk=canvas.pk)
    return results_page(request, canvas, justification_form=form, status=400)
