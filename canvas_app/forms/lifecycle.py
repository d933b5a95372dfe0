"""Forms of the lifecycle: stage changes, decisions, snapshots."""

from django import forms
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.models import Outcome


class TransitionForm(forms.Form):
    to = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional; the participants are told."),
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Outcome.APPROVE, _("Approve")),
            (Outcome.REQUEST_CHANGES, _("Request changes")),
            (Outcome.REJECT, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Why: it is recorded for good and printed in the business case."),
    )


class SnapshotNameForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("For example “Before the committee of 12 March”."),
    )


class CompareForm(forms.Form):
    """Two versions to compare: snapshot ids, or "now" for the canvas as it is."""

    base = forms.TypedChoiceField(label=_("From"), coerce=int)
    target = forms.ChoiceField(label=_("To"))

    def __init__(self, *args, snapshots=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Django's date format, so the month is named in the page's language, in the
        # local time the rest of the page shows.
        options = [
            (s.pk, f"{s.title} · {format_date(timezone.localtime(s.created_at), 'j M Y, H:i')}")
            for s in snapshots
        ]
        self.fields["base"].choices = options
        self.fields["target"].choices = [("now", gettext("The canvas now")), *options]
