"""The outturn review and the benefits register through the API: worked examples 9.2 and
9.3 entered as a client would, bad input as 400s naming the field, and who may record."""

from datetime import date

import pytest

from canvas_app.models import Assessment, Benefit, Measurement, Outturn, Role

from ..factories import MembershipFactory, UserFactory
from ..review.conftest import accepted_invitation
from .api_client import CommittingClient, canvas_url
from .conftest import ACTUALS_9_2, BENEFITS_9_3


@pytest.fixture
def client(api_as, editor, django_capture_on_commit_callbacks):
    return CommittingClient(api_as(editor), django_capture_on_commit_callbacks)


def outturn(client, canvas) -> dict:
    response = client.get(canvas_url(canvas, "outturn"))
    assert response.status_code == 200
    return response.json()


# Worked example 9.2 ---------------------------------------------------------------------


def test_the_outturn_of_9_2_through_the_api(client, canvas, led_canvas):
    put = client.put(
        canvas_url(canvas, "outturn"), {"actuals": ACTUALS_9_2, "lessons_learned": "Tender early."}
    )

    assert put.status_code == 200, put.json()
    body = outturn(client, canvas)
    assert round(body["enpv_forecast"], 2) == 3_653_440.45
    assert round(body["enpv_outturn"], 2) == 3_266_683.92
    assert round(body["fnpv_outturn"], 2) == 2_778_599.16
    assert round(body["bcr_outturn"], 4) == 2.2576
    assert round(body["payback_outturn"], 3) == 6.289
    assert body["variance"]["capex"] == {
        "actual": 2_300_000,
        "estimate": 2_000_000,
        "difference": 300_000,
        "pct": pytest.approx(15.0),
    }
    savings = body["variance"]["savings"]
    assert round(savings["actual"] - savings["estimate"], 2) == -90_000
    assert round(savings["pct"], 2) == -11.25
    assert body["variance"]["opex"]["difference"] == 0
    assert round(body["variance"]["opex"]["pct"], 2) == 0.0
    assert set(body["variance"]) == {"capex", "savings", "opex"}
    assert body["flags"] == ["capex_overrun_above_uplift", "benefits_shortfall"]
    assert body["actuals"] == ACTUALS_9_2
    assert body["lessons_learned"] == "Tender early."
    assert body["baseline"]["approved"] is False
    assert body["baseline"]["assessment"] == Assessment.objects.get(canvas=canvas).pk
    assert put.json() == body


def test_the_outturn_of_9_2_against_the_appraisal_with_the_22_percent_uplift(
    client, canvas, short_list_9_1
):
    client.put(canvas_url(canvas, "outturn"), {"actuals": ACTUALS_9_2})

    body = outturn(client, canvas)

    assert round(body["enpv_forecast"], 2) == 3_213_440.45
    assert round(body["enpv_outturn"], 2) == 3_266_683.92  # unchanged
    assert body["flags"] == ["benefits_shortfall"]
    assert body["baseline"]["capex_uplift"] == pytest.approx(0.22)
    assert round(body["variance"]["capex"]["pct"], 2) == 15.0  # against the unadjusted estimate


def test_an_outturn_with_nothing_recorded_or_appraised_is_empty(client, canvas):
    body = outturn(client, canvas)

    assert body["actuals"] == []
    assert body["baseline"] is None
    assert body["enpv_forecast"] is body["enpv_outturn"] is body["payback_outturn"] is None
    assert body["variance"] == {} and body["flags"] == []


def test_actuals_need_an_appraisal_to_be_set_against(client, canvas):
    response = client.put(canvas_url(canvas, "outturn"), {"actuals": ACTUALS_9_2})

    assert response.status_code == 400
    assert "actuals" in response.json()


def test_lessons_learned_are_kept_when_only_the_actuals_change(client, canvas, led_canvas):
    url = canvas_url(canvas, "outturn")
    client.put(url, {"actuals": ACTUALS_9_2, "lessons_learned": "Tender early."})

    client.put(url, {"actuals": ACTUALS_9_2[:1]})

    body = outturn(client, canvas)
    assert body["lessons_learned"] == "Tender early."
    assert body["actuals"] == ACTUALS_9_2[:1]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"actuals": [{"year": 21, "capex": 1}]}, "actuals[0].year"),
        ({"actuals": [{"year": -1, "capex": 1}]}, "actuals[0].year"),
        ({"actuals": [{"year": 2.5, "capex": 1}]}, "actuals[0].year"),
        ({"actuals": [{"capex": 1}]}, "actuals[0].year"),
        ({"actuals": [{"year": 0, "capex": 1}, {"year": 0, "opex": 1}]}, "actuals[1].year"),
        ({"actuals": [{"year": 1}, {"year": 2, "capex": -5}]}, "actuals[1].capex"),
        ({"actuals": [{"year": 1, "profit": 5}]}, "actuals[0].profit"),
        ({"actuals": [{"year": 1, "opex": "lots"}]}, "actuals[0].opex"),
        ({"actuals": [{"year": 1, "opex": "NaN"}]}, "actuals[0].opex"),
        ({"actuals": [{"year": 1, "savings": True}]}, "actuals[0].savings"),
        ({"actuals": ["year 1"]}, "actuals[0]"),
        ({"actuals": {"year": 1}}, "actuals"),
        ({"lessons_learned": "Tender early."}, "actuals"),
        ({"actuals": [], "lessons_learned": "x" * 10001}, "lessons_learned"),
        ({"actuals": [], "forecast": []}, "forecast"),
    ],
)
def test_bad_actuals_are_a_400_naming_the_field_and_keep_what_was_recorded(
    client, canvas, led_canvas, body, field
):
    client.put(canvas_url(canvas, "outturn"), {"actuals": ACTUALS_9_2})

    response = client.put(canvas_url(canvas, "outturn"), body)

    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert Outturn.objects.get(canvas=canvas).actuals == ACTUALS_9_2


def test_actuals_are_recorded_on_an_approved_canvas_without_changing_its_appraisal(
    client, canvas, led_canvas
):
    canvas.stage = "approved"
    canvas.save(update_fields=["stage"])
    assessments = list(Assessment.objects.filter(canvas=canvas).values_list("pk", "fingerprint"))

    response = client.put(canvas_url(canvas, "outturn"), {"actuals": ACTUALS_9_2})

    assert response.status_code == 200
    assert round(response.json()["enpv_forecast"], 2) == 3_653_440.45
    assert (
        list(Assessment.objects.filter(canvas=canvas).values_list("pk", "fingerprint"))
        == assessments
    )


def test_viewers_read_the_outturn_but_record_nothing(api_as, council, canvas, led_canvas):
    viewer = MembershipFactory(council=council, role=Role.VIEWER, user=UserFactory()).user
    client = api_as(viewer)

    assert client.get(canvas_url(canvas, "outturn")).status_code == 200
    response = client.put(canvas_url(canvas, "outturn"), {"actuals": ACTUALS_9_2}, format="json")
    assert response.status_code == 403
    assert not Outturn.objects.filter(canvas=canvas).exclude(actuals=[]).exists()


def test_another_councils_outturn_is_404(api_as, outsider, canvas, led_canvas):
    client = api_as(outsider)

    assert client.get(canvas_url(canvas, "outturn")).status_code == 404
    response = client.put(canvas_url(canvas, "outturn"), {"actuals": ACTUALS_9_2}, format="json")
    assert response.status_code == 404


# Worked example 9.3 ---------------------------------------------------------------------


def benefit_body(benefit: dict) -> dict:
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in benefit.items()
    }


@pytest.fixture
def register_9_3(client, canvas) -> list[int]:
    """The benefits of 9.3 and one without measurements, entered through the API."""
    ids = []
    for example in BENEFITS_9_3:
        body = {**benefit_body(example["benefit"]), "method": "Meter readings", "theme": "planet"}
        response = client.post(canvas_url(canvas, "benefits"), body)
        assert response.status_code == 201, response.json()
        ids.append(response.json()["id"])
        for on, value in example["measurements"]:
            measured = client.post(
                canvas_url(canvas, "benefits", ids[-1], "measurements"),
                {"date": on.isoformat(), "value": value, "note": "Quarterly reading"},
            )
            assert measured.status_code == 201, measured.json()
    response = client.post(
        canvas_url(canvas, "benefits"),
        {
            "name": "Complaints about dark streets",
            "unit": "per month",
            "baseline": 20,
            "baseline_date": "2026-01-01",
            "target": 5,
            "target_date": "2027-01-01",
            "owner": "Citizen services",
        },
    )
    ids.append(response.json()["id"])
    return ids


def test_the_benefits_of_9_3_through_the_api(client, canvas, register_9_3):
    response = client.get(canvas_url(canvas, "benefits"), {"as_of": "2027-01-01"})

    assert response.status_code == 200
    benefits = response.json()
    assert [b["id"] for b in benefits] == register_9_3
    for benefit, example in zip(benefits, BENEFITS_9_3, strict=False):
        status, progress, expected = example["expected"]
        assert benefit["status"] == status, benefit["name"]
        assert round(benefit["progress"], 4) == progress, benefit["name"]
        assert round(benefit["expected"], 4) == expected, benefit["name"]
        assert [(m["date"], m["value"]) for m in benefit["measurements"]] == [
            (on.isoformat(), value) for on, value in example["measurements"]
        ]
    assert benefits[0]["theme"] == "planet"
    assert benefits[0]["measurements"][0]["recorded_by"] == "editor"
    assert benefits[-1]["status"] == "no_data"
    assert benefits[-1]["progress"] is None


def test_one_benefit_reads_with_its_status_at_the_date_asked(client, canvas, register_9_3):
    url = canvas_url(canvas, "benefits", register_9_3[0])

    early = client.get(url, {"as_of": "2026-03-01"}).json()
    later = client.get(url, {"as_of": "2027-01-01"}).json()

    assert early["status"] == "no_data"  # the first reading came in July 2026
    assert later["status"] == "green"
    assert later["name"] == "Street-lighting electricity"


def test_the_status_is_at_today_unless_asked(client, canvas, register_9_3):
    from django.utils import timezone

    today = timezone.localdate().isoformat()

    default = client.get(canvas_url(canvas, "benefits")).json()
    explicit = client.get(canvas_url(canvas, "benefits"), {"as_of": today}).json()

    assert default == explicit


@pytest.mark.parametrize("as_of", ["2027-13-01", "yesterday", "01/01/2027", "2027-01-01T10:00"])
def test_a_bad_date_is_a_400_naming_as_of(client, canvas, register_9_3, as_of):
    listed = client.get(canvas_url(canvas, "benefits"), {"as_of": as_of})
    one = client.get(canvas_url(canvas, "benefits", register_9_3[0]), {"as_of": as_of})

    assert listed.status_code == one.status_code == 400
    assert "as_of" in listed.json() and "as_of" in one.json()


# The register --------------------------------------------------------------------------


def test_a_benefit_is_changed_and_removed(client, canvas, register_9_3):
    url = canvas_url(canvas, "benefits", register_9_3[1])

    patched = client.patch(url, {"target": 80, "owner": "Communications"})
    removed = client.delete(url)

    assert patched.status_code == 200, patched.json()
    assert patched.json()["target"] == 80
    assert patched.json()["owner"] == "Communications"
    assert removed.status_code == 204
    assert not Benefit.objects.filter(pk=register_9_3[1]).exists()


def test_a_measurement_is_removed(client, canvas, register_9_3):
    measurement = Measurement.objects.filter(benefit_id=register_9_3[0]).first()
    url = canvas_url(canvas, "benefits", register_9_3[0], "measurements", measurement.pk)

    response = client.delete(url)

    assert response.status_code == 204
    assert not Measurement.objects.filter(pk=measurement.pk).exists()


def test_a_measurement_of_another_benefit_is_404(client, canvas, register_9_3):
    measurement = Measurement.objects.filter(benefit_id=register_9_3[0]).first()

    response = client.delete(
        canvas_url(canvas, "benefits", register_9_3[1], "measurements", measurement.pk)
    )

    assert response.status_code == 404
    assert Measurement.objects.filter(pk=measurement.pk).exists()


GOOD = benefit_body(BENEFITS_9_3[0]["benefit"])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"target": 3000}, "target"),
        ({"target_date": "2026-01-01"}, "target_date"),
        ({"target_date": "2025-06-01"}, "target_date"),
        ({"target_date": "soon"}, "target_date"),
        ({"baseline": "lots"}, "baseline"),
        ({"baseline": "Infinity"}, "baseline"),
        ({"baseline": 1e300}, "baseline"),
        ({"theme": "weather"}, "theme"),
        ({"name": ""}, "name"),
        ({"owner": None}, "owner"),
        ({"unit": "u" * 51}, "unit"),
        ({"colour": "green"}, "colour"),
    ],
)
def test_a_bad_benefit_is_a_400_naming_the_field(client, canvas, change, field):
    response = client.post(canvas_url(canvas, "benefits"), {**GOOD, **change})

    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not Benefit.objects.exists()


@pytest.mark.parametrize("missing", ["name", "unit", "baseline", "target_date", "owner"])
def test_a_benefit_without_a_required_field_is_a_400_naming_it(client, canvas, missing):
    body = {key: value for key, value in GOOD.items() if key != missing}

    response = client.post(canvas_url(canvas, "benefits"), body)

    assert response.status_code == 400
    assert missing in response.json()


@pytest.mark.parametrize(
    ("change", "field"),
    [({"target": 3000}, "target"), ({"target_date": "2025-01-01"}, "target_date")],
)
def test_a_bad_change_of_a_benefit_is_a_400_naming_the_field(
    client, canvas, register_9_3, change, field
):
    response = client.patch(canvas_url(canvas, "benefits", register_9_3[0]), change)

    assert response.status_code == 400
    assert field in response.json()
    assert Benefit.objects.get(pk=register_9_3[0]).target == 1200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"date": "soon", "value": 1}, "date"),
        ({"value": 1}, "date"),
        ({"date": "2027-01-01", "value": "x"}, "value"),
        ({"date": "2027-01-01", "value": "NaN"}, "value"),
        ({"date": "2027-01-01"}, "value"),
        ({"date": "2027-01-01", "value": 1, "evidence_url": "not a link"}, "evidence_url"),
        ({"date": "2027-01-01", "value": 1, "source": "x"}, "source"),
    ],
)
def test_a_bad_measurement_is_a_400_naming_the_field(client, canvas, register_9_3, body, field):
    response = client.post(canvas_url(canvas, "benefits", register_9_3[0], "measurements"), body)

    assert response.status_code == 400
    assert field in response.json()
    assert Measurement.objects.filter(benefit_id=register_9_3[0]).count() == 2


def test_measurements_are_recorded_on_an_approved_canvas_but_the_plan_is_frozen(
    client, canvas, register_9_3
):
    canvas.stage = "approved"
    canvas.save(update_fields=["stage"])

    measured = client.post(
        canvas_url(canvas, "benefits", register_9_3[0], "measurements"),
        {"date": "2027-06-01", "value": 1500, "evidence_url": "https://example.org/meter.csv"},
    )
    added = client.post(canvas_url(canvas, "benefits"), GOOD)

    assert measured.status_code == 201
    assert measured.json()["evidence_url"] == "https://example.org/meter.csv"
    assert added.status_code == 403


# Who may read and write -------------------------------------------------------------------


def test_viewers_read_the_register_but_record_nothing(api_as, council, canvas, register_9_3):
    viewer = MembershipFactory(council=council, role=Role.VIEWER, user=UserFactory()).user
    client = api_as(viewer)
    one = canvas_url(canvas, "benefits", register_9_3[0])
    measurement = Measurement.objects.filter(benefit_id=register_9_3[0]).first()

    assert client.get(canvas_url(canvas, "benefits")).status_code == 200
    assert client.get(one).status_code == 200
    assert client.post(canvas_url(canvas, "benefits"), GOOD, format="json").status_code == 403
    assert client.patch(one, {"name": "X"}, format="json").status_code == 403
    assert client.delete(one).status_code == 403
    measured = client.post(
        canvas_url(canvas, "benefits", register_9_3[0], "measurements"),
        {"date": "2027-06-01", "value": 1},
        format="json",
    )
    assert measured.status_code == 403
    assert client.delete(f"{one}measurements/{measurement.pk}/").status_code == 403
    assert Benefit.objects.count() == 4 and Measurement.objects.count() == 4


def test_a_stakeholder_reads_the_register_but_records_nothing(api_as, canvas, editor, register_9_3):
    stakeholder = accepted_invitation(canvas, editor, "stakeholder", "stakeholder")
    client = api_as(stakeholder)

    assert len(client.get(canvas_url(canvas, "benefits")).json()) == 4
    measured = client.post(
        canvas_url(canvas, "benefits", register_9_3[0], "measurements"),
        {"date": "2027-06-01", "value": 1},
        format="json",
    )
    assert measured.status_code == 403


def test_another_councils_register_is_404(api_as, outsider, canvas, register_9_3):
    client = api_as(outsider)
    one = canvas_url(canvas, "benefits", register_9_3[0])

    assert client.get(canvas_url(canvas, "benefits")).status_code == 404
    assert client.get(one).status_code == 404
    assert client.post(canvas_url(canvas, "benefits"), GOOD, format="json").status_code == 404
    assert client.patch(one, {"name": "X"}, format="json").status_code == 404
    assert client.delete(one).status_code == 404
    measured = client.post(f"{one}measurements/", {"date": "2027-06-01", "value": 1})
    assert measured.status_code == 404
    assert Benefit.objects.count() == 4
