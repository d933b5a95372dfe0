"""The council's logo, the fit of the canvas page and the shape of the figures."""

import io
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from pypdf import PdfReader

from canvas_app.framework import BLOCKS
from canvas_app.models import Card
from canvas_app.reports import render
from canvas_app.reports.content import report_content
from canvas_app.reports.context import _year_runs, report_context
from canvas_app.reports.layout import FIT_SIZES_PT, OVERFLOW_FIT, CanvasFit, canvas_fit
from canvas_app.reports.render import render_pdf
from canvas_app.selectors import canvas_board


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (0, 112, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_council_logo_is_on_the_cover(council, canvas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    council.logo.save("ghent.png", ContentFile(_png()))

    reader = PdfReader(io.BytesIO(render_pdf(report_content(canvas)).data))

    # WeasyPrint shares one resource dictionary between pages, so only the cover is
    # checked: the hostile-text tests show that no other image is ever embedded.
    [logo] = reader.pages[0].images
    assert logo.image.size == (40, 20)


def _cards(canvas, *, per_block: int, words: int) -> None:
    text = " ".join(["maintenance"] * words)
    Card.objects.bulk_create(
        Card(canvas=canvas, block=block.key, text=text, position=i)
        for block in BLOCKS
        for i in range(per_block)
    )


def test_a_short_canvas_gets_the_largest_type(canvas):
    _cards(canvas, per_block=2, words=6)
    fit = canvas_fit(canvas_board(canvas))
    assert (fit.index, fit.one_page) == (0, True)


def test_a_fuller_canvas_gets_smaller_type_on_one_page(canvas):
    _cards(canvas, per_block=4, words=8)
    fit = canvas_fit(canvas_board(canvas))
    assert fit.one_page
    assert 0 < fit.index < len(FIT_SIZES_PT)


def test_a_canvas_too_full_for_one_page_runs_over_at_a_readable_size(canvas):
    _cards(canvas, per_block=15, words=30)
    fit = canvas_fit(canvas_board(canvas))
    assert (fit.index, fit.one_page) == (OVERFLOW_FIT, False)
    assert FIT_SIZES_PT[fit.index] >= 6


def test_alike_years_share_one_row():
    year = {"capex": 0, "opex": 5, "revenue": 0, "savings": 9, "other_benefits": 0}
    flows = [{"capex": 100, "opex": 0, "revenue": 0, "savings": 0, "other_benefits": 0}]
    flows += [dict(year) for _ in range(3)] + [{**year, "savings": 10}]
    for t, row in enumerate(flows):
        row.update(t=t, residual_value=0, financial_net_flow=0, economic_net_flow=0)
    runs = _year_runs(flows)
    assert [(first["t"], last["t"]) for first, last in runs] == [
        (0, 0),
        (1, 3),
        (4, 4),
    ]


@pytest.mark.parametrize("stacked", [("key_activities", "key_resources")])
def test_the_canvas_markup_keeps_the_reading_order(canvas, stacked):
    bands = report_context(report_content(canvas))["canvas_bands"]
    keys = [cell.entry.block.key for band in bands for area in band.areas for cell in area.cells]
    assert keys == [block.key for block in BLOCKS]
    creation = next(area for area in bands[0].areas if area.name == "creation")
    assert tuple(cell.entry.block.key for cell in creation.cells) == stacked


class _FakeDocument:
    def __init__(self, landscape: int) -> None:
        portrait, wide = (
            SimpleNamespace(width=595, height=842),
            SimpleNamespace(width=842, height=595),
        )
        self.pages = [portrait] + [wide] * landscape + [portrait]

    def write_pdf(self, **options) -> bytes:
        return b"%PDF"


@pytest.mark.parametrize(
    "one_page, spills_until, expected",
    [
        (True, 0, [0]),  # the estimate was right: one layout
        (True, 1, [0, 1]),  # too hopeful: one step down
        (True, 9, [0, 1, 2]),  # never fits: at most two retries
        (False, 9, [3]),  # expected to run over: no retry at all
    ],
)
def test_a_canvas_that_spills_is_laid_out_again_with_smaller_type(
    canvas, monkeypatch, one_page, spills_until, expected
):
    tried: list[int] = []

    def layout(content, fit):
        tried.append(fit)
        return _FakeDocument(landscape=2 if fit < spills_until else 1)

    start = 0 if one_page else OVERFLOW_FIT
    monkeypatch.setattr(render, "canvas_fit", lambda board: CanvasFit(start, one_page))
    monkeypatch.setattr(render, "_layout", layout)

    rendered = render.render_pdf(report_content(canvas))

    assert tried == expected
    assert rendered.data == b"%PDF"
