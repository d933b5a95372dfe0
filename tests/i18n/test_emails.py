"""E-mails speak their recipient's language."""

from django.utils import translation
from django.utils.translation import gettext

from canvas_app.models import CanvasRole, Profile, Stage
from canvas_app.services.comments import comment_create
from canvas_app.services.digest import digest_send
from canvas_app.services.invitations import invitation_create

from ..factories import CanvasFactory
from ..review.conftest import accepted_invitation


def catalan(text: str) -> str:
    with translation.override("ca"):
        return gettext(text)


def test_a_mention_reaches_a_catalan_reader_in_catalan(
    council, editor, mailoutbox, django_capture_on_commit_callbacks
):
    canvas = CanvasFactory(council=council, owner=editor, stage=Stage.CONSULTATION)
    reader = accepted_invitation(canvas, editor, CanvasRole.STAKEHOLDER, "montse")
    Profile.objects.create(user=reader, language="ca")

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(
            canvas=canvas, by=editor, block="costs", kind="question", body="@montse què en penses?"
        )

    [message] = mailoutbox
    assert message.to == [reader.email]
    assert message.extra_headers["Content-Language"] == "ca"
    assert catalan("Open it") in message.body and "Open it" not in message.body
    assert "@montse què en penses?" in message.body  # user content as written


def test_the_digest_follows_the_councils_language_without_a_choice(council, editor, mailoutbox):
    council.default_language = "es"
    council.save()
    canvas = CanvasFactory(council=council, owner=editor, stage=Stage.CONSULTATION)
    reader = accepted_invitation(canvas, editor, CanvasRole.STAKEHOLDER, "pablo")
    comment_create(canvas=canvas, by=editor, block="costs", kind="question", body="Una pregunta")

    digest_send()

    [message] = [m for m in mailoutbox if m.to == [reader.email]]
    assert message.extra_headers["Content-Language"] == "es"
    with translation.override("es"):
        assert gettext("All your e-mail settings") in message.body


def test_an_invitation_speaks_the_inviting_councils_language(
    council, editor, mailoutbox, django_capture_on_commit_callbacks
):
    council.default_language = "ca"
    council.save()
    canvas = CanvasFactory(council=council, owner=editor)

    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(canvas=canvas, by=editor, email="veina@example.org", role="observer")

    [message] = mailoutbox
    assert message.extra_headers["Content-Language"] == "ca"
    assert "Hello," not in message.body
