"""Forms of the options appraisal: an option of the short list (its inputs are the impact
inputs form and the yearly table, see impact.py) and the justification of the preferred
option."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canvas_app.models import OptionKind, ProjectType

# Where a service's error on an option lands on the form (the rest go to the inputs).
SERVICE_FIELDS = {
    "name": "name",
    "kind": "kind",
    "preferred": "preferred",
    "optimism_bias.project_type": "project_type",
    "optimism_bias.mitigation": "mitigation",
    "optimism_bias.works_duration_months": "works_duration_months",
}


class OptionForm(forms.Form):
    """An option's name, kind and optimism bias. Business as usual has a name only."""

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (OptionKind.DO_MINIMUM, OptionKind.DO_MINIMUM.label),
            (OptionKind.DO_SOMETHING, OptionKind.DO_SOMETHING.label),
        ],
        initial=OptionKind.DO_SOMETHING,
        help_text=_("The short list has at most one do-minimum option."),
    )
    project_type = forms.ChoiceField(
        label=_("Project type (optimism bias)"),
        choices=[("", _("None: no uplift")), *ProjectType.choices],
        required=False,
        help_text=_(
            "The kind of project whose usual cost overruns are added to the option's "
            "capex and opex, from the council's optimism-bias table."
        ),
    )
    mitigation = forms.FloatField(
        label=_("Mitigation (0 to 1)"),
        min_value=0,
        max_value=1,
        required=False,
        initial=0,
        help_text=_(
            "How far the causes of overrun are already managed: 0 not at all, 1 fully. "
            "The uplift falls from the upper towards the lower bound."
        ),
    )
    works_duration_months = forms.FloatField(
        label=_("Planned works duration (months)"),
        min_value=0,
        required=False,
        help_text=_("Reported with its optimism-bias uplift; it does not change the flows."),
    )
    preferred = forms.BooleanField(label=_("Make this the preferred option"), required=False)

    def __init__(self, *args, bau: bool = False, with_preferred: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if bau:
            for name in ("kind", "project_type", "mitigation", "works_duration_months"):
                del self.fields[name]
        if bau or not with_preferred:
            del self.fields["preferred"]

    @property
    def bias_fields(self) -> list[forms.BoundField]:
        names = ("project_type", "mitigation", "works_duration_months")
        return [self[name] for name in names if name in self.fields]

    def option_values(self) -> dict[str, object]:
        """The cleaned values as the options services take them."""
        values = dict(self.cleaned_data)
        if "mitigation" in values and values["mitigation"] is None:
            values["mitigation"] = 0.0
        return values


class JustificationForm(forms.Form):
    preferred_justification = forms.CharField(
        label=_("Why is the preferred option chosen?"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Required: the appraisal ranks another option first. Say why the council prefers "
            "this one all the same; the business case prints it."
        ),
    )
