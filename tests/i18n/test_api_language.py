"""The API stays locale-free in its data, but speaks the request's language in its
messages; people and councils choose their languages through it."""

import pytest

from canvas_app.models import Profile


def test_error_messages_follow_accept_language(api_as, canvas, editor):
    response = api_as(editor).post(
        f"/api/v1/canvases/{canvas.pk}/cards/",
        {"block": "costs"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="es",
    )

    assert response.status_code == 400
    assert response.json()["text"] == ["Este campo es obligatorio."]
    assert response["Content-Language"] == "es"


def test_our_own_messages_are_translated_too(api_as, canvas, viewer):
    english = api_as(viewer).patch(
        f"/api/v1/canvases/{canvas.pk}/", {"title": "x"}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    spanish = api_as(viewer).patch(
        f"/api/v1/canvases/{canvas.pk}/", {"title": "x"}, format="json", HTTP_ACCEPT_LANGUAGE="es"
    )

    assert english.status_code == spanish.status_code == 403
    assert english.json()["detail"] == (
        "Only the council's editors and admins can change canvases."
    )
    assert spanish.json()["detail"] not in ("", english.json()["detail"])


def test_the_framework_answers_in_the_asked_language(api_as, editor):
    english = api_as(editor).get("/api/v1/framework/", HTTP_ACCEPT_LANGUAGE="en").json()
    catalan = api_as(editor).get("/api/v1/framework/", HTTP_ACCEPT_LANGUAGE="ca").json()

    assert english[0]["key"] == catalan[0]["key"] == "public_value"
    assert english[0]["title"] == "Public value proposition"
    assert catalan[0]["title"] != english[0]["title"]
    assert catalan[0]["questions"][0] != english[0]["questions"][0]


def test_numbers_and_dates_stay_locale_free(api_as, canvas, editor):
    data = api_as(editor).get(f"/api/v1/canvases/{canvas.pk}/", HTTP_ACCEPT_LANGUAGE="es").json()

    assert data["created_at"][:4].isdigit() and "T" in data["created_at"]
    assert isinstance(data["blocks_total"], int)


def test_me_reads_and_sets_the_language(api_as, editor):
    api = api_as(editor)

    before = api.get("/api/v1/me/").json()
    chosen = api.patch("/api/v1/me/", {"language": "ca"}, format="json")
    cleared = api.patch("/api/v1/me/", {"language": None}, format="json")
    bad = api.patch("/api/v1/me/", {"language": "fr"}, format="json")

    assert (before["username"], before["language"]) == ("editor", None)
    assert chosen.status_code == 200 and chosen.json()["language"] == "ca"
    assert cleared.json()["language"] is None
    assert Profile.objects.get(user=editor).language == ""
    assert bad.status_code == 400 and "language" in bad.json()


@pytest.mark.parametrize("role, code", [("admin", 200), ("editor", 403), ("viewer", 403)])
def test_only_admins_set_the_councils_default_language(api_as, council, member, role, code):
    user = member(role, f"someone-{role}")

    response = api_as(user).patch(
        f"/api/v1/councils/{council.slug}/", {"default_language": "es"}, format="json"
    )

    council.refresh_from_db()
    assert response.status_code == code
    assert council.default_language == ("es" if code == 200 else "en")


def test_a_council_of_someone_else_is_not_found(api_as, council, outsider):
    response = api_as(outsider).patch(
        f"/api/v1/councils/{council.slug}/", {"default_language": "es"}, format="json"
    )

    assert response.status_code == 404


def test_a_report_is_asked_for_in_a_language(
    api_as, canvas, editor, django_capture_on_commit_callbacks
):
    api = api_as(editor)
    base = f"/api/v1/canvases/{canvas.pk}/report/"

    with django_capture_on_commit_callbacks(execute=True):
        asked = api.post(base, {"language": "es"}, format="json")
    spanish = api.get(base + "?language=es")
    english = api.get(base)
    bad = api.get(base + "?language=xx")

    assert asked.status_code == 202 and asked.json()["language"] == "es"
    assert spanish.json()["status"] == "done" and spanish.json()["language"] == "es"
    assert english.status_code == 404  # the council's default, English, was never made
    assert bad.status_code == 400 and "language" in bad.json()
