from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from canvas_app.models import ShareLink
from canvas_app.services.sharing import share_link_create, share_link_resolve, share_link_revoke

from ..factories import CanvasFactory, CardFactory


def test_a_token_carries_256_random_bits_and_only_its_hash_is_stored(canvas, editor):
    link, token = share_link_create(canvas=canvas, by=editor)

    assert len(token) == 43  # 32 bytes in URL-safe base64
    assert token not in link.token_hash and len(link.token_hash) == 64
    assert ShareLink.objects.filter(token_hash__contains=token).count() == 0


def test_share_link_lifecycle(client, canvas, editor, card):
    link, token = share_link_create(canvas=canvas, by=editor, label="Funder")

    opened = client.get(f"/s/{token}/")  # no account
    share_link_revoke(link=link, by=editor)
    revoked = client.get(f"/s/{token}/")

    assert opened.status_code == 200
    assert "Lower energy bills" in opened.content.decode()
    assert opened["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in opened.content.decode()
    assert revoked.status_code == 404


def test_an_expired_link_is_not_found(client, canvas, editor):
    link, token = share_link_create(
        canvas=canvas, by=editor, expires_at=timezone.now() + timedelta(days=1)
    )
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert client.get(f"/s/{token}/").status_code == 404
    assert client.get(f"/s/{token}/pdf/").status_code == 404


@pytest.mark.parametrize(
    "token",
    ["x", "A" * 43, "A" * 44, "../../etc/passwd", "%00", "a" * 500],
)
def test_forged_tokens_are_not_found(client, canvas, editor, token):
    share_link_create(canvas=canvas, by=editor)

    assert client.get(f"/s/{token}/").status_code == 404
    assert share_link_resolve(token) is None


def test_a_token_opens_only_its_own_canvas(client, canvas, editor, other_council):
    secret = CardFactory(canvas=CanvasFactory(council=other_council), text="Porto's secret plan")
    _, token = share_link_create(canvas=canvas, by=editor)

    page = client.get(f"/s/{token}/").content.decode()

    assert "Porto's secret plan" not in page
    assert client.get(f"/s/{token}x/").status_code == 404
    assert secret.canvas.title not in page


def test_the_shared_page_shows_the_report_only(client, canvas, editor, card):
    editor.email = "private.person@ghent.example"
    editor.save()
    _, token = share_link_create(canvas=canvas, by=editor)

    page = client.get(f"/s/{token}/").content.decode()

    assert "private.person@ghent.example" not in page
    assert "csrfmiddlewaretoken" not in page  # no forms, nothing to do but read
    assert "/api/" not in page and "Sign out" not in page


def test_only_editors_approvers_and_admins_share(canvas, viewer, approver, outsider):
    share_link_create(canvas=canvas, by=approver)
    for user in (viewer, outsider):
        with pytest.raises(PermissionDenied):
            share_link_create(canvas=canvas, by=user)


def test_an_expiry_in_the_past_is_refused(api_as, canvas, editor):
    response = api_as(editor).post(
        f"/api/v1/canvases/{canvas.pk}/share-links/",
        {"label": "Late", "expires_at": (timezone.now() - timedelta(days=1)).isoformat()},
        format="json",
    )

    assert response.status_code == 400 and "expires_at" in response.json()


def test_share_links_through_the_api(api_as, client, canvas, editor, outsider):
    api = api_as(editor)
    created = api.post(
        f"/api/v1/canvases/{canvas.pk}/share-links/", {"label": "ERDF"}, format="json"
    ).json()
    path = created["url"].split("testserver", 1)[1]

    listed = api.get(f"/api/v1/canvases/{canvas.pk}/share-links/").json()
    opened = client.get(path).status_code
    revoked = api.delete(f"/api/v1/canvases/{canvas.pk}/share-links/{created['id']}/")
    after = client.get(path).status_code
    foreign = api_as(outsider).get(f"/api/v1/canvases/{canvas.pk}/share-links/")

    assert [link["label"] for link in listed] == ["ERDF"]
    assert "url" not in listed[0]  # the token is shown once, at creation
    assert (opened, revoked.status_code, after) == (200, 204, 404)
    assert foreign.status_code == 404
