"""The outturn page: the actual figures typed in a yearly table, the lessons learned, and
the outturn of 9.2 against the appraisal."""

import pytest
from django.urls import reverse

from canvas_app.models import Outturn, Stage
from canvas_app.services.options import option_update, short_list
from canvas_app.services.outturn import outturn_set

from .conftest import ACTUALS_9_2

# Worked example 9.2, as typed in the table: `<figure>-<year>`.
TABLE_9_2 = {
    "capex-0": "2,300,000",
    "savings-1": "330000",
    "opex-1": "18000",
    "savings-2": "380000",
    "opex-2": "22000",
}


def page(client, canvas) -> str:
    return client.get(reverse("outturn", args=[canvas.pk])).content.decode()


def test_the_actuals_of_9_2_give_the_outturn_against_the_appraisal(
    client, canvas, editor, led_canvas
):
    client.force_login(editor)

    response = client.post(
        reverse("outturn", args=[canvas.pk]), {**TABLE_9_2, "lessons_learned": "Tender early."}
    )
    content = page(client, canvas)

    assert response.status_code == 302
    row = Outturn.objects.get(canvas=canvas)
    assert row.actuals == [
        {"year": 0, "capex": 2_300_000.0},
        {"year": 1, "opex": 18_000.0, "savings": 330_000.0},
        {"year": 2, "opex": 22_000.0, "savings": 380_000.0},
    ]
    assert row.lessons_learned == "Tender early."
    assert "compared with its latest appraisal" in content
    for figure in ("€3,653,440", "€3,266,684", "€2,778,599", "2.2576", "6.29 years"):
        assert figure in content, figure
    assert "+€300,000" in content and "+15.00 %" in content  # capex variance
    assert "−€90,000" in content and "−11.25 %" in content  # savings variance
    assert 'data-flag="capex_overrun_above_uplift"' in content
    assert "Capex overran its estimate by +15.00 %, more than the 0 %" in content
    assert 'data-flag="benefits_shortfall"' in content
    assert 'id="outturn-flows-title"' in content  # the chart of the cumulative net flows
    assert 'value="2300000"' in content  # the table shows what was recorded, as digits


def test_against_the_biased_appraisal_only_the_shortfall_is_flagged(
    client, canvas, editor, short_list_9_1
):
    outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2)
    client.force_login(editor)

    content = page(client, canvas)

    assert "€3,213,440" in content  # the forecast ENPV with the 22 % uplift
    assert 'data-flag="capex_overrun_above_uplift"' not in content
    assert 'data-flag="benefits_shortfall"' in content


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        ("capex-0", "lots", "Capex in year 0: Enter a number."),
        ("opex-3", "-5", "Opex in year 3: Must be a finite number, 0 or more."),
    ],
)
def test_a_bad_cell_is_shown_again_and_named(
    client, canvas, editor, led_canvas, cell, value, message
):
    client.force_login(editor)

    response = client.post(reverse("outturn", args=[canvas.pk]), {**TABLE_9_2, cell: value})

    assert response.status_code == 400
    content = response.content.decode()
    assert f'<a href="#actual-{cell}">{message}</a>' in content
    assert f'aria-describedby="actual-{cell}-error"' in content
    assert f'value="{value}"' in content  # what was typed stays
    assert not Outturn.objects.exists()


def test_overlong_lessons_are_a_400(client, canvas, editor, led_canvas):
    client.force_login(editor)

    response = client.post(reverse("outturn", args=[canvas.pk]), {"lessons_learned": "x" * 10001})

    assert response.status_code == 400
    assert 'href="#id_lessons_learned"' in response.content.decode()


def test_without_an_appraisal_the_page_says_so_and_keeps_the_lessons(client, canvas, editor):
    client.force_login(editor)

    content = page(client, canvas)
    saved = client.post(reverse("outturn", args=[canvas.pk]), {"lessons_learned": "Start small."})

    assert "No appraisal yet" in content
    assert 'name="capex-0"' not in content
    assert saved.status_code == 302
    assert Outturn.objects.get(canvas=canvas).lessons_learned == "Start small."


def test_with_business_as_usual_preferred_there_is_no_outturn_to_record(
    client, canvas, editor, led_canvas, run_on_commit
):
    bau = next(o for o in short_list(canvas) if o.kind == "bau")
    run_on_commit(option_update, option=bau, by=editor, preferred=True)
    client.force_login(editor)

    content = page(client, canvas)

    assert "Business as usual is preferred" in content
    assert 'name="capex-0"' not in content


def test_readers_see_the_outturn_without_a_form(client, canvas, editor, viewer, led_canvas):
    outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2, lessons_learned="Tender early.")
    client.force_login(viewer)

    content = page(client, canvas)
    refused = client.post(reverse("outturn", args=[canvas.pk]), TABLE_9_2)

    assert "€3,266,684" in content and "Tender early." in content
    assert "Actual figures recorded, EUR" in content  # the table, read-only
    assert 'name="capex-0"' not in content and 'name="lessons_learned"' not in content
    assert refused.status_code == 403


def test_actuals_are_recorded_on_an_approved_canvas_but_not_an_archived_one(
    client, canvas, editor, led_canvas
):
    client.force_login(editor)
    canvas.stage = Stage.APPROVED
    canvas.save(update_fields=["stage"])
    recorded = client.post(reverse("outturn", args=[canvas.pk]), TABLE_9_2)
    canvas.stage = Stage.ARCHIVED
    canvas.save(update_fields=["stage"])

    archived = page(client, canvas)
    refused = client.post(reverse("outturn", args=[canvas.pk]), {"capex-0": "1"})

    assert recorded.status_code == 302
    assert 'name="capex-0"' not in archived
    assert refused.status_code == 403
    assert Outturn.objects.get(canvas=canvas).actuals[0] == {"year": 0, "capex": 2_300_000.0}
