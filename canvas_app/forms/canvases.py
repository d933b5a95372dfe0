"""HTML forms. They parse and label; the services validate and decide."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.examples import EXAMPLE_CHOICES
from canvas_app.models import (
    CARD_TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    CardColour,
    Evidence,
    Sector,
)


class CanvasForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_(
            "The smart service, in a few words, e.g. “LED street lighting in the old town”."
        ),
    )
    summary = forms.CharField(
        label=_("Service summary"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. What the service is, where and at what scale."),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices, initial=Sector.OTHER)
    language = forms.ChoiceField(
        label=_("Written in"),
        choices=settings.LANGUAGES,
        required=False,  # the council's default when left out
        help_text=_("The language of the cards and texts; they are never translated."),
    )


class CanvasEditForm(CanvasForm):
    is_template = forms.BooleanField(
        label=_("Share as a template in the library"),
        required=False,
        help_text=_("Members of other councils can then read it and replicate the service."),
    )


class CanvasCreateForm(CanvasForm):
    start_from = forms.ChoiceField(
        label=_("Start from"),
        choices=[("", _("A blank canvas")), *EXAMPLE_CHOICES],
        required=False,
        help_text=_("An example canvas gives you cards in every block to adapt."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # With an example chosen the title may be left empty: the example's is used.
        self.fields["title"].required = False

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("start_from") and not (data.get("title") or "").strip():
            self.add_error("title", gettext("Enter a title, or start from an example."))
        return data


class CardForm(forms.Form):
    text = forms.CharField(
        label=_("Card text"),
        max_length=CARD_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    tag = forms.CharField(
        label=_("Tag"), max_length=40, required=False, help_text=_("Optional, e.g. “risk”.")
    )
    colour = forms.ChoiceField(
        label=_("Colour"), choices=CardColour.choices, initial=CardColour.YELLOW
    )
    evidence = forms.ChoiceField(
        label=_("Evidence status"), choices=Evidence.choices, initial=Evidence.ASSUMPTION
    )


class CardEditForm(CardForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class CardDeleteForm(forms.Form):
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CardMoveForm(forms.Form):
    position = forms.IntegerField(label=_("Position"), min_value=0)
