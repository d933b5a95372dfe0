"""The value creation network page: partners, the responsibility matrix, milestones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.forms import MilestoneForm, PartnerForm
from canvas_app.models import Milestone, Partner, Raci
from canvas_app.reports.content import responsibility_matrix
from canvas_app.services.network import (
    milestone_create,
    milestone_delete,
    milestone_update,
    partner_create,
    partner_delete,
    partner_update,
    responsibilities_set,
)

from .errors import add_service_errors
from .scoping import my_canvas, my_canvas_child


def _network_url(canvas):
    return redirect("network", pk=canvas.pk)


@login_required
def network(request, pk: int):
    canvas = my_canvas(request, pk)
    partners = list(canvas.partners.prefetch_related("responsibilities"))
    return render(
        request,
        "canvas_app/network.html",
        {
            "canvas": canvas,
            "partners": partners,
            "matrix": responsibility_matrix(canvas, partners),
            "raci": Raci.choices,
            "milestones": canvas.milestones.select_related("owner"),
            "milestone_form": MilestoneForm(partners=partners, auto_id="new-milestone-%s"),
        },
    )


@login_required
@require_POST
def matrix_save(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=True)
    roles = {}
    for name, value in request.POST.items():
        if name.startswith("role-"):
            try:
                partner_id, activity_id = (int(part) for part in name[5:].split("-"))
            except ValueError:
                continue
            roles[(partner_id, activity_id)] = value
    try:
        responsibilities_set(canvas=canvas, by=request.user, roles=roles)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Responsibilities saved."))
    return _network_url(canvas)


def _form_page(request, canvas, form, title: str, *, status: int = 200):
    return render(
        request,
        "canvas_app/network_form.html",
        {"canvas": canvas, "form": form, "title": title},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_new(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=True)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner_create(canvas=canvas, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Partner added."))
            return _network_url(canvas)
    return _form_page(request, canvas, form, _("Add a partner"), status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def partner_edit(request, pk: int):
    partner = my_canvas_child(request, Partner, pk)
    canvas = my_canvas(request, partner.canvas_id, for_edit=True)
    initial = {
        f: getattr(partner, f) for f in ("organisation", "kind", "contributions", "brings", "gains")
    }
    form = PartnerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            partner_update(partner=partner, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Partner saved."))
            return _network_url(canvas)
    return _form_page(
        request, canvas, form, _("Edit a partner"), status=400 if form.errors else 200
    )


@login_required
@require_POST
def partner_remove(request, pk: int):
    partner = my_canvas_child(request, Partner, pk)
    canvas = my_canvas(request, partner.canvas_id, for_edit=True)
    try:
        partner_delete(partner=partner, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(organisation)s removed.") % {"organisation": partner.organisation}
        )
    return _network_url(canvas)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_new(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=True)
    form = MilestoneForm(request.POST or None, partners=canvas.partners.all())
    if request.method == "POST" and form.is_valid():
        try:
            milestone_create(canvas=canvas, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Milestone added."))
            return _network_url(canvas)
    return _form_page(
        request, canvas, form, _("Add a milestone"), status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request, pk: int):
    milestone = my_canvas_child(request, Milestone, pk)
    canvas = my_canvas(request, milestone.canvas_id, for_edit=True)
    initial = {
        "name": milestone.name,
        "due_date": milestone.due_date,
        "owner": milestone.owner_id,
        "status": milestone.status,
    }
    form = MilestoneForm(request.POST or None, initial=initial, partners=canvas.partners.all())
    if request.method == "POST" and form.is_valid():
        try:
            milestone_update(milestone=milestone, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Milestone saved."))
            return _network_url(canvas)
    return _form_page(
        request, canvas, form, _("Edit a milestone"), status=400 if form.errors else 200
    )


@login_required
@require_POST
def milestone_remove(request, pk: int):
    milestone = my_canvas_child(request, Milestone, pk)
    canvas = my_canvas(request, milestone.canvas_id, for_edit=True)
    milestone_delete(milestone=milestone, by=request.user)
    messages.success(request, _("Milestone removed."))
    return _network_url(canvas)
