"""The portfolio's delivery view: each canvas's benefits by status and its capex variance,
in a number of queries that does not grow with the canvases."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from canvas_app.models import Benefit, Measurement, Outturn
from canvas_app.services.outturn import outturn_set

from ..factories import CanvasFactory
from .conftest import ACTUALS_9_2


def benefit(canvas, name: str, *, measured: float | None) -> Benefit:
    """From 0 a year ago to 100 a year from now; `measured` yesterday, if given."""
    today = timezone.localdate()
    made = Benefit.objects.create(
        canvas=canvas,
        name=name,
        unit="%",
        baseline=0,
        baseline_date=today - timedelta(days=365),
        target=100,
        target_date=today + timedelta(days=365),
        owner="Someone",
    )
    if measured is not None:
        Measurement.objects.create(benefit=made, date=today - timedelta(days=1), value=measured)
    return made


def delivery_url(council) -> str:
    return reverse("portfolio", args=[council.slug]) + "?view=delivery"


def test_the_delivery_view_counts_the_statuses_and_shows_the_capex_variance(
    client, council, canvas, editor, led_canvas
):
    benefit(canvas, "On track", measured=50)
    benefit(canvas, "Met", measured=100)
    benefit(canvas, "Behind", measured=10)
    benefit(canvas, "Not measured", measured=None)
    outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2)
    CanvasFactory(council=council, owner=editor, title="Bike sharing")
    client.force_login(editor)

    content = client.get(delivery_url(council)).content.decode()

    table = content.split('id="delivery-caption"')[1].split("</table>")[0]
    led = table.split("LED street lighting")[1].split("</tr>")[0]
    counts = led.split('<td class="numeric">')[1:]
    # benefits, then met, green, amber, red, missed, no data
    assert [c.split("<")[0] for c in counts[:7]] == ["4", "1", "1", "0", "1", "0", "1"]
    assert "+15.00 %" in led
    bikes = table.split("Bike sharing")[1].split("</tr>")[0]
    assert "n/a" in bikes
    assert "Red" in table and "No data" in table  # the statuses are named in the headings


def test_the_scores_view_stays_the_default(client, council, editor, canvas):
    client.force_login(editor)

    content = client.get(reverse("portfolio", args=[council.slug])).content.decode()

    assert 'id="delivery-caption"' not in content
    assert "Scores of the council's canvases" in content or "No canvas matches" in content


def test_outsiders_see_no_delivery_view(client, council, outsider):
    client.force_login(outsider)

    assert client.get(delivery_url(council)).status_code == 404


def add_canvases(council, owner, count: int) -> None:
    for index in range(count):
        canvas = CanvasFactory(council=council, owner=owner, title=f"Service {index}")
        for name, measured in (("A", 50), ("B", 10), ("C", None)):
            benefit(canvas, name, measured=measured)
        Outturn.objects.create(canvas=canvas, actuals=[], capex_variance_pct=index * 1.5)


@pytest.mark.django_db
def test_the_delivery_view_costs_the_same_queries_for_more_canvases(client, council, editor):
    client.force_login(editor)
    add_canvases(council, editor, 2)
    client.get(delivery_url(council), HTTP_ACCEPT_LANGUAGE="en")  # warm the session

    with CaptureQueriesContext(connection) as few:
        response = client.get(delivery_url(council), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    add_canvases(council, editor, 12)
    with CaptureQueriesContext(connection) as many:
        response = client.get(delivery_url(council), HTTP_ACCEPT_LANGUAGE="en")

    assert response.content.decode().count("<tr>") == 15  # the heading row and 14 canvases
    assert len(many) == len(few)
