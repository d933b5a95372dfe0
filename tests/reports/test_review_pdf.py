"""The post-implementation review PDF: the outturn of 9.2 and the benefits of 9.3 read back
from real PDFs; asked for, rendered by the worker, stored and served like the business
case; keyed by what it shows."""

from datetime import date

import pytest
from django.test import TestCase
from django.utils import translation
from django.utils.translation import gettext

from canvas_app.models import Report, ReportKind, ReportStatus
from canvas_app.presentation.formatting import eur
from canvas_app.reports.render import render_review_pdf
from canvas_app.reports.review_content import review_content
from canvas_app.services.benefits import benefit_update, measurement_add
from canvas_app.services.cards import card_update
from canvas_app.services.lifecycle import canvas_transition, decision_make
from canvas_app.services.outturn import outturn_set
from canvas_app.services.reports import (
    current_report,
    current_review_report,
    report_render,
    review_report_request,
)
from tests.factories import CardFactory, MembershipFactory, UserFactory

from . import section9
from .conftest import squeeze

pytestmark = pytest.mark.django_db

AS_OF = date(2027, 1, 1)  # the date of worked example 9.3
LESSONS = "Tender the lamps early: the supplier's lead time was nine months."


def review_at_9_3(canvas, language: str):
    return render_review_pdf(review_content(canvas, language, AS_OF))


def _approved(council, editor):
    """The LED retrofit of 6.1, approved with its benefits plan, then its actuals of 9.2."""
    with TestCase.captureOnCommitCallbacks(execute=True):  # scored before it is decided on
        canvas = section9.led_canvas(council, editor)
    section9.add_benefits(canvas, editor)
    approver = UserFactory(username="review-approver")
    MembershipFactory(council=council, user=approver, role="approver")
    canvas_transition(canvas=canvas, by=editor, to="consultation")
    canvas_transition(canvas=canvas, by=editor, to="review")
    decision_make(canvas=canvas, by=approver, outcome="approve", rationale="Good value.")
    outturn_set(canvas=canvas, by=editor, actuals=section9.ACTUALS_9_2, lessons_learned=LESSONS)
    canvas.refresh_from_db()
    return canvas, {}


@pytest.fixture(scope="module")
def review(make_case):
    return make_case(_approved, render=review_at_9_3)


@pytest.fixture(scope="module")
def spanish_review(make_case):
    return make_case(_approved, language="es", render=review_at_9_3)


def test_the_cover_names_the_service_the_date_and_the_approved_appraisal(review):
    cover = squeeze(review.texts[0])
    assert "Post-implementationreview" in cover
    assert "LEDstreetlighting" in cover and "Ghent" in cover
    assert "Reviewdate1January2027" in cover
    assert "Theapprovedappraisal(computed" in cover


def test_the_outturn_is_that_of_9_2(review):
    text = review.squeezed
    assert "Economicnetpresentvalue(ENPV)€3,653,440€3,266,684−€386,757" in text
    assert "Financialnetpresentvalue(FNPV)€3,164,324€2,778,599−€385,725" in text
    assert "Benefit-costratio2.59012.2576" in text
    assert "Simplepayback5.26years6.29years" in text


@pytest.mark.parametrize(
    "row",
    [
        "Capex0€2,000,000€2,300,000+€300,000+15.00%",
        "Opex1,2€40,000€40,000€00.00%",
        "Savings1,2€800,000€710,000−€90,000−11.25%",
    ],
)
def test_the_variances_are_those_of_9_2(review, row):
    assert row in review.squeezed


def test_the_flags_are_said_in_words(review):
    text = review.squeezed
    assert (
        squeeze(
            "Capex overran its estimate by +15.00 %, more than the 0 % optimism-bias "
            "uplift the appraisal allowed for."
        )
        in text
    )
    assert (
        squeeze("The revenue, savings and other benefits recorded are below 90 % of their estimate")
        in text
    )


def test_the_cumulative_net_flow_chart_is_drawn(review):
    assert "Cumulativenetflow:forecastandoutturn" in review.squeezed


@pytest.mark.parametrize(
    "row",
    [
        "Street-lightingelectricity", "2,100MWh/yr1Jan202750%50%Green:ontrack",
        "Residentssatisfiedwithlighting", "64%1Jan202715%67%Red:wellbehindplan",
        "Night-timeroadcasualties", "36peryr1Jan202740%50%Amber:behindplan",
        "Complaintsaboutdarkstreets", "—n/a50%Nodata:nomeasurementyet",
    ],
)  # fmt: skip
def test_the_benefits_carry_their_status_of_9_3(review, row):
    benefits = review.squeezed[review.squeezed.index("3.BenefitsrealisationEach") :]
    assert row in benefits


def test_the_lessons_learned_are_printed(review):
    assert squeeze(LESSONS) in review.squeezed


def test_the_spanish_review_writes_its_numbers_the_spanish_way(spanish_review):
    with translation.override("es"):
        overrun = eur(300_000)
        heading = gettext("2. Variances")  # Spanish once the catalogue has it

    text = spanish_review.squeezed
    assert "+15,00%" in text and "−11,25%" in text
    assert overrun.endswith(" €") and squeeze(f"+{overrun}") in text
    assert "€300,000" not in text
    assert squeeze(heading) in text


# Asked for, rendered by the worker, stored, keyed by what it shows ---------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def reviewed(council, editor, media, django_capture_on_commit_callbacks):
    """The LED retrofit, not approved, with its actuals, lessons and benefits."""
    with django_capture_on_commit_callbacks(execute=True):
        canvas = section9.led_canvas(council, editor)
    benefits = section9.add_benefits(canvas, editor, extra=False)
    outturn_set(canvas=canvas, by=editor, actuals=section9.ACTUALS_9_2, lessons_learned=LESSONS)
    return canvas, benefits


def _text(report: Report) -> str:
    import io

    from pypdf import PdfReader

    with report.pdf.open("rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    return squeeze("".join(page.extract_text() for page in reader.pages))


def test_the_review_is_rendered_by_the_worker_and_stored_once(
    reviewed, approver, django_capture_on_commit_callbacks
):
    canvas, _benefits = reviewed
    with django_capture_on_commit_callbacks(execute=True):
        first = review_report_request(canvas=canvas, by=approver)
    second = review_report_request(canvas=canvas, by=approver)

    stored = Report.objects.get(pk=first.pk)
    assert second.pk == first.pk and second.status == ReportStatus.DONE
    assert stored.kind == ReportKind.REVIEW and stored.pages >= 3
    assert current_review_report(canvas) == stored
    assert current_report(canvas) is None  # the business case is a report of its own
    text = _text(stored)
    assert "Notanapprovedappraisal" in text
    assert "+15.00%" in text and "−11.25%" in text


def test_a_changed_benefit_measurement_or_actual_makes_a_new_review(
    reviewed, editor, approver, django_capture_on_commit_callbacks
):
    canvas, benefits = reviewed
    fingerprints = [review_content(canvas).fingerprint()]

    benefit_update(benefit=benefits[0], by=editor, target=1000)
    fingerprints.append(review_content(canvas).fingerprint())
    measurement_add(benefit=benefits[1], by=editor, date=date(2026, 9, 1), value=63)
    fingerprints.append(review_content(canvas).fingerprint())
    outturn_set(canvas=canvas, by=editor, actuals=[{"year": 0, "capex": 2_100_000}])
    fingerprints.append(review_content(canvas).fingerprint())
    outturn_set(canvas=canvas, by=editor, lessons_learned="Another lesson.")
    fingerprints.append(review_content(canvas).fingerprint())

    assert len(set(fingerprints)) == len(fingerprints)


def test_what_the_review_does_not_show_leaves_its_fingerprint_alone(reviewed, editor):
    canvas, _benefits = reviewed
    card = CardFactory(canvas=canvas, block="public_value", text="Lower bills", position=0)
    before = review_content(canvas, as_of=AS_OF).fingerprint()

    card_update(card=card, by=editor, based_on_version=card.version, text="Brighter streets")
    outturn_set(canvas=canvas, by=editor, actuals=section9.ACTUALS_9_2)  # the same again

    assert review_content(canvas, as_of=AS_OF).fingerprint() == before
    assert review_content(canvas, "es", as_of=AS_OF).fingerprint() != before
    assert review_content(canvas, as_of=date(2027, 1, 2)).fingerprint() != before


def test_a_review_asked_for_before_a_change_is_not_rendered_with_new_content(
    reviewed, editor, approver
):
    canvas, _benefits = reviewed
    report = review_report_request(canvas=canvas, by=approver)
    outturn_set(canvas=canvas, by=editor, lessons_learned="Changed meanwhile.")

    report_render(report_id=report.pk)

    failed = Report.objects.get(pk=report.pk)
    assert failed.status == ReportStatus.FAILED and "changed" in failed.error


# The API: the report endpoints take kind "review" -------------------------------------


def test_the_report_api_makes_and_serves_the_review(
    api_as, reviewed, approver, django_capture_on_commit_callbacks
):
    canvas, _benefits = reviewed
    client = api_as(approver)
    url = f"/api/v1/canvases/{canvas.pk}/report/"

    missing = client.get(url, {"kind": "review"})
    with django_capture_on_commit_callbacks(execute=True):
        requested = client.post(url, {"kind": "review"}, format="json")
    done = client.post(url, {"kind": "review", "language": "en"}, format="json")
    status = client.get(url, {"kind": "review"})
    pdf = client.get(done.json()["download_url"])

    assert missing.status_code == 404
    assert requested.status_code == 202 and requested.json()["kind"] == "review"
    assert done.status_code == 200 and done.json()["id"] == requested.json()["id"]
    assert done.json()["download_url"].endswith("&kind=review")
    assert status.status_code == 200 and status.json()["status"] == "done"
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    assert "post-implementation-review-" in pdf["Content-Disposition"]
    assert client.get(url).status_code == 404  # no business case was asked for


@pytest.mark.parametrize("method", ["get", "post", "pdf"])
def test_an_unknown_report_kind_is_a_400_naming_the_field(api_as, reviewed, approver, method):
    canvas, _benefits = reviewed
    client, url = api_as(approver), f"/api/v1/canvases/{canvas.pk}/report/"
    if method == "post":
        response = client.post(url, {"kind": "memo"}, format="json")
    else:
        response = client.get(url + ("pdf/" if method == "pdf" else ""), {"kind": "memo"})

    assert response.status_code == 400
    assert "kind" in response.json()


def test_the_review_of_another_council_is_not_found(api_as, client, reviewed, outsider):
    canvas, _benefits = reviewed
    api, url = api_as(outsider), f"/api/v1/canvases/{canvas.pk}/report/"
    assert api.get(url, {"kind": "review"}).status_code == 404
    assert api.post(url, {"kind": "review"}, format="json").status_code == 404
    assert api.get(url + "pdf/", {"kind": "review"}).status_code == 404
    client.force_login(outsider)
    assert client.post(f"/canvases/{canvas.pk}/outturn/review-pdf/").status_code == 404
    assert client.get(f"/canvases/{canvas.pk}/outturn/review-pdf/status/").status_code == 404
    assert client.get(f"/canvases/{canvas.pk}/outturn/review-pdf/pdf/").status_code == 404


def test_the_openapi_schema_documents_the_review_kind():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    report = schema["paths"]["/api/v1/canvases/{canvas_pk}/report/"]
    kinds = {p["name"]: p for p in report["get"]["parameters"]}["kind"]["schema"]["enum"]
    request = report["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    body = schema["components"]["schemas"][request.rsplit("/", 1)[1]]

    assert set(kinds) == {"business_case", "review"}
    assert "kind" in body["properties"]
    assert {"200", "202", "400", "404"} <= set(report["post"]["responses"])


# The outturn page's panel -------------------------------------------------------------


def test_the_outturn_page_offers_the_review_pdf_then_its_download(
    client, reviewed, viewer, django_capture_on_commit_callbacks
):
    canvas, _benefits = reviewed
    client.force_login(viewer)
    page = f"/canvases/{canvas.pk}/outturn/"

    before = client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(f"/canvases/{canvas.pk}/outturn/review-pdf/", {"language": "en"})
    after = client.get(page).content.decode()
    download = client.get(f"/canvases/{canvas.pk}/outturn/review-pdf/pdf/?language=en")

    assert "Prepare the post-implementation review PDF" in before
    assert "Download the review PDF" not in before
    assert asked.status_code == 302 and asked["Location"].endswith("?language=en#review-pdf")
    assert "Download the review PDF" in after
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_with_htmx_the_panel_swaps_itself_and_polls_while_the_pdf_renders(client, reviewed, editor):
    canvas, _benefits = reviewed
    client.force_login(editor)
    htmx = {"HTTP_HX_REQUEST": "true"}

    asked = client.post(f"/canvases/{canvas.pk}/outturn/review-pdf/", **htmx)
    polled = client.get(f"/canvases/{canvas.pk}/outturn/review-pdf/status/", **htmx)

    for response in (asked, polled):
        html = response.content.decode()
        assert response.status_code == 200 and html.lstrip().startswith("<section")
        assert 'id="review-pdf"' in html and 'hx-trigger="every 1s"' in html
        assert "Making the PDF" in html


def test_the_download_is_a_404_until_the_review_is_made(client, reviewed, editor):
    canvas, _benefits = reviewed
    client.force_login(editor)
    assert client.get(f"/canvases/{canvas.pk}/outturn/review-pdf/pdf/").status_code == 404
