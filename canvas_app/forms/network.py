from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.models import Contribution, MilestoneStatus, PartnerKind


class PartnerForm(forms.Form):
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=PartnerKind.choices, initial=PartnerKind.COMPANY
    )
    contributions = forms.MultipleChoiceField(
        label=_("Contributions"),
        choices=Contribution.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What it brings to the service."),
    )
    brings = forms.CharField(
        label=_("What it brings"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    gains = forms.CharField(
        label=_("What it gains"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MilestoneForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    due_date = forms.DateField(
        label=_("Due date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For example 2027-03-31."),
    )
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int, empty_value=None, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=MilestoneStatus.choices, initial=MilestoneStatus.PLANNED
    )

    def __init__(self, *args, partners=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", gettext("No owner yet"))] + [
            (p.pk, p.organisation) for p in partners
        ]


class ShareLinkForm(forms.Form):
    label = forms.CharField(
        label=_("Label"),
        max_length=100,
        required=False,
        help_text=_("Who it is for, e.g. “ERDF managing authority”."),
    )
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Optional. The link stops working at the end of this day."),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A .json file exported from City Model Canvas (at most 2 MB)."),
    )
