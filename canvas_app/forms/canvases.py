"""HTML forms. They parse and label; the services validate and decide."""

from django import forms

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
        max_length=TITLE_MAX_LENGTH,
        help_text="The smart service, in a few words, e.g. “LED street lighting in the old town”.",
    )
    summary = forms.CharField(
        label="Service summary",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. What the service is, where and at what scale.",
    )
    sector = forms.ChoiceField(choices=Sector.choices, initial=Sector.OTHER)


class CanvasEditForm(CanvasForm):
    is_template = forms.BooleanField(
        label="Share as a template in the library",
        required=False,
        help_text="Members of other councils can then read it and replicate the service.",
    )


class CanvasCreateForm(CanvasForm):
    start_from = forms.ChoiceField(
        label="Start from",
        choices=[("", "A blank canvas"), *EXAMPLE_CHOICES],
        required=False,
        help_text="An example canvas gives you cards in every block to adapt.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # With an example chosen the title may be left empty: the example's is used.
        self.fields["title"].required = False

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("start_from") and not (data.get("title") or "").strip():
            self.add_error("title", "Enter a title, or start from an example.")
        return data


class CardForm(forms.Form):
    text = forms.CharField(
        label="Card text",
        max_length=CARD_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    tag = forms.CharField(max_length=40, required=False, help_text="Optional, e.g. “risk”.")
    colour = forms.ChoiceField(choices=CardColour.choices, initial=CardColour.YELLOW)
    evidence = forms.ChoiceField(
        label="Evidence status", choices=Evidence.choices, initial=Evidence.ASSUMPTION
    )


class CardEditForm(CardForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class CardDeleteForm(forms.Form):
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CardMoveForm(forms.Form):
    position = forms.IntegerField(min_value=0)
