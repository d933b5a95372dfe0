"""Which language a page speaks: the person's choice, else the browser's, else the
council's default; the switcher works without JavaScript."""

import pytest

from canvas_app.models import Profile

LANG = 'lang="{}"'


def page_language(response) -> str:
    return response["Content-Language"]


def test_the_browser_decides_for_someone_who_chose_nothing(client, editor, canvas):
    client.force_login(editor)

    response = client.get(f"/canvases/{canvas.pk}/", HTTP_ACCEPT_LANGUAGE="ca-ES,ca;q=0.9,en;q=0.5")

    assert page_language(response) == "ca"
    assert LANG.format("ca") in response.content.decode()


def test_the_persons_choice_beats_the_browser(client, editor, canvas):
    Profile.objects.create(user=editor, language="es")
    client.force_login(editor)

    response = client.get(f"/canvases/{canvas.pk}/", HTTP_ACCEPT_LANGUAGE="ca")

    assert page_language(response) == "es"


def test_without_a_choice_or_a_known_browser_language_the_council_decides(
    client, editor, council, canvas
):
    council.default_language = "ca"
    council.save()
    client.force_login(editor)

    response = client.get(f"/canvases/{canvas.pk}/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")

    assert page_language(response) == "ca"


def test_anonymous_pages_follow_the_browser(client, db):
    assert page_language(client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es")) == "es"
    assert page_language(client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="fr")) == "en"


def test_the_switcher_saves_the_choice_of_a_signed_in_person(client, editor, canvas):
    client.force_login(editor)

    response = client.post("/language/", {"language": "ca", "next": f"/canvases/{canvas.pk}/"})
    after = client.get(f"/canvases/{canvas.pk}/", HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 302 and response["Location"] == f"/canvases/{canvas.pk}/"
    assert Profile.objects.get(user=editor).language == "ca"
    assert page_language(after) == "ca"


def test_the_switcher_sets_a_cookie_for_someone_signed_out(client, db):
    client.post("/language/", {"language": "es", "next": "/accounts/login/"})

    assert page_language(client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")) == "es"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_the_switcher_never_sends_people_elsewhere(client, db, target):
    response = client.post("/language/", {"language": "es", "next": target})

    assert response["Location"] == "/"


def test_an_unknown_language_is_refused(client, editor):
    client.force_login(editor)

    assert client.post("/language/", {"language": "xx"}).status_code == 400


def test_every_page_has_the_switcher(client, editor, canvas):
    client.force_login(editor)

    html = client.get(f"/canvases/{canvas.pk}/").content.decode()

    assert 'action="/language/"' in html and 'lang="ca">Català</option>' in html
