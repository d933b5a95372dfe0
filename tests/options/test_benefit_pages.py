"""The benefits page: the register, its statuses at a date, and who records what."""

from datetime import date

import pytest
from django.urls import reverse

from canvas_app.models import Benefit, CanvasRole, Measurement, Stage
from canvas_app.services.benefits import benefit_create, measurement_add

from ..review.conftest import accepted_invitation
from .conftest import BENEFITS_9_3

BENEFIT = {
    "name": "Street-lighting electricity",
    "unit": "MWh/yr",
    "baseline": "3000",
    "baseline_date": "2026-01-01",
    "target": "1200",
    "target_date": "2028-01-01",
    "owner": "Energy manager",
    "method": "Meter readings, monthly",
    "theme": "planet",
}


@pytest.fixture
def register_9_3(canvas, editor):
    """The benefits of 9.3 with their measurements, and one benefit never measured."""
    benefits = []
    for example in BENEFITS_9_3:
        benefit = benefit_create(canvas=canvas, by=editor, **example["benefit"])
        for on, value in example["measurements"]:
            measurement_add(benefit=benefit, by=editor, date=on, value=value, note="Meter")
        benefits.append(benefit)
    benefit_create(
        canvas=canvas,
        by=editor,
        name="Complaints about dark streets",
        unit="per month",
        baseline=20,
        baseline_date=date(2026, 1, 1),
        target=5,
        target_date=date(2027, 1, 1),
        owner="Citizen services",
    )
    return benefits


def approve(canvas):
    canvas.stage = Stage.APPROVED
    canvas.save(update_fields=["stage"])


def benefits_url(canvas, **query) -> str:
    url = reverse("benefits", args=[canvas.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_register_shows_each_status_of_9_3_at_the_chosen_date(
    client, canvas, editor, register_9_3
):
    client.force_login(editor)

    content = client.get(benefits_url(canvas, as_of="2027-01-01")).content.decode()

    assert "Statuses on 1 Jan 2027." in content
    table = content.split('id="register-caption"')[1].split("</table>")[0]
    rows = table.split("<tr>")[2:]
    expected = [
        ("Street-lighting electricity", "50 %", "50 %", "Green: on track"),
        ("Residents satisfied with lighting", "15 %", "67 %", "Red: well behind plan"),
        ("Night-time road casualties", "40 %", "50 %", "Amber: behind plan"),
        ("Complaints about dark streets", "n/a", "100 %", "No data: no measurement yet"),
    ]
    for row, (name, progress, expected_share, status) in zip(rows, expected, strict=True):
        assert name in row
        assert f'<td class="numeric">{progress}</td>' in row
        assert f'<td class="numeric">{expected_share}</td>' in row
        assert status in row  # the status in words, not only a colour


def test_each_benefit_has_its_chart_and_its_measurements(client, canvas, editor, register_9_3):
    client.force_login(editor)
    electricity = register_9_3[0]

    content = client.get(benefits_url(canvas, as_of="2027-01-01")).content.decode()

    chart = f"benefit-chart-{electricity.pk}"
    assert f'aria-labelledby="{chart}-title {chart}-desc"' in content
    section = content.split(f'id="benefit-{electricity.pk}"')[1].split("</section>")[0]
    assert section.count('class="measurement"') == 2  # a point per measurement
    assert "2,700" in section and "2,100" in section
    assert "Measurements of Street-lighting electricity" in section


def test_the_statuses_move_with_the_date(client, canvas, editor, register_9_3):
    client.force_login(editor)

    early = client.get(benefits_url(canvas, as_of="2026-03-01")).content.decode()

    assert "Statuses on 1 Mar 2026." in early
    assert "Green: on track" not in early  # nothing measured yet but the first reading


def test_a_bad_date_is_a_400_naming_the_field(client, canvas, editor, register_9_3):
    client.force_login(editor)

    response = client.get(benefits_url(canvas, as_of="soon"))

    assert response.status_code == 400
    assert 'href="#id_as_of"' in response.content.decode()


@pytest.mark.parametrize("who", ["viewer", "stakeholder"])
def test_readers_see_the_plan_without_forms(client, request, canvas, editor, register_9_3, who):
    reader = (
        accepted_invitation(canvas, editor, CanvasRole.STAKEHOLDER, "stake")
        if who == "stakeholder"
        else request.getfixturevalue("viewer")
    )
    client.force_login(reader)
    benefit = register_9_3[0]

    content = client.get(benefits_url(canvas, as_of="2027-01-01")).content.decode()
    recorded = client.post(
        reverse("measurement-new", args=[benefit.pk]), {"date": "2027-06-01", "value": "1"}
    )
    added = client.post(reverse("benefit-new", args=[canvas.pk]), BENEFIT)

    assert "Green: on track" in content
    assert "Add a benefit" not in content and "Record a measurement" not in content
    assert 'action="/benefits/' not in content and 'action="/measurements/' not in content
    assert recorded.status_code == 403 and added.status_code == 403
    assert benefit.measurements.count() == 2


def test_an_editor_adds_a_benefit(client, canvas, editor):
    client.force_login(editor)

    response = client.post(reverse("benefit-new", args=[canvas.pk]), BENEFIT)

    benefit = Benefit.objects.get(canvas=canvas)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#benefit-{benefit.pk}")
    assert (benefit.baseline, benefit.target, benefit.theme) == (3000, 1200, "planet")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"target": "3000"}, "target", "The target must differ from the baseline."),
        (
            {"target_date": "2025-01-01"},
            "target_date",
            "The target date must come after the baseline date.",
        ),
        ({"baseline": "lots"}, "baseline", "Enter a number."),
        ({"owner": ""}, "owner", "This field is required."),
        ({"theme": "weather"}, "theme", "Select a valid choice."),
    ],
)
def test_a_bad_benefit_is_shown_again_with_the_field_named(
    client, canvas, editor, change, field, message
):
    client.force_login(editor)

    response = client.post(reverse("benefit-new", args=[canvas.pk]), {**BENEFIT, **change})

    assert response.status_code == 400
    content = response.content.decode()
    assert f'href="#id_{field}"' in content
    assert message in content
    assert not Benefit.objects.exists()


def test_a_benefit_is_edited_and_removed(client, canvas, editor, register_9_3):
    client.force_login(editor)
    benefit = register_9_3[1]

    page = client.get(reverse("benefit-edit", args=[benefit.pk])).content.decode()
    edited = client.post(
        reverse("benefit-edit", args=[benefit.pk]), {**BENEFIT, "name": "Satisfaction"}
    )
    benefit.refresh_from_db()
    removed = client.post(reverse("benefit-delete", args=[benefit.pk]))

    assert 'value="Residents satisfied with lighting"' in page
    assert edited.status_code == 302 and benefit.name == "Satisfaction"
    assert removed.status_code == 302
    assert not Benefit.objects.filter(pk=benefit.pk).exists()


def test_an_editor_records_and_removes_a_measurement(client, canvas, editor, register_9_3):
    client.force_login(editor)
    benefit = register_9_3[2]

    response = client.post(
        reverse("measurement-new", args=[benefit.pk]),
        {
            "date": "2027-06-01",
            "value": "33",
            "note": "Police data",
            "evidence_url": "example.org/x",
        },
    )
    measurement = benefit.measurements.get(date=date(2027, 6, 1))
    removed = client.post(reverse("measurement-delete", args=[measurement.pk]))

    assert response.status_code == 302
    assert measurement.value == 33 and measurement.evidence_url == "https://example.org/x"
    assert removed.status_code == 302
    assert not Measurement.objects.filter(pk=measurement.pk).exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"date": "2027-06-01", "value": ""}, "value"),
        ({"date": "2027-06-01", "value": "inf"}, "value"),
        ({"date": "someday", "value": "3"}, "date"),
        ({"date": "2027-06-01", "value": "3", "evidence_url": "not a link"}, "evidence_url"),
    ],
)
def test_a_bad_measurement_is_shown_again_with_the_field_named(
    client, canvas, editor, register_9_3, data, field
):
    client.force_login(editor)
    benefit = register_9_3[0]

    response = client.post(reverse("measurement-new", args=[benefit.pk]), data)

    assert response.status_code == 400
    assert f'href="#id_{field}"' in response.content.decode()
    assert benefit.measurements.count() == 2


def test_measurements_are_recorded_on_an_approved_canvas_but_the_plan_is_frozen(
    client, canvas, editor, register_9_3
):
    approve(canvas)
    client.force_login(editor)
    benefit = register_9_3[0]

    content = client.get(benefits_url(canvas, as_of="2027-01-01")).content.decode()
    recorded = client.post(
        reverse("measurement-new", args=[benefit.pk]), {"date": "2027-06-01", "value": "1500"}
    )
    added = client.post(reverse("benefit-new", args=[canvas.pk]), BENEFIT)

    assert "Record a measurement" in content and "Add a benefit" not in content
    assert recorded.status_code == 302 and benefit.measurements.count() == 3
    assert added.status_code == 403


def test_nothing_is_recorded_on_an_archived_canvas(client, canvas, editor, register_9_3):
    canvas.stage = Stage.ARCHIVED
    canvas.save(update_fields=["stage"])
    client.force_login(editor)
    benefit = register_9_3[0]

    content = client.get(benefits_url(canvas)).content.decode()
    refused = client.post(
        reverse("measurement-new", args=[benefit.pk]), {"date": "2027-06-01", "value": "1"}
    )
    removal = client.post(reverse("measurement-delete", args=[benefit.measurements.first().pk]))

    assert "Record a measurement" not in content
    assert refused.status_code == 403 and removal.status_code == 403


def test_outsiders_reach_no_benefit(client, canvas, outsider, register_9_3):
    client.force_login(outsider)
    benefit = register_9_3[0]

    assert client.get(reverse("benefit-edit", args=[benefit.pk])).status_code == 404
    assert client.post(reverse("measurement-new", args=[benefit.pk]), {}).status_code == 404
    measurement = benefit.measurements.first()
    assert client.post(reverse("measurement-delete", args=[measurement.pk])).status_code == 404


def test_a_canvas_without_benefits_invites_to_add_one(client, canvas, editor):
    client.force_login(editor)

    content = client.get(benefits_url(canvas)).content.decode()

    assert "No benefit yet" in content and "Statuses today" in content
