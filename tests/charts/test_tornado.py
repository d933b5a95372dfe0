"""The ENPV tornado: widest swing on top, zero swings left out, bars grown from the base."""

import pytest

from canvas_app.charts import tornado

from .helpers import SVG, find_all, number, parse, texts

# The sensitivity rows of the LED retrofit worked example (IMPACT_METHOD.md, 6.1).
LED_BASE = 3_653_440.45
LED_ROWS = [
    {"variable": "capex", "label": "Investment (capex)", "enpv_minus_20": 4_053_440.45,
     "enpv_plus_20": 3_253_440.45, "swing": 800_000.0},
    {"variable": "opex", "label": "Operating cost", "enpv_minus_20": 3_712_950.35,
     "enpv_plus_20": 3_593_930.55, "swing": 119_019.80},
    {"variable": "revenue", "label": "Revenue", "enpv_minus_20": LED_BASE,
     "enpv_plus_20": LED_BASE, "swing": 0.0},
    {"variable": "savings", "label": "Savings", "enpv_minus_20": 2_463_242.46,
     "enpv_plus_20": 4_843_638.44, "swing": 2_380_395.98},
    {"variable": "other_benefits", "label": "Other benefits", "enpv_minus_20": LED_BASE,
     "enpv_plus_20": LED_BASE, "swing": 0.0},
]  # fmt: skip


def bars(root) -> list:
    """The bars in drawing order: the rects that carry a tooltip."""
    return [r for r in find_all(root, "rect") if r.find(f"{SVG}title") is not None]


def base_x(root) -> float:
    (line,) = [n for n in find_all(root, "line") if n.attrib.get("class") == "base"]
    assert line.attrib["x1"] == line.attrib["x2"]
    return number(line, "x1")


def test_rows_are_sorted_by_swing_widest_on_top():
    root = parse(tornado(LED_ROWS, base=LED_BASE, id_prefix="t"))

    names = [r.find(f"{SVG}title").text.split(" \u2212")[0] for r in bars(root)[::2]]
    assert names == ["Savings", "Investment (capex)", "Operating cost"]


def test_rows_with_no_swing_are_left_out_and_named_in_the_description():
    root = parse(tornado(LED_ROWS, base=LED_BASE, id_prefix="t"))

    assert len(bars(root)) == 6
    assert "Revenue" not in texts(root)
    assert "Left out, no effect on ENPV: Revenue, Other benefits." in root.find(f"{SVG}desc").text


def test_the_base_line_sits_at_the_x_of_the_base_on_the_axis():
    root = parse(tornado(LED_ROWS, base=LED_BASE, id_prefix="t"))
    grid = [number(n, "x1") for n in find_all(root, "line") if n.attrib.get("stroke") == "#b1b4b6"]

    assert [t for t in texts(root) if t.endswith(" M") and "." not in t] == [
        "€2 M", "€3 M", "€4 M", "€5 M",
    ]  # fmt: skip
    expected = grid[0] + (LED_BASE - 2e6) / 3e6 * (grid[-1] - grid[0])
    assert base_x(root) == pytest.approx(expected, abs=0.01)


def test_every_bar_starts_at_the_base_and_its_length_is_in_proportion_to_the_change():
    root = parse(tornado(LED_ROWS, base=LED_BASE, id_prefix="t"))
    x_base = base_x(root)
    shown = sorted((r for r in LED_ROWS if r["swing"]), key=lambda r: -r["swing"])
    values = [v for r in shown for v in (r["enpv_minus_20"], r["enpv_plus_20"])]
    px_per_eur = number(bars(root)[0], "width") / abs(values[0] - LED_BASE)

    for bar, value in zip(bars(root), values, strict=True):
        x, width = number(bar, "x"), number(bar, "width")
        assert x_base in (pytest.approx(x, abs=0.01), pytest.approx(x + width, abs=0.01))
        assert (x < x_base) == (value < LED_BASE)
        assert width == pytest.approx(abs(value - LED_BASE) * px_per_eur, abs=0.02)


def test_values_and_the_legend_are_written_out_not_left_to_colour():
    labels = texts(parse(tornado(LED_ROWS, base=LED_BASE, id_prefix="t")))

    assert {"€2.46 M", "€4.84 M", "€4.05 M", "€3.25 M", "ENPV €3.65 M"} <= set(labels)
    assert {"\u221220 %", "+20 %"} <= set(labels)


def test_a_negative_base_reads_with_a_minus_sign():
    rows = [{"label": "Opex", "enpv_minus_20": 1_094_497, "enpv_plus_20": -1_976_376,
             "swing": 3_070_873}]  # fmt: skip
    labels = texts(parse(tornado(rows, base=-440_939.15, id_prefix="t")))

    assert {"ENPV \u2212€441 k", "\u2212€1.98 M", "€1.09 M"} <= set(labels)


def test_without_a_swing_the_chart_says_there_is_nothing_to_show():
    root = parse(tornado(LED_ROWS[2:3], base=LED_BASE, id_prefix="t"))

    assert "No variable to show" in texts(root)
    assert root.attrib["role"] == "img"


def test_a_row_with_a_missing_figure_is_left_out():
    rows = [*LED_ROWS[:1], {"label": "Broken", "enpv_minus_20": None, "enpv_plus_20": 1.0,
                            "swing": None}]  # fmt: skip
    root = parse(tornado(rows, base=LED_BASE, id_prefix="t"))

    assert len(bars(root)) == 2
    assert "Broken" not in texts(root)


def test_a_row_label_is_escaped_and_shortened():
    rows = [{**LED_ROWS[0], "label": "<script>alert(1)</script> & a very long name"}]
    svg = tornado(rows, base=LED_BASE, id_prefix="t")

    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in svg  # in the tooltip and desc
    assert "<script>alert(1)</s\u2026" in texts(parse(svg))
