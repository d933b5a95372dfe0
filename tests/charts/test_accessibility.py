"""Every chart is a named, described image that parses as XML, whatever the input."""

import pytest

from canvas_app.charts import BubblePoint, portfolio_bubbles, score_bars, tornado

from .helpers import SVG, find_all, parse

ROWS = [
    {"variable": "capex", "label": "Investment (capex)", "enpv_minus_20": 4.05e6,
     "enpv_plus_20": 3.25e6, "swing": 8e5},
]  # fmt: skip

CHARTS = {
    "scores": lambda: score_bars({"economic": 77.42, "environmental": None}, id_prefix="c1"),
    "tornado": lambda: tornado(ROWS, base=3.65e6, id_prefix="c1"),
    "tornado, nothing to show": lambda: tornado([], base=0.0, id_prefix="c1"),
    "portfolio": lambda: portfolio_bubbles([BubblePoint("A", 50, 50, 1e6)], id_prefix="c1"),
    "portfolio, empty": lambda: portfolio_bubbles([], id_prefix="c1"),
}


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_each_chart_is_an_image_named_by_its_own_title_and_description(make):
    root = parse(make())

    assert root.tag == f"{SVG}svg"
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-labelledby"] == "c1-title c1-desc"
    assert root.find(f"{SVG}title").attrib["id"] == "c1-title"
    assert root.find(f"{SVG}desc").attrib["id"] == "c1-desc"
    assert root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").text


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_each_chart_has_a_fixed_size_and_a_matching_view_box(make):
    root = parse(make())

    width, height = root.attrib["width"], root.attrib["height"]
    assert root.attrib["viewBox"] == f"0 0 {width} {height}"


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_each_chart_uses_only_plain_svg_with_presentation_attributes(make):
    svg = make()
    allowed = {"svg", "g", "rect", "line", "circle", "text", "title", "desc", "path", "a"}

    nodes = list(parse(svg).iter())
    assert {node.tag.removeprefix(SVG) for node in nodes} <= allowed
    assert not [node for node in nodes if "style" in node.attrib]
    assert "var(" not in svg
    assert "url(" not in svg


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_the_same_input_gives_byte_identical_output(make):
    assert make() == make()


def test_two_charts_on_one_page_get_different_ids():
    first = parse(score_bars({}, id_prefix="canvas-1-scores"))
    second = parse(score_bars({}, id_prefix="canvas-2-scores"))

    ids = [n.attrib["id"] for root in (first, second) for n in root.iter() if "id" in n.attrib]
    assert len(ids) == len(set(ids)) == 4


@pytest.mark.parametrize("prefix", ["", "two words", 'x"><script>', "1abc"])
def test_an_id_prefix_that_is_not_a_plain_name_is_refused(prefix):
    with pytest.raises(ValueError):
        score_bars({}, id_prefix=prefix)


def test_a_user_title_is_escaped_in_the_title_and_the_heading():
    svg = score_bars({}, id_prefix="s", title='<script>alert(1)</script> & "quoted"')
    root = parse(svg)

    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;" in svg
    assert root.find(f"{SVG}title").text == '<script>alert(1)</script> & "quoted"'
    assert not find_all(root, "script")
