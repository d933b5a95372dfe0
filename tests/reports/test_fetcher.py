"""The report's URL fetcher serves the app's static files and the council logo, and
refuses everything else."""

import logging

import pytest

from canvas_app.reports.fetcher import REPORT_BASE_URL, FetchRefused, ReportFetcher

BASE = REPORT_BASE_URL.rstrip("/")
LOGO = "logos/ghent.png"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "ghent.png").write_bytes(b"\x89PNG\r\n\x1a\n logo")
    (tmp_path / "logos" / "porto.png").write_bytes(b"\x89PNG\r\n\x1a\n other")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n secret")
    return tmp_path


@pytest.fixture
def fetcher(media):
    return ReportFetcher(logo=LOGO)


def test_it_serves_the_report_stylesheet_from_the_static_files(fetcher):
    response = fetcher.fetch(f"{BASE}/static/css/report.css")
    assert response.content_type == "text/css"
    assert b".report" in response.read()


def test_it_serves_the_council_logo(fetcher):
    response = fetcher.fetch(f"{BASE}/media/logos/ghent.png")
    assert response.content_type == "image/png"
    assert response.read().endswith(b"logo")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://127.0.0.1:8000/",
        "http://127.0.0.1:8000/static/css/report.css",
        "https://example.org/",
        "https://example.org/static/css/report.css",
        "http://report.invalid/static/css/report.css",  # not the report's own scheme
        "https://report.invalid:443/static/css/report.css",
        "https://user@report.invalid/static/css/report.css",
        "https://report.invalid.example.org/static/css/report.css",
        "data:text/css,body{}",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://example.org/x.css",
        "gopher://example.org/",
        "javascript:alert(1)",
        "/static/css/report.css",  # not absolute: WeasyPrint always joins to the base first
        f"{BASE}/",
        f"{BASE}/settings.py",
        f"{BASE}/static/../settings.py",
        f"{BASE}/static/%2e%2e/smartcity/settings.py",
        f"{BASE}/static/css/../../smartcity/settings.py",
        f"{BASE}/static//etc/passwd",
        f"{BASE}/static/css/report.css?v=1",
        f"{BASE}/static/css/missing.css",
        f"{BASE}/static/css",  # a folder
        f"{BASE}/media/logos/../../etc/passwd",
        f"{BASE}/media/logos/%2e%2e/secret.png",
        f"{BASE}/media/logos/porto.png",  # another council's logo
        f"{BASE}/media/secret.png",
        f"{BASE}/media/logos/",
    ],
)
def test_it_refuses_any_other_address(fetcher, url):
    with pytest.raises(FetchRefused):
        fetcher.fetch(url)


def test_without_a_logo_no_media_file_is_served(media):
    with pytest.raises(FetchRefused):
        ReportFetcher(logo=None).fetch(f"{BASE}/media/logos/ghent.png")


def test_a_link_out_of_the_logo_folder_is_refused(media):
    (media / "logos" / "link.png").symlink_to(media / "secret.png")
    with pytest.raises(FetchRefused):
        ReportFetcher(logo="logos/link.png").fetch(f"{BASE}/media/logos/link.png")


def test_a_logo_that_is_not_a_bitmap_is_refused(media):
    (media / "logos" / "logo.svg").write_text("<svg/>")
    with pytest.raises(FetchRefused):
        ReportFetcher(logo="logos/logo.svg").fetch(f"{BASE}/media/logos/logo.svg")


def test_a_refusal_is_logged(fetcher, caplog):
    with (
        caplog.at_level(logging.WARNING, logger="canvas_app.reports.fetcher"),
        pytest.raises(FetchRefused),
    ):
        fetcher.fetch("file:///etc/passwd")
    assert "file:///etc/passwd" in caplog.text


def test_the_fetcher_has_no_url_handlers_to_fall_back_on(fetcher):
    # Even the urllib machinery underneath cannot open a file or a socket.
    assert fetcher.handlers == []
