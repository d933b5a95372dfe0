"""The review's API shapes: the fields, status codes and enum values the contract fixes."""

from django.contrib.auth import get_user_model

from canvas_app.models import Comment, Invitation, Notification, NotificationPreference
from canvas_app.services.invitations import invitation_create, invitation_token

from ..factories import UserFactory


def comments_url(canvas, suffix=""):
    return f"/api/v1/canvases/{canvas.pk}/comments/{suffix}"


def test_inviting_answers_201_with_an_id(api_as, canvas, editor, mailoutbox):
    response = api_as(editor).post(
        f"/api/v1/canvases/{canvas.pk}/invitations/",
        {"email": "ana@cyclists.example", "role": "stakeholder", "organisation": "Union"},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert Invitation.objects.get(pk=body["id"]).organisation == "Union"
    assert (body["status"], body["role"]) == ("pending", "stakeholder")


def test_bad_invitations_name_the_field(api_as, canvas, editor):
    api = api_as(editor)
    url = f"/api/v1/canvases/{canvas.pk}/invitations/"

    assert "email" in api.post(url, {"role": "observer"}, format="json").json()
    assert "role" in api.post(url, {"email": "a@b.org", "role": "x"}, format="json").json()


def test_revoke_and_resend(api_as, canvas, editor):
    invitation = invitation_create(canvas=canvas, by=editor, email="a@b.org", role="observer")
    api = api_as(editor)
    base = f"/api/v1/canvases/{canvas.pk}/invitations/{invitation.pk}/"

    resent = api.post(base + "resend/")
    revoked = api.delete(base)
    again = api.post(base + "resend/")

    assert resent.status_code == 200 and resent.json()["send_count"] == 2
    assert revoked.status_code == 204
    assert again.status_code == 400 and "invitation" in again.json()


def test_accepting_creates_the_account_201(api, canvas, editor):
    invitation = invitation_create(canvas=canvas, by=editor, email="a@b.org", role="stakeholder")

    response = api.post(
        "/api/v1/invitations/accept/",
        {"token": invitation_token(invitation), "username": "ana", "password": "x7!kQ2vLm-bike"},
        format="json",
    )

    assert response.status_code == 201
    assert response.json() == {
        "invitation": invitation.pk,
        "canvas": canvas.pk,
        "role": "stakeholder",
        "username": "ana",
        "created": True,
    }


def test_accepting_when_authenticated_binds_it_200(api_as, canvas, editor):
    invitation = invitation_create(canvas=canvas, by=editor, email="a@b.org", role="observer")
    ana = UserFactory(username="ana")

    response = api_as(ana).post(
        "/api/v1/invitations/accept/", {"token": invitation_token(invitation)}, format="json"
    )

    assert response.status_code == 200
    assert Invitation.objects.get(pk=invitation.pk).user == ana


def test_a_used_token_answers_400_and_creates_nothing(api, canvas, editor, stakeholder):
    used = Invitation.objects.get(user=stakeholder)
    users = get_user_model().objects.count()

    response = api.post(
        "/api/v1/invitations/accept/",
        {"token": invitation_token(used), "username": "twice", "password": "x7!kQ2vLm-bike"},
        format="json",
    )

    assert response.status_code == 400 and "token" in response.json()
    assert get_user_model().objects.count() == users


def test_accepting_logged_out_needs_the_account_details(api, canvas, editor):
    invitation = invitation_create(canvas=canvas, by=editor, email="a@b.org", role="observer")

    response = api.post(
        "/api/v1/invitations/accept/", {"token": invitation_token(invitation)}, format="json"
    )

    assert response.status_code == 400
    assert set(response.json()) == {"username", "password"}


def test_commenting_answers_201_with_id_status_and_author(api_as, canvas, stakeholder, block_card):
    response = api_as(stakeholder).post(
        comments_url(canvas),
        {
            "block": "key_partners",
            "card": block_card.pk,
            "body": "Is the utility on board?",
            "kind": "question",
            "stance": "neutral",
        },
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["author"], body["card"], body["stance"]) == (
        "open",
        "stakeholder",
        block_card.pk,
        "neutral",
    )
    assert Comment.objects.filter(pk=body["id"]).exists()


def test_a_reply_carries_its_parent_and_the_threads_status(api_as, canvas, stakeholder, editor):
    thread = api_as(stakeholder).post(
        comments_url(canvas), {"block": "costs", "body": "Q", "kind": "question"}, format="json"
    )
    reply = api_as(editor).post(
        comments_url(canvas), {"parent": thread.json()["id"], "body": "A"}, format="json"
    )

    assert reply.status_code == 201
    assert (reply.json()["parent"], reply.json()["block"], reply.json()["status"]) == (
        thread.json()["id"],
        "costs",
        "open",
    )


def test_bad_comments_name_the_field(api_as, canvas, editor, second_canvas):
    api = api_as(editor)
    other = Comment.objects.create(
        canvas=second_canvas,
        block="costs",
        kind="question",
        body="Elsewhere",
        author=editor,
        last_activity_at="2026-01-01T00:00:00Z",
    )

    cases = [
        ({"body": "x", "kind": "question"}, "block"),
        ({"block": "costs", "body": "x"}, "kind"),
        ({"block": "costs", "body": "", "kind": "question"}, "body"),
        ({"block": "costs", "body": "x", "kind": "question", "stance": "maybe"}, "stance"),
        ({"block": "costs", "body": "x", "kind": "question", "card": 999999}, "card"),
        ({"body": "x", "parent": other.pk}, "parent"),
        ({"block": "nowhere", "body": "x", "kind": "question"}, "block"),
    ]
    for data, field in cases:
        response = api.post(comments_url(canvas), data, format="json")
        assert response.status_code == 400, data
        assert field in response.json(), (data, response.json())


def test_filters(api_as, canvas, editor, stakeholder):
    api = api_as(editor)
    for block, kind, stance in [("costs", "question", "for"), ("funding", "concern", "against")]:
        api.post(
            comments_url(canvas),
            {"block": block, "body": "x", "kind": kind, "stance": stance},
            format="json",
        )
    first = Comment.objects.get(block="costs")
    api.post(comments_url(canvas, f"{first.pk}/resolve/"), {"note": "ok"}, format="json")

    def ids(query):
        return [c["block"] for c in api.get(comments_url(canvas) + query).json()["results"]]

    assert ids("?status=resolved") == ["costs"]
    assert ids("?status=open") == ["funding"]
    assert ids("?kind=concern") == ["funding"]
    assert ids("?stance=for") == ["costs"]
    assert ids("?block=funding") == ["funding"]
    assert api.get(comments_url(canvas) + "?status=maybe").status_code == 400


def test_edit_delete_resolve_reopen(api_as, canvas, stakeholder, editor):
    created = api_as(stakeholder).post(
        comments_url(canvas), {"block": "costs", "body": "Q", "kind": "question"}, format="json"
    )
    url = comments_url(canvas, f"{created.json()['id']}/")

    edited = api_as(stakeholder).patch(url, {"body": "Q, better"}, format="json")
    put = api_as(stakeholder).put(url, {"body": "Q"}, format="json")
    resolved = api_as(editor).post(url + "resolve/", {"note": "See costs"}, format="json")
    reopened = api_as(editor).post(url + "reopen/")
    deleted = api_as(stakeholder).delete(url)

    assert (edited.json()["body"], edited.json()["edited"]) == ("Q, better", True)
    assert put.status_code == 405
    assert (resolved.json()["status"], resolved.json()["resolution_note"]) == (
        "resolved",
        "See costs",
    )
    assert reopened.json()["status"] == "open"
    assert deleted.status_code == 204
    after = api_as(editor).get(url).json()
    assert (after["deleted"], after["body"]) == (True, "")


def test_resolving_without_a_note_names_it(api_as, canvas, stakeholder, editor):
    created = api_as(stakeholder).post(
        comments_url(canvas), {"block": "costs", "body": "Q", "kind": "question"}, format="json"
    )

    response = api_as(editor).post(
        comments_url(canvas, f"{created.json()['id']}/resolve/"), {}, format="json"
    )

    assert response.status_code == 400 and "note" in response.json()


def test_report_hide_unhide(api_as, canvas, stakeholder, editor, observer):
    created = api_as(stakeholder).post(
        comments_url(canvas), {"block": "costs", "body": "Rude", "kind": "concern"}, format="json"
    )
    url = comments_url(canvas, f"{created.json()['id']}/")

    report = api_as(observer).post(url + "report/", {"reason": "Rude"}, format="json")
    hidden = api_as(editor).post(url + "hide/", {"reason": "Rude"}, format="json")
    unhidden = api_as(editor).post(url + "unhide/", {}, format="json")

    assert report.status_code == 201 and report.json()["reason"] == "Rude"
    assert hidden.json()["hidden"] is True
    assert unhidden.json()["hidden"] is False


def test_notifications_newest_first_unread_and_mark_read(api_as, canvas, stakeholder, editor):
    api = api_as(stakeholder)
    for text in ("@editor one", "@editor two"):
        api.post(comments_url(canvas), {"block": "costs", "body": text, "kind": "question"})
    mine = api_as(editor)

    listed = mine.get("/api/v1/notifications/").json()["results"]
    first = listed[-1]["id"]
    marked = mine.post("/api/v1/notifications/read/", {"ids": [first]}, format="json")
    unread = mine.get("/api/v1/notifications/?unread=1").json()["results"]
    everything = mine.post("/api/v1/notifications/read/", {"all": True}, format="json")
    nothing = mine.post("/api/v1/notifications/read/", {}, format="json")

    assert [n["kind"] for n in listed] == ["mention", "mention"]
    assert listed[0]["created_at"] >= listed[1]["created_at"]
    assert marked.json() == {"marked": 1, "unread": 1}
    assert [n["id"] for n in unread] == [listed[0]["id"]]
    assert everything.json() == {"marked": 1, "unread": 0}
    assert nothing.status_code == 400 and "ids" in nothing.json()
    assert Notification.objects.filter(read_at__isnull=True).count() == 0


def test_preferences_get_and_put(api_as, editor):
    api = api_as(editor)
    url = "/api/v1/me/notification-preferences/"

    before = api.get(url).json()
    after = api.put(url, {"comment": "off", "mention": "daily"}, format="json")
    bad = api.put(url, {"comment": "weekly"}, format="json")

    assert before["comment"] == "daily"
    assert after.status_code == 200
    assert after.json() == {**before, "comment": "off", "mention": "daily"}
    assert bad.status_code == 400 and "comment" in bad.json()
    assert NotificationPreference.objects.filter(user=editor).count() == 2


def test_the_schema_documents_the_review(api_as, editor):
    schema = api_as(editor).get("/api/schema/", HTTP_ACCEPT="application/json").json()

    paths = schema["paths"]
    for path in (
        "/api/v1/canvases/{canvas_pk}/invitations/",
        "/api/v1/canvases/{canvas_pk}/invitations/{invitation_pk}/resend/",
        "/api/v1/invitations/accept/",
        "/api/v1/canvases/{canvas_pk}/comments/",
        "/api/v1/canvases/{canvas_pk}/comments/{id}/resolve/",
        "/api/v1/notifications/",
        "/api/v1/notifications/read/",
        "/api/v1/me/notification-preferences/",
    ):
        assert path in paths, path
