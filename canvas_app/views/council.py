"""Council-wide pages: method parameters and the portfolio of scored canvases."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from canvas_app.filters import PortfolioFilter
from canvas_app.forms import MethodParametersForm
from canvas_app.impact import PARAMETER_DOCS
from canvas_app.models import MANAGE_ROLES
from canvas_app.presentation.benefits import status_headings
from canvas_app.presentation.portfolio import portfolio_chart, portfolio_rows
from canvas_app.selectors.delivery import portfolio_delivery
from canvas_app.services.impact import method_parameters_of, method_parameters_update
from canvas_app.services.outturn import observed_overrun

from .errors import add_service_errors
from .scoping import my_council


@login_required
@require_http_methods(["GET", "POST"])
def parameters_edit(request, slug: str):
    council = my_council(request, slug)
    can_manage = council.user_role in MANAGE_ROLES
    if request.method == "POST" and not can_manage:
        raise PermissionDenied(_("Only the council's admins can change the method parameters."))
    current = method_parameters_of(council)
    form = MethodParametersForm(
        request.POST or None, initial=MethodParametersForm.initial_from(current.values)
    )
    if request.method == "POST" and form.is_valid():
        try:
            method_parameters_update(council=council, by=request.user, values=form.engine_values())
        except ValidationError as error:
            left = form.add_service_errors(error.message_dict)
            if left:
                add_service_errors(form, ValidationError(left))
        else:
            messages.success(
                request,
                _("Method parameters saved. Every canvas of the council is being re-scored."),
            )
            return redirect("council-parameters", slug=council.slug)
    return render(
        request,
        "canvas_app/parameters.html",
        {
            "council": council,
            "form": form,
            "current": current,
            "can_manage": can_manage,
            "docs": PARAMETER_DOCS,
            # the council's own evidence, beside the optimism-bias table it may inform
            "overrun": observed_overrun(council),
        },
        status=400 if form.errors else 200,
    )


@login_required
def portfolio(request, slug: str):
    """The council's canvases with their scores, or (?view=delivery) with their benefits'
    statuses and capex variance."""
    council = my_council(request, slug)
    filtered = PortfolioFilter(request.GET or None, council=council)
    context = {"council": council, "filter": filtered, "view": "scores"}
    if request.GET.get("view") == "delivery":
        as_of = timezone.localdate()
        context.update(
            view="delivery",
            rows=portfolio_delivery(filtered.qs, as_of),
            as_of=as_of,
            statuses=status_headings(),
        )
    else:
        rows = portfolio_rows(filtered.qs)
        context.update(rows=rows, chart=portfolio_chart(rows))
    return render(request, "canvas_app/portfolio.html", context)
