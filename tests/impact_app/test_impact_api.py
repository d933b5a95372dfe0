import pytest

from canvas_app.models import Assessment, Role

from ..factories import MembershipFactory, UserFactory


@pytest.fixture
def client(api_as, editor):
    return api_as(editor)


def url(canvas, what: str) -> str:
    return f"/api/v1/canvases/{canvas.pk}/{what}/"


def test_inputs_are_put_and_read_back(client, canvas, led_inputs):
    put = client.put(url(canvas, "impact-inputs"), led_inputs, format="json")
    get = client.get(url(canvas, "impact-inputs"))

    assert put.status_code == 200
    assert get.json()["capex"] == 2_000_000
    assert get.json()["version"] == 1


def test_reading_inputs_before_any_were_saved_is_a_404(client, canvas):
    assert client.get(url(canvas, "impact-inputs")).status_code == 404


@pytest.mark.parametrize(
    "change, field",
    [
        ({"capex": -1}, "capex"),
        ({"rating_accessibility": 7}, "rating_accessibility"),
        ({"lifetime_years": 0}, "lifetime_years"),
        ({"users_served": 100_001}, "users_served"),
        ({"opex": "NaN"}, "opex"),
        ({"opex": "Infinity"}, "opex"),
        ({"savings": "lots"}, "savings"),
        ({"capex_schedule": "2000000"}, "capex_schedule"),
        ({"capex_schedule": [1, 2, 3]}, "capex_schedule"),
        ({"lifetime_years": 2.5}, "lifetime_years"),
        ({"bogus": 1}, "bogus"),
    ],
)
def test_bad_inputs_are_a_400_naming_the_field(client, canvas, led_inputs, change, field):
    response = client.put(url(canvas, "impact-inputs"), {**led_inputs, **change}, format="json")

    assert response.status_code == 400, response.json()
    assert field in response.json()
    assert not Assessment.objects.exists()


def test_a_nan_literal_in_the_json_is_a_400(client, canvas):
    response = client.generic(
        "PUT",
        url(canvas, "impact-inputs"),
        '{"lifetime_years": 20, "first_year": 2026, "capex": NaN}',
        content_type="application/json",
    )

    assert response.status_code == 400


def test_funding_sources_are_replaced(client, canvas):
    sources = [
        {"name": "Own budget", "kind": "own_budget", "amount": 1_200_000, "secured": True},
        {"name": "ERDF", "kind": "eu_grant", "amount": 800_000},
    ]

    response = client.put(url(canvas, "funding-sources"), sources, format="json")

    assert response.status_code == 200
    assert [s["name"] for s in client.get(url(canvas, "funding-sources")).json()] == [
        "Own budget",
        "ERDF",
    ]


@pytest.mark.parametrize(
    "sources, path",
    [
        ([{"name": "", "amount": 1}], "name"),
        ([{"name": "A", "amount": -1}], "amount"),
        ([{"name": "A", "amount": 1, "kind": "gift"}], "kind"),
        ({"name": "not a list"}, "non_field_errors"),
    ],
)
def test_bad_funding_is_a_400(client, canvas, sources, path):
    response = client.put(url(canvas, "funding-sources"), sources, format="json")

    assert response.status_code == 400
    assert path in str(response.json())


def test_the_assessment_is_read_with_its_status_and_scores(
    client, canvas, led_inputs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.put(url(canvas, "impact-inputs"), led_inputs, format="json")

    body = client.get(url(canvas, "assessment")).json()

    assert body["status"] == "done"
    assert body["is_stale"] is False
    assert round(body["scores"]["economic"], 2) == 77.42
    assert round(body["result"]["cba"]["fnpv"], 2) == 3_164_324.01


def test_a_reassessment_is_requested_with_a_202(client, canvas, led_inputs):
    assert client.post(url(canvas, "assessment")).status_code == 400  # no inputs yet
    client.put(url(canvas, "impact-inputs"), led_inputs, format="json")

    response = client.post(url(canvas, "assessment"))

    assert response.status_code == 202
    assert response.json()["status"] in {"queued", "running", "done"}


def test_only_admins_change_parameters_through_the_api(api_as, council, editor, admin_user):
    path = f"/api/v1/councils/{council.slug}/parameters/"

    assert api_as(editor).get(path).json()["carbon_price"] == 250
    assert api_as(editor).patch(path, {"carbon_price": 100}, format="json").status_code == 403
    response = api_as(admin_user).patch(path, {"carbon_price": 100}, format="json")

    assert response.status_code == 200
    assert response.json()["carbon_price"] == 100
    assert response.json()["version"] == 1


@pytest.mark.parametrize(
    "change, field",
    [
        ({"social_discount_rate": 0.9}, "social_discount_rate"),
        ({"carbon_price_mode": "market"}, "carbon_price_mode"),
        ({"weights": {"EC1": -1}}, "weights"),
        ({"ghg_inventory_t": 0}, "ghg_inventory_t"),
        ({"carbon_price": "high"}, "carbon_price"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_field(api_as, council, admin_user, change, field):
    response = api_as(admin_user).patch(
        f"/api/v1/councils/{council.slug}/parameters/", change, format="json"
    )

    assert response.status_code == 400
    assert any(key.startswith(field) for key in response.json())


@pytest.mark.parametrize("what", ["impact-inputs", "funding-sources", "assessment"])
def test_impact_endpoints_of_another_council_are_404(api_as, canvas, other_council, what):
    outsider = MembershipFactory(council=other_council, role=Role.ADMIN, user=UserFactory()).user

    client = api_as(outsider)

    assert client.get(url(canvas, what)).status_code == 404
    assert client.put(url(canvas, what), {}, format="json").status_code in {404, 405}
    assert client.get(f"/api/v1/councils/{canvas.council.slug}/parameters/").status_code == 404


@pytest.mark.parametrize("role", [Role.VIEWER, Role.APPROVER])
def test_readers_cannot_write_impact_data(api_as, canvas, council, led_inputs, role):
    reader = MembershipFactory(council=council, role=role, user=UserFactory()).user
    client = api_as(reader)

    assert client.put(url(canvas, "impact-inputs"), led_inputs, format="json").status_code == 403
    assert client.put(url(canvas, "funding-sources"), [], format="json").status_code == 403
    assert client.post(url(canvas, "assessment")).status_code == 403
