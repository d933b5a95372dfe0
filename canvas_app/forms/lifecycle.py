"""Forms of the lifecycle: stage changes, decisions, snapshots."""

from django import forms

from canvas_app.models import Outcome


class TransitionForm(forms.Form):
    to = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional; the participants are told.",
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=[
            (Outcome.APPROVE, "Approve"),
            (Outcome.REQUEST_CHANGES, "Request changes"),
            (Outcome.REJECT, "Reject"),
        ],
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Why: it is recorded for good and printed in the business case.",
    )


class SnapshotNameForm(forms.Form):
    name = forms.CharField(
        max_length=200, help_text="For example “Before the committee of 12 March”."
    )


class CompareForm(forms.Form):
    """Two versions to compare: snapshot ids, or "now" for the canvas as it is."""

    base = forms.TypedChoiceField(label="From", coerce=int)
    target = forms.ChoiceField(label="To")

    def __init__(self, *args, snapshots=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        options = [(s.pk, f"{s.name} · {s.created_at:%d %b %Y %H:%M}") for s in snapshots]
        self.fields["base"].choices = options
        self.fields["target"].choices = [("now", "The canvas now"), *options]
