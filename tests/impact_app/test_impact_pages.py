import pytest
from django.urls import reverse

from canvas_app.models import Assessment, ImpactInputs
from canvas_app.services.impact import impact_inputs_update

from ..factories import CanvasFactory


def form_data(values: dict) -> dict:
    return {key: "" if value is None else value for key, value in values.items()}


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


def test_the_inputs_form_saves_and_the_results_page_shows_the_scores(
    signed_in, canvas, led_inputs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(reverse("impact-inputs", args=[canvas.pk]), form_data(led_inputs))

    assert response["Location"] == reverse("impact-results", args=[canvas.pk])
    page = signed_in.get(response["Location"]).content.decode()
    assert "77.4" in page and "80.0" in page and "55.0" in page
    assert "€3,164,324" in page  # FNPV
    assert "100 × clamp(1 − 5.263 ÷ 20) = 73.68" in page  # why EC2 is what it is
    assert 'role="img"' in page  # the SVG charts


def test_a_schedule_typed_in_the_table_replaces_the_single_amount(signed_in, canvas, led_inputs):
    data = form_data({**led_inputs, "lifetime_years": 3})
    data.update({"capex-0": "1,000,000", "capex-1": "500000", "capex-2": "", "capex-3": "0"})

    signed_in.post(reverse("impact-inputs", args=[canvas.pk]), data)

    values = ImpactInputs.objects.get(canvas=canvas).values
    assert values["capex_schedule"] == [1_000_000, 500_000, 0, 0]
    assert values["opex_schedule"] is None


@pytest.mark.parametrize(
    "change, message",
    [
        (
            {"capex": "-5"},
            "Investment (capex) (EUR): Ensure this value is greater than or equal to 0.",
        ),
        (
            {"lifetime_years": "0"},
            "Lifetime (years): Ensure this value is greater than or equal to 1.",
        ),
        ({"users_served": "200000"}, "Users served cannot exceed"),
        ({"opex": "nan"}, "Operating cost per year (EUR/year): Enter a number."),
        ({"rating_inclusion": "7"}, "Inclusion and equity: Select a valid choice."),
        ({"capex-0": "lots"}, "“lots” is not a number"),
    ],
)
def test_bad_inputs_are_explained_at_the_top_of_the_form(
    signed_in, canvas, led_inputs, change, message
):
    response = signed_in.post(
        reverse("impact-inputs", args=[canvas.pk]), {**form_data(led_inputs), **change}
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    assert message in content
    assert not ImpactInputs.objects.exists()


def test_a_canvas_without_inputs_invites_to_enter_them(signed_in, canvas):
    page = signed_in.get(reverse("impact-results", args=[canvas.pk])).content.decode()
    board = signed_in.get(reverse("canvas-detail", args=[canvas.pk])).content.decode()

    assert "No impact inputs yet" in page
    assert "Enter impact inputs" in board


def test_a_pending_assessment_is_announced_and_polled(signed_in, canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)  # not committed: queued

    page = signed_in.get(reverse("impact-results", args=[canvas.pk])).content.decode()
    status = signed_in.get(reverse("impact-status", args=[canvas.pk]), HTTP_HX_REQUEST="true")

    assert "Computing the scores" in page
    assert f'hx-get="{reverse("impact-status", args=[canvas.pk])}"' in page
    assert status.status_code == 200 and "Computing the scores" in status.content.decode()


def test_the_status_poll_asks_for_a_refresh_once_done(
    signed_in, canvas, editor, led_inputs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)

    response = signed_in.get(reverse("impact-status", args=[canvas.pk]), HTTP_HX_REQUEST="true")

    assert response.status_code == 204
    assert response["HX-Refresh"] == "true"


def test_a_stale_result_is_marked(
    signed_in, canvas, editor, led_inputs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)
    impact_inputs_update(canvas=canvas, by=editor, values={**led_inputs, "opex": 1})
    Assessment.objects.filter(status="queued").update(status="failed", error="worker lost")

    page = signed_in.get(reverse("impact-results", args=[canvas.pk])).content.decode()

    assert "The last assessment failed" in page
    assert "77.4" in page  # the previous result is still shown


def test_the_impact_blocks_show_their_scores(
    signed_in, canvas, editor, led_inputs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)

    board = signed_in.get(reverse("canvas-detail", args=[canvas.pk])).content.decode()

    assert board.count('class="score-badge"') == 3
    assert "77.4" in board and "80.0" in board and "55.0" in board


def test_the_funding_page_saves_a_plan(signed_in, canvas):
    data = {
        "funding-TOTAL_FORMS": "2",
        "funding-INITIAL_FORMS": "0",
        "funding-0-name": "ERDF",
        "funding-0-kind": "eu_grant",
        "funding-0-amount": "800000",
        "funding-1-name": "",
        "funding-1-kind": "own_budget",
        "funding-1-amount": "",
    }

    response = signed_in.post(reverse("funding", args=[canvas.pk]), data)

    assert response.status_code == 302
    assert list(canvas.funding_sources.values_list("name", "amount")) == [("ERDF", 800_000)]


def test_the_portfolio_sorts_by_score(
    signed_in, council, editor, led_inputs, django_capture_on_commit_callbacks
):
    from canvas_app.examples import EXAMPLES

    for key, title in (("led-street-lighting", "LED"), ("bike-sharing", "Bikes")):
        canvas = CanvasFactory(council=council, owner=editor, title=title)
        with django_capture_on_commit_callbacks(execute=True):
            impact_inputs_update(canvas=canvas, by=editor, values=EXAMPLES[key].impact_inputs)
    CanvasFactory(council=council, owner=editor, title="Unscored")
    url = reverse("portfolio", args=[council.slug])

    by_social = signed_in.get(url, {"ordering": "-social"}).content.decode()
    by_overall = signed_in.get(url, {"ordering": "-overall"}).content.decode()

    def order(page: str) -> list[str]:
        return sorted(("LED", "Bikes", "Unscored"), key=lambda t: page.index(f">{t}</a>"))

    assert order(by_social) == ["Bikes", "LED", "Unscored"]  # 60.5, 55.0, n/a last
    assert order(by_overall) == ["LED", "Bikes", "Unscored"]  # 70.8, 41.0, n/a last
    # the chart, named by its title and description; its bubbles link to the canvases
    assert 'role="graphics-document" aria-labelledby="portfolio-title portfolio-desc"' in by_overall


def test_only_admins_can_change_parameters_on_the_page(client, council, editor, admin_user):
    url = reverse("council-parameters", args=[council.slug])
    client.force_login(editor)
    read_only = client.get(url).content.decode()
    refused = client.post(url, {"carbon_price": "100"})

    assert "Only the council's admins can change these values" in read_only
    assert refused.status_code == 403
    client.force_login(admin_user)
    page = client.get(url).content.decode()
    assert "EIB shadow cost of carbon" in page  # the source of each default is shown
