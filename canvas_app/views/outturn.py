"""The outturn page of a canvas (the post-implementation review): the actual yearly
figures and the lessons learned, then the outturn against the appraisal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from canvas_app.forms.outturn import ActualsTable, LessonsForm
from canvas_app.models import OptionKind
from canvas_app.presentation.outturn import OutturnView
from canvas_app.services.outturn import outturn_review, outturn_set

from .benefits import can_record
from .review_pdf import review_pdf_context
from .scoping import my_canvas


def _add_errors(table: ActualsTable | None, form: LessonsForm, error: ValidationError) -> None:
    """Each of outturn_set's errors on its cell or field; the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    found = dict(error.message_dict)
    for message in found.pop("lessons_learned", []):
        form.add_error("lessons_learned", message)
    if table is not None:
        left = table.add_service_errors(found)
    else:
        left = [message for messages_ in found.values() for message in messages_]
    for message in left:
        form.add_error(None, message)


@login_required
@require_http_methods(["GET", "POST"])
def outturn_page(request, pk: int):
    canvas = my_canvas(request, pk)
    recording = can_record(canvas)
    if request.method == "POST" and not recording:
        raise PermissionDenied(_("Only the council's editors record the outturn."))
    review = outturn_review(canvas)
    data = request.POST or None
    table = None
    if review.baseline is not None:
        table = ActualsTable(review.baseline.inputs.lifetime_years, review.actuals, data=data)
    form = LessonsForm(data, initial={"lessons_learned": review.lessons_learned})
    if request.method == "POST":
        actuals = table.values() if table is not None else None
        if form.is_valid() and not (table is not None and table.errors):
            try:
                outturn_set(
                    canvas=canvas,
                    by=request.user,
                    actuals=actuals,
                    lessons_learned=form.cleaned_data["lessons_learned"],
                )
            except ValidationError as error:
                _add_errors(table, form, error)
            else:
                messages.success(request, _("Outturn saved."))
                return redirect("outturn", pk=canvas.pk)
    errors = bool(form.errors or (table is not None and table.errors))
    bau_preferred = review.baseline is None and (
        canvas.options.filter(preferred=True, kind=OptionKind.BAU).exists()
    )
    return render(
        request,
        "canvas_app/outturn/outturn.html",
        {
            "canvas": canvas,
            "review": review,
            "outturn": OutturnView(review) if review.result is not None else None,
            "table": table,
            "form": form,
            "errors": errors,
            "can_record": recording,
            "bau_preferred": bau_preferred,
            **review_pdf_context(canvas, request.GET.get("language")),
        },
        status=400 if errors else 200,
    )
