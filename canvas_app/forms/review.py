"""Forms of the review: invitations, comments, moderation and notification settings."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.framework import BLOCKS
from canvas_app.models import (
    COMMENT_MAX_LENGTH,
    REASON_MAX_LENGTH,
    CanvasRole,
    CommentKind,
    Delivery,
    NotificationKind,
    Stance,
    ThreadStatus,
)

# Block titles are marked where they are written (canvas_app/framework.py).
BLOCK_OPTIONS = [(block.key, _(block.title)) for block in BLOCKS]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=CanvasRole.choices,
        initial=CanvasRole.STAKEHOLDER,
        widget=forms.RadioSelect,
        help_text=_("Both see only this canvas, its impact results and partners."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_(
            "Shown to others and in the business case instead of the e-mail address, "
            "e.g. “Cyclists' Union”."
        ),
    )


class PremoderationForm(forms.Form):
    comments_premoderated = forms.BooleanField(
        label=_("Approve stakeholders' comments before others see them"), required=False
    )


class _CommentTextForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text. Mention someone taking part with @ and their username."),
    )
    stance = forms.ChoiceField(
        label=_("Your stance"),
        choices=[("", _("No stance")), *Stance.choices],
        required=False,
        widget=forms.RadioSelect,
    )


class CommentForm(_CommentTextForm):
    block = forms.ChoiceField(label=_("On the block"), choices=BLOCK_OPTIONS)
    card = forms.TypedChoiceField(
        label=_("On a card of that block"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Optional: leave it to comment on the whole block."),
    )
    kind = forms.ChoiceField(label=_("Type"), choices=CommentKind.choices, widget=forms.RadioSelect)
    field_order = ["block", "card", "kind", "stance", "body"]

    def __init__(self, *args, cards=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        by_block: dict[str, list] = {}
        for card in cards:
            label = card.text if len(card.text) <= 60 else card.text[:59] + "…"
            by_block.setdefault(card.block, []).append((card.pk, label))
        self.fields["card"].choices = [("", gettext("The whole block"))] + [
            (gettext(block.title), by_block[block.key]) for block in BLOCKS if block.key in by_block
        ]


class ReplyForm(_CommentTextForm):
    body = forms.CharField(
        label=_("Reply"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Plain text. Mention someone with @ and their username."),
    )


class CommentEditForm(_CommentTextForm):
    kind = forms.ChoiceField(label=_("Type"), choices=CommentKind.choices, widget=forms.RadioSelect)
    field_order = ["kind", "stance", "body"]


class ResolveForm(forms.Form):
    note = forms.CharField(
        label=_("Resolution note"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "How the point was answered or taken into account. The business case prints it."
        ),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=REASON_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, required: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required


class ThreadFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Open and resolved")), *ThreadStatus.choices],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("Any type")), *CommentKind.choices], required=False
    )
    stance = forms.ChoiceField(
        label=_("Stance"), choices=[("", _("Any stance")), *Stance.choices], required=False
    )
    block = forms.ChoiceField(
        label=_("Block"), choices=[("", _("Every block")), *BLOCK_OPTIONS], required=False
    )
    card = forms.IntegerField(required=False, widget=forms.HiddenInput)
    mine = forms.BooleanField(label=_("Only threads I take part in"), required=False)


class NewAccountForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("Letters, digits and @ . + - _ only. Others mention you by it."),
    )
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits, nor a common password."),
    )
    password_again = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", gettext("The two passwords differ."))
        return data


class PreferencesForm(forms.Form):
    def __init__(self, *args, current: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in NotificationKind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=Delivery.choices,
                initial=current.get(kind),
                widget=forms.RadioSelect,
            )
