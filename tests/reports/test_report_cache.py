"""Reports are stored under the fingerprint of what they show: an unchanged canvas is
served from storage, a changed one gets a new PDF."""

import pytest

from canvas_app.examples import EXAMPLES
from canvas_app.models import Report, ReportStatus
from canvas_app.services import reports
from canvas_app.services.cards import card_update
from canvas_app.services.exchange import canvas_create_from_example
from canvas_app.services.reports import current_report, report_render, report_request


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def waste(council, editor, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return canvas_create_from_example(
            council=council, by=editor, example=EXAMPLES["waste-sensors"]
        )


@pytest.fixture
def renders(monkeypatch):
    """Count real renders, letting each one happen."""
    calls = []
    original = reports.report_render

    def counting(*, report_id):
        calls.append(report_id)
        return original(report_id=report_id)

    monkeypatch.setattr(reports, "report_render", counting)
    return calls


def test_an_unchanged_canvas_is_rendered_once(
    waste, approver, renders, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = report_request(canvas=waste, by=approver)
    with django_capture_on_commit_callbacks(execute=True):
        second = report_request(canvas=waste, by=approver)

    assert first.pk == second.pk
    assert len(renders) == 1
    stored = Report.objects.get(pk=first.pk)
    assert stored.status == ReportStatus.DONE and stored.pages >= 8
    assert stored.pdf.read(5) == b"%PDF-"


def test_a_card_change_makes_a_new_report(
    waste, editor, approver, renders, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        before = report_request(canvas=waste, by=approver)
    card = waste.cards.first()
    card_update(card=card, by=editor, based_on_version=card.version, text="A new first card")

    assert current_report(waste) is None  # the stored PDF shows the old card
    with django_capture_on_commit_callbacks(execute=True):
        after = report_request(canvas=waste, by=approver)

    assert after.pk != before.pk and len(renders) == 2
    assert Report.objects.get(pk=after.pk).status == ReportStatus.DONE


def test_rendering_twice_does_nothing_the_second_time(waste, approver):
    report = report_request(canvas=waste, by=approver)

    report_render(report_id=report.pk)
    finished = Report.objects.get(pk=report.pk).finished_at

    assert report_render(report_id=report.pk) is None
    assert Report.objects.get(pk=report.pk).finished_at == finished


def test_a_report_asked_for_before_a_change_is_not_rendered_with_new_content(
    waste, editor, approver
):
    report = report_request(canvas=waste, by=approver)
    card = waste.cards.first()
    card_update(card=card, by=editor, based_on_version=card.version, text="Changed meanwhile")

    report_render(report_id=report.pk)

    failed = Report.objects.get(pk=report.pk)
    assert failed.status == ReportStatus.FAILED and "changed" in failed.error


def test_the_download_is_served_from_storage(
    client, waste, approver, django_capture_on_commit_callbacks, renders
):
    client.force_login(approver)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/canvases/{waste.pk}/report/render/")

    first = client.get(f"/canvases/{waste.pk}/report/pdf/")
    again = client.get(f"/canvases/{waste.pk}/report/pdf/")

    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert b"".join(again.streaming_content).startswith(b"%PDF-")
    assert len(renders) == 1


def test_the_report_api_answers_202_then_200(
    api_as, waste, approver, django_capture_on_commit_callbacks
):
    client = api_as(approver)

    missing = client.get(f"/api/v1/canvases/{waste.pk}/report/")
    with django_capture_on_commit_callbacks(execute=True):  # rendered once it commits
        requested = client.post(f"/api/v1/canvases/{waste.pk}/report/")
    done = client.post(f"/api/v1/canvases/{waste.pk}/report/")
    pdf = client.get(f"/api/v1/canvases/{waste.pk}/report/pdf/")

    assert missing.status_code == 404
    assert requested.status_code == 202
    assert done.status_code == 200 and done.json()["download_url"]
    assert pdf.status_code == 200


def test_the_report_of_another_council_is_not_found(api_as, client, waste, outsider):
    assert api_as(outsider).get(f"/api/v1/canvases/{waste.pk}/report/").status_code == 404
    assert api_as(outsider).post(f"/api/v1/canvases/{waste.pk}/report/").status_code == 404
    client.force_login(outsider)
    assert client.get(f"/canvases/{waste.pk}/report/pdf/").status_code == 404
