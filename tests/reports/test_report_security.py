"""User text in a business case is printed as text: nothing in it is fetched or run."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from canvas_app.models import Canvas, Card, FundingSource, Milestone, Partner
from canvas_app.reports import fetcher as report_fetcher
from canvas_app.reports.content import report_content
from canvas_app.reports.context import DEFAULT_ACCENT, accent_colour
from canvas_app.reports.html import render_html

from .conftest import squeeze

pytestmark = pytest.mark.django_db


class _Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { background: red }")

    def log_message(self, *args) -> None:
        pass


def _hostile_texts(port: int) -> list[str]:
    here = f"http://127.0.0.1:{port}"
    return [
        '<img src="file:///etc/passwd">',
        f'<link rel=stylesheet href="{here}/x.css">',
        f'<img src="{here}/y.png">',
        "<script>alert(1)</script>",
        "<style>body { background: url(file:///etc/hostname) }</style>",
        "url(file:///etc/hostname)",
        f'<svg><image href="{here}/svg.png"/></svg>',
        f'<iframe src="{here}/frame"></iframe>',
    ]


def _hostile_canvas(council, editor, port: int) -> tuple[Canvas, dict]:
    here = f"http://127.0.0.1:{port}"
    texts = _hostile_texts(port)
    council.name = f'<img src="{here}/council.png">'
    council.save()
    canvas = Canvas.objects.create(
        council=council,
        owner=editor,
        title=f'<img src="{here}/title.png"> & "quotes"',
        summary=f'<base href="{here}/"><link rel=stylesheet href="x.css">',
    )
    Card.objects.bulk_create(
        Card(canvas=canvas, block=block, text=text, tag='"><b>x', position=position)
        for position, text in enumerate(texts)
        for block in ("public_value", "key_activities", "funding")
    )
    partner = Partner.objects.create(
        canvas=canvas, kind="company", organisation=f'<object data="{here}/partner">'
    )
    Milestone.objects.create(
        canvas=canvas, name=f'<embed src="{here}/milestone">', due_date="2027-01-31", owner=partner
    )
    FundingSource.objects.create(canvas=canvas, name=f'<img src="{here}/fund.png">', amount=1)
    return canvas, {"texts": texts, "title": canvas.title, "council": council.name}


@pytest.fixture(scope="module")
def hostile(make_case):
    """The hostile canvas's PDF, the requests a local web server got while it was
    rendered, and every URL WeasyPrint asked the report's fetcher for."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    asked: list[str] = []
    fetch = report_fetcher.ReportFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return fetch(self, url, headers)

    port = server.server_address[1]
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(report_fetcher.ReportFetcher, "fetch", spy)
            case = make_case(lambda council, editor: _hostile_canvas(council, editor, port))
    finally:
        server.shutdown()
        server.server_close()
    return case, list(_Recorder.requests), asked


def test_markup_in_user_text_is_printed_literally(hostile):
    case, _, _ = hostile
    for text in case.extra["texts"] + [case.extra["title"], case.extra["council"]]:
        assert squeeze(text) in case.squeezed, text


def test_rendering_hostile_text_makes_no_request(hostile):
    _, requests, _ = hostile
    assert requests == []


def test_the_renderer_asks_only_for_the_report_stylesheet(hostile):
    _, _, asked = hostile
    assert asked == [f"{report_fetcher.REPORT_BASE_URL}static/css/report.css"]


def test_no_image_is_embedded_from_user_text(hostile):
    case, _, _ = hostile
    assert all(not page.images for page in case.reader.pages)


def test_a_canvas_without_assessment_says_so_plainly(hostile):
    case, _, _ = hostile
    assert "No impact assessment has been computed for this canvas yet" in "".join(case.texts)
    assert 5 <= case.pdf.pages <= 20


def test_the_html_escapes_user_text(card, canvas):
    Card.objects.filter(pk=card.pk).update(text="<script>alert(1)</script>")
    html = render_html(report_content(canvas), standalone=False)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_shared_fragment_has_no_wrapper_and_no_inline_style(canvas):
    html = render_html(report_content(canvas), standalone=False)
    assert "<html" not in html
    assert "<style" not in html and "style=" not in html  # the page's CSP forbids them
    assert 'id="report-canvas"' in html


@pytest.mark.parametrize(
    "colour, expected",
    [
        ("#00703c", "#00703c"),
        ("#ABCDEF", "#ABCDEF"),
        ("red", DEFAULT_ACCENT),
        ("#fff}</", DEFAULT_ACCENT),
        ("#00703c;}", DEFAULT_ACCENT),
        ("", DEFAULT_ACCENT),
    ],
)
def test_only_a_plain_hex_colour_reaches_the_style_element(colour, expected):
    assert accent_colour(colour) == expected


def test_the_pdf_document_links_the_stylesheet_and_sets_the_council_colour(council, canvas):
    council.colour = "#00703c"
    council.save()
    html = render_html(report_content(canvas), standalone=True)
    assert '<link rel="stylesheet" href="/static/css/report.css">' in html
    assert ".report { --accent: #00703c; }" in html
