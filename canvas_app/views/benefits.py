"""The benefits page of a canvas: the benefits realisation plan with each benefit's
measurements and its status at a date (today unless another date is asked for)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.forms.benefits import AsOfForm, BenefitForm, MeasurementForm
from canvas_app.models import EDIT_ROLES, Benefit, Canvas, Measurement, Stage
from canvas_app.presentation.benefits import benefit_rows
from canvas_app.selectors.delivery import benefits_at
from canvas_app.services.benefits import (
    benefit_create,
    benefit_delete,
    benefit_update,
    measurement_add,
    measurement_delete,
)

from .errors import add_service_errors
from .scoping import my_canvas, my_canvas_child


def can_record(canvas: Canvas) -> bool:
    """Measurements and actual figures: the council's editors, at any stage but archived
    (services.benefits.ensure_can_record says the same)."""
    return bool(
        canvas.is_member and canvas.user_role in EDIT_ROLES and canvas.stage != Stage.ARCHIVED
    )


def _benefits_url(canvas, benefit=None):
    url = reverse("benefits", args=[canvas.pk])
    return redirect(f"{url}#benefit-{benefit.pk}" if benefit else url)


@login_required
def benefits_page(request, pk: int):
    canvas = my_canvas(request, pk)
    as_of_form = AsOfForm(request.GET or None)
    as_of = timezone.localdate()
    if as_of_form.is_bound and as_of_form.is_valid() and as_of_form.cleaned_data["as_of"]:
        as_of = as_of_form.cleaned_data["as_of"]
    rows = benefit_rows(benefits_at(canvas, as_of), as_of)
    recording = can_record(canvas)
    entries = [
        (row, MeasurementForm(auto_id=f"measurement-{row.benefit.pk}-%s") if recording else None)
        for row in rows
    ]
    return render(
        request,
        "canvas_app/benefits/benefits.html",
        {
            "canvas": canvas,
            "entries": entries,
            "as_of": as_of,
            "today": as_of == timezone.localdate(),
            "as_of_form": as_of_form,
            "can_record": recording,
        },
        status=400 if as_of_form.errors else 200,
    )


def _benefit_form_page(request, canvas, form, title: str):
    return render(
        request,
        "canvas_app/benefits/benefit_form.html",
        {"canvas": canvas, "form": form, "title": title},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def benefit_new(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=True)
    form = BenefitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            benefit = benefit_create(canvas=canvas, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Benefit added."))
            return _benefits_url(canvas, benefit)
    return _benefit_form_page(request, canvas, form, _("Add a benefit"))


@login_required
@require_http_methods(["GET", "POST"])
def benefit_edit(request, pk: int):
    benefit = my_canvas_child(request, Benefit, pk)
    canvas = my_canvas(request, benefit.canvas_id, for_edit=True)
    names = ("name", "unit", "baseline", "baseline_date", "target", "target_date", "owner")
    initial = {name: getattr(benefit, name) for name in (*names, "method", "theme")}
    form = BenefitForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            benefit_update(benefit=benefit, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Benefit saved."))
            return _benefits_url(canvas, benefit)
    return _benefit_form_page(
        request, canvas, form, _("Edit the benefit “%(name)s”") % {"name": benefit.name}
    )


@login_required
@require_POST
def benefit_remove(request, pk: int):
    benefit = my_canvas_child(request, Benefit, pk)
    canvas = my_canvas(request, benefit.canvas_id, for_edit=True)
    benefit_delete(benefit=benefit, by=request.user)
    messages.success(request, _("“%(name)s” removed.") % {"name": benefit.name})
    return _benefits_url(canvas)


@login_required
@require_http_methods(["GET", "POST"])
def measurement_new(request, pk: int):
    benefit = my_canvas_child(request, Benefit, pk)
    canvas = my_canvas(request, benefit.canvas_id)
    if not can_record(canvas):
        raise PermissionDenied(_("Only the council's editors record measurements."))
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            measurement_add(benefit=benefit, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Measurement recorded."))
            return _benefits_url(canvas, benefit)
    return render(
        request,
        "canvas_app/benefits/measurement_form.html",
        {"canvas": canvas, "benefit": benefit, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def measurement_remove(request, pk: int):
    measurements = Measurement.objects.filter(
        benefit__canvas__in=Canvas.objects.visible_to(request.user)
    ).select_related("benefit")
    measurement = get_object_or_404(measurements, pk=pk)
    canvas = my_canvas(request, measurement.benefit.canvas_id)
    measurement_delete(measurement=measurement, by=request.user)
    messages.success(request, _("Measurement removed."))
    return _benefits_url(canvas, measurement.benefit)
