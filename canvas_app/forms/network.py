from django import forms

from canvas_app.models import Contribution, MilestoneStatus, PartnerKind


class PartnerForm(forms.Form):
    organisation = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=PartnerKind.choices, initial=PartnerKind.COMPANY)
    contributions = forms.MultipleChoiceField(
        choices=Contribution.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="What it brings to the service.",
    )
    brings = forms.CharField(
        label="What it brings",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    gains = forms.CharField(
        label="What it gains",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MilestoneForm(forms.Form):
    name = forms.CharField(max_length=200)
    due_date = forms.DateField(
        label="Due date",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="For example 2027-03-31.",
    )
    owner = forms.TypedChoiceField(coerce=int, empty_value=None, required=False)
    status = forms.ChoiceField(choices=MilestoneStatus.choices, initial=MilestoneStatus.PLANNED)

    def __init__(self, *args, partners=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "No owner yet")] + [
            (p.pk, p.organisation) for p in partners
        ]


class ShareLinkForm(forms.Form):
    label = forms.CharField(
        max_length=100, required=False, help_text="Who it is for, e.g. “ERDF managing authority”."
    )
    expires_on = forms.DateField(
        label="Expires on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Optional. The link stops working at the end of this day.",
    )


class ImportForm(forms.Form):
    file = forms.FileField(help_text="A .json file exported from City Model Canvas (at most 2 MB).")
