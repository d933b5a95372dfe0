"""Hostile comment text is shown as text everywhere: pages, e-mails, the digest."""

import re

import pytest

from canvas_app.services.comments import comment_create
from canvas_app.services.digest import digest_send

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "javascript:alert(document.cookie)",
    '"><svg onload=alert(1)>',
]
BODY = " ".join(HOSTILE) + " see https://example.org/plan?a=1&b=2 and @editor"


@pytest.fixture
def hostile(canvas, stakeholder, editor, observer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return comment_create(
            canvas=canvas, by=stakeholder, block="costs", kind="concern", body=BODY
        )


def assert_inert(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<svg onload" not in html
    assert not re.search(r"""href=["']\s*javascript:""", html, re.IGNORECASE)


def test_pages_show_hostile_text_as_text(hostile, editor, client):
    client.force_login(editor)

    for url in (f"/comments/{hostile.pk}/", f"/canvases/{hostile.canvas_id}/comments/"):
        html = client.get(url).content.decode()
        assert_inert(html)
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_only_web_addresses_become_links_and_they_are_nofollow(hostile, editor, client):
    client.force_login(editor)

    html = client.get(f"/comments/{hostile.pk}/").content.decode()

    links = re.findall(r'<a href="([^"]*)" rel="([^"]*)">', html)
    assert ("https://example.org/plan?a=1&amp;b=2", "nofollow noopener noreferrer ugc") in links
    assert '<strong class="mention">@editor</strong>' in html


def test_the_notifications_page_shows_it_as_text(hostile, editor, client):
    client.force_login(editor)

    assert_inert(client.get("/notifications/").content.decode())


def test_emails_show_it_as_text(hostile, mailoutbox):
    [mention] = mailoutbox  # the editor was mentioned

    assert BODY in mention.body  # plain text, never interpreted
    html = mention.alternatives[0][0]
    assert_inert(html)
    assert "&lt;img src=x onerror=" in html


def test_the_digest_shows_it_as_text(hostile, observer, mailoutbox):
    mailoutbox.clear()

    digest_send()

    [digest] = [m for m in mailoutbox if m.to == [observer.email]]
    assert BODY in digest.body
    assert_inert(digest.alternatives[0][0])


def test_an_organisation_name_is_text_too(canvas, editor, client):
    from .conftest import accepted_invitation

    accepted_invitation(canvas, editor, "stakeholder", "org", "<b onmouseover=alert(1)>Org</b>")
    client.force_login(editor)

    html = client.get(f"/canvases/{canvas.pk}/people/").content.decode()

    assert "<b onmouseover" not in html
    assert "&lt;b onmouseover=alert(1)&gt;Org&lt;/b&gt;" in html
