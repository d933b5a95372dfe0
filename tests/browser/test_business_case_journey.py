import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from canvas_app.examples import EXAMPLES
from canvas_app.services.exchange import canvas_create_from_example

from .conftest import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_approver_makes_downloads_and_shares_the_business_case(
    page, browser, live_server, sign_in, editor, approver, council, tmp_path
):
    canvas = canvas_create_from_example(
        council=council, by=editor, example=EXAMPLES["waste-sensors"]
    )
    sign_in("approver")
    page.goto(f"/canvases/{canvas.pk}/")
    page.get_by_role("link", name="Business case PDF").click()
    page.get_by_role("button", name="Make the PDF").click()

    download_link = page.get_by_role("link", name="Download the PDF")
    expect(download_link).to_be_visible(timeout=30_000)
    with page.expect_download() as download:
        download_link.click()
    pdf_path = tmp_path / "business-case.pdf"
    download.value.save_as(pdf_path)
    text = " ".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert "Sensor-based waste collection" in " ".join(text.split())

    page.get_by_role("link", name="Share it with a link").click()
    page.get_by_label("Label").fill("Regional innovation fund")
    page.get_by_role("button", name="Create a link").click()
    link = page.get_by_label("Share link").input_value()
    assert serious_violations(page) == []

    anonymous = browser.new_context(base_url=live_server.url, accept_downloads=True)
    try:
        public = anonymous.new_page()
        public.goto(link)
        expect(public.get_by_role("heading", level=1).first).to_contain_text(
            "Sensor-based waste collection"
        )
        expect(
            public.get_by_text("Fill-level sensors in 2,500 street containers").first
        ).to_be_visible()
        assert serious_violations(public) == []
        with public.expect_download() as shared_pdf:
            public.get_by_role("link", name="Download the PDF").click()
        assert shared_pdf.value.suggested_filename.endswith(".pdf")
    finally:
        anonymous.close()
