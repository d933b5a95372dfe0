import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from canvas_app.models import Milestone, Partner, Responsibility
from canvas_app.services.canvases import canvas_create
from canvas_app.services.network import (
    milestone_create,
    partner_create,
    responsibilities_set,
)

from ..factories import CanvasFactory, CardFactory


@pytest.fixture
def network_canvas(council, editor):
    return canvas_create(council=council, by=editor, title="Smart parking")


def test_a_new_canvas_has_the_council_as_its_first_partner(network_canvas, council):
    [partner] = network_canvas.partners.all()

    assert partner.is_council and partner.organisation == council.name


def test_partners_keep_known_contributions_in_a_fixed_order(network_canvas, editor):
    partner = partner_create(
        canvas=network_canvas,
        by=editor,
        organisation="Telecom",
        kind="utility",
        contributions=["data", "finance"],
    )

    assert partner.contributions == ["finance", "data"]


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"organisation": "", "kind": "company"}, "organisation"),
        ({"organisation": "X", "kind": "alien"}, "kind"),
        ({"organisation": "X", "kind": "company", "contributions": ["love"]}, "contributions"),
        ({"organisation": "X", "kind": "council"}, "kind"),  # the council is there already
    ],
)
def test_bad_partners_are_refused_naming_the_field(network_canvas, editor, fields, field):
    with pytest.raises(ValidationError) as error:
        partner_create(canvas=network_canvas, by=editor, **fields)

    assert field in error.value.message_dict


def test_viewers_cannot_change_the_network(network_canvas, viewer):
    with pytest.raises(PermissionDenied):
        partner_create(canvas=network_canvas, by=viewer, organisation="X", kind="company")


def test_the_matrix_takes_only_key_activities_of_the_canvas(network_canvas, editor, council):
    council_partner = network_canvas.partners.get()
    activity = CardFactory(canvas=network_canvas, block="key_activities")
    not_an_activity = CardFactory(canvas=network_canvas, block="costs")
    elsewhere = CardFactory(canvas=CanvasFactory(council=council), block="key_activities")

    responsibilities_set(
        canvas=network_canvas, by=editor, roles={(council_partner.pk, activity.pk): "A"}
    )
    for card in (not_an_activity, elsewhere):
        with pytest.raises(ValidationError):
            responsibilities_set(
                canvas=network_canvas, by=editor, roles={(council_partner.pk, card.pk): "R"}
            )
    with pytest.raises(ValidationError):
        responsibilities_set(
            canvas=network_canvas, by=editor, roles={(council_partner.pk, activity.pk): "X"}
        )

    assert Responsibility.objects.get().role == "A"
    responsibilities_set(
        canvas=network_canvas, by=editor, roles={(council_partner.pk, activity.pk): ""}
    )
    assert not Responsibility.objects.exists()


def test_a_milestone_owner_must_be_a_partner_of_the_canvas(network_canvas, editor, council):
    stranger = CanvasFactory(council=council).partners.create(organisation="Other", kind="company")

    with pytest.raises(ValidationError) as error:
        milestone_create(
            canvas=network_canvas,
            by=editor,
            name="Go live",
            due_date=datetime.date(2027, 1, 1),
            owner=stranger,
        )

    assert "owner" in error.value.message_dict


def test_the_network_page_saves_the_matrix_and_adds_milestones(client, editor, network_canvas):
    client.force_login(editor)
    council_partner = network_canvas.partners.get()
    activity = CardFactory(canvas=network_canvas, block="key_activities", text="Install sensors")

    client.post(
        reverse("network-matrix", args=[network_canvas.pk]),
        {f"role-{council_partner.pk}-{activity.pk}": "R"},
    )
    client.post(
        reverse("milestone-new", args=[network_canvas.pk]),
        {
            "name": "Pilot",
            "due_date": "2027-05-01",
            "owner": council_partner.pk,
            "status": "planned",
        },
    )
    page = client.get(reverse("network", args=[network_canvas.pk])).content.decode()

    assert Responsibility.objects.get().role == "R"
    assert Milestone.objects.get().owner == council_partner
    assert "Install sensors" in page and "Pilot" in page


def test_a_bad_milestone_date_is_explained(client, editor, network_canvas):
    client.force_login(editor)

    response = client.post(
        reverse("milestone-new", args=[network_canvas.pk]),
        {"name": "Pilot", "due_date": "next spring", "status": "planned"},
    )

    assert response.status_code == 400
    assert "Due date: Enter a valid date." in response.content.decode()


def test_partners_and_milestones_through_the_api(api_as, editor, network_canvas):
    client = api_as(editor)
    base = f"/api/v1/canvases/{network_canvas.pk}"
    activity = CardFactory(canvas=network_canvas, block="key_activities")

    partner = client.post(
        f"{base}/partners/",
        {"organisation": "ESCO", "kind": "company", "contributions": ["finance"]},
        format="json",
    ).json()
    matrix = client.put(
        f"{base}/responsibilities/",
        [{"partner": partner["id"], "activity": activity.pk, "role": "R"}],
        format="json",
    )
    milestone = client.post(
        f"{base}/milestones/",
        {"name": "Contract", "due_date": "2027-01-31", "owner": partner["id"]},
        format="json",
    )
    bad = client.post(f"{base}/milestones/", {"name": "X", "due_date": "soon"}, format="json")
    council_partner = Partner.objects.get(canvas=network_canvas, kind="council")
    keep_council = client.delete(f"{base}/partners/{council_partner.pk}/")

    assert matrix.json() == [{"partner": partner["id"], "activity": activity.pk, "role": "R"}]
    assert milestone.status_code == 201 and milestone.json()["owner"] == partner["id"]
    assert bad.status_code == 400 and "due_date" in bad.json()
    assert keep_council.status_code == 400


def test_the_network_of_another_council_is_not_found(api_as, outsider, network_canvas, client):
    base = f"/api/v1/canvases/{network_canvas.pk}"
    partner = network_canvas.partners.get()

    assert api_as(outsider).get(f"{base}/partners/").status_code == 404
    assert api_as(outsider).get(f"{base}/responsibilities/").status_code == 404
    client.force_login(outsider)
    assert client.get(reverse("network", args=[network_canvas.pk])).status_code == 404
    assert client.post(reverse("partner-delete", args=[partner.pk])).status_code == 404


def test_the_council_cannot_be_removed_from_its_network(network_canvas, editor):
    from canvas_app.services.network import partner_delete

    with pytest.raises(ValidationError) as error:
        partner_delete(partner=network_canvas.partners.get(kind="council"), by=editor)

    assert "kind" in error.value.message_dict
    assert network_canvas.partners.filter(kind="council").exists()
