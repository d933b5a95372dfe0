"""The charts of the options appraisal, the benefits and the outturn: named, described,
plain SVG images whose geometry follows the figures."""

from datetime import date

import pytest

from canvas_app.charts import EnpvBar, benefit_chart, cumulative_net_flow, enpv_bars

from ..charts.helpers import SVG, find_all, number, parse, texts

# The ENPVs of worked example 9.1, with and without optimism bias.
BARS_9_1 = [
    EnpvBar("Business as usual", 0.0, 0.0),
    EnpvBar("Part-night dimming", 1_530_909.61, 1_560_909.61),
    EnpvBar("LED retrofit", 3_213_440.45, 3_653_440.45, preferred=True),
    EnpvBar("LED retrofit with central management", 1_866_088.94, 3_946_088.94),
]
ELECTRICITY = {
    "baseline": 3000.0,
    "baseline_date": date(2026, 1, 1),
    "target": 1200.0,
    "target_date": date(2028, 1, 1),
    "measurements": [(date(2026, 7, 1), 2700.0), (date(2027, 1, 1), 2100.0)],
    "unit": "MWh/yr",
}
# 9.2 on the flows of 6.1: the forecast and the outturn's economic net flows, t = 0..20.
FORECAST = [-2_000_000.0] + [450_000.0] * 20
OUTTURN = [-2_300_000.0, 400_000.0, 420_000.0] + [450_000.0] * 18

CHARTS = {
    "enpv bars": lambda: enpv_bars(BARS_9_1, id_prefix="c1"),
    "enpv bars, no option": lambda: enpv_bars([], id_prefix="c1"),
    "benefit": lambda: benefit_chart(**ELECTRICITY, id_prefix="c1", as_of=date(2027, 1, 1)),
    "benefit, no measurement": lambda: benefit_chart(
        **{**ELECTRICITY, "measurements": []}, id_prefix="c1"
    ),
    "net flow": lambda: cumulative_net_flow(
        FORECAST, OUTTURN, recorded_years=[0, 1, 2], id_prefix="c1"
    ),
    "net flow, nothing": lambda: cumulative_net_flow([], [], id_prefix="c1"),
}


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_each_chart_is_a_named_and_described_image(make):
    root = parse(make())

    assert root.tag == f"{SVG}svg"
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-labelledby"] == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").text
    assert root.attrib["viewBox"] == f"0 0 {root.attrib['width']} {root.attrib['height']}"


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_each_chart_is_plain_svg_and_the_same_every_time(make):
    svg = make()
    allowed = {"svg", "g", "rect", "line", "circle", "text", "title", "desc", "path", "a"}

    nodes = list(parse(svg).iter())
    assert {node.tag.removeprefix(SVG) for node in nodes} <= allowed
    assert not [node for node in nodes if "style" in node.attrib]
    assert "url(" not in svg and "var(" not in svg
    assert svg == make()


def bars(root) -> list:
    return [r for r in find_all(root, "rect") if r.find(f"{SVG}title") is not None]


def test_every_option_has_a_bar_with_and_without_optimism_bias():
    root = parse(enpv_bars(BARS_9_1, id_prefix="e"))

    tips = [bar.find(f"{SVG}title").text for bar in bars(root)]
    assert len(tips) == 8
    assert "LED retrofit, ENPV with optimism bias: €3.21 M" in tips
    assert "LED retrofit, ENPV without optimism bias: €3.65 M" in tips
    assert "LED retrofit (preferred)" in texts(root)


def test_the_bars_grow_from_the_zero_line_in_proportion_to_the_enpv():
    root = parse(enpv_bars(BARS_9_1, id_prefix="e"))
    zero = number(find_all(root, "line")[-1], "x1")
    widths = {bar.find(f"{SVG}title").text: number(bar, "width") for bar in bars(root)}

    led = widths["LED retrofit, ENPV with optimism bias: €3.21 M"]
    dimming = widths["Part-night dimming, ENPV with optimism bias: €1.53 M"]
    assert led / dimming == pytest.approx(3_213_440.45 / 1_530_909.61, rel=0.01)
    assert all(number(bar, "x") == pytest.approx(zero) for bar in bars(root))


def test_a_negative_enpv_is_drawn_left_of_zero_and_n_a_is_written():
    root = parse(enpv_bars([EnpvBar("Costly", -800_000.0, None)], id_prefix="e"))

    (bar,) = bars(root)
    zero = [line for line in find_all(root, "line") if line.attrib.get("class") == "zero"][0]
    assert number(bar, "x") + number(bar, "width") == pytest.approx(number(zero, "x1"))
    assert "n/a" in texts(root)
    assert "−€800 k" in texts(root)


def test_the_description_lists_every_option():
    desc = parse(enpv_bars(BARS_9_1, id_prefix="e")).find(f"{SVG}desc").text

    assert (
        "LED retrofit with central management: €1.87 M with optimism bias, €3.95 M without." in desc
    )


def test_user_text_is_escaped():
    svg = enpv_bars([EnpvBar("<script>alert(1)</script>", 1.0, 1.0)], id_prefix="e")

    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    parse(svg)


def test_a_benefit_has_its_plan_line_its_ends_and_a_point_per_measurement():
    root = parse(benefit_chart(**ELECTRICITY, id_prefix="b", as_of=date(2027, 1, 1)))

    points = [c for c in find_all(root, "circle") if c.attrib.get("class") == "measurement"]
    assert [p.find(f"{SVG}title").text for p in points] == [
        "2026-07-01: 2,700 MWh/yr",
        "2027-01-01: 2,100 MWh/yr",
    ]
    plan = [line for line in find_all(root, "line") if line.attrib.get("stroke-dasharray") == "6 4"]
    assert len(plan) == 1
    # the target is below the baseline: the plan runs down, the later measurement is lower
    assert number(plan[0], "y2") > number(plan[0], "y1")
    assert number(points[1], "cy") > number(points[0], "cy")
    desc = root.find(f"{SVG}desc").text
    assert "from 3,000 MWh/yr on 2026-01-01 to 1,200 MWh/yr on 2028-01-01" in desc
    assert "Status read on 2027-01-01." in desc


def test_a_measurement_on_the_plan_sits_on_the_plan_line():
    on_plan = {**ELECTRICITY, "measurements": [(date(2027, 1, 1), 2100.0)]}
    root = parse(benefit_chart(**on_plan, id_prefix="b"))

    plan = [line for line in find_all(root, "line") if line.attrib.get("stroke-dasharray") == "6 4"]
    (point,) = [c for c in find_all(root, "circle") if c.attrib.get("class") == "measurement"]
    x1, y1, x2, y2 = (number(plan[0], a) for a in ("x1", "y1", "x2", "y2"))
    x = number(point, "cx")
    expected_y = y1 + (y2 - y1) * (x - x1) / (x2 - x1)
    assert number(point, "cy") == pytest.approx(expected_y, abs=0.5)


def test_small_values_get_ticks_of_their_own_scale():
    share = {
        **ELECTRICITY,
        "baseline": 0.62,
        "target": 0.75,
        "measurements": [(date(2027, 1, 1), 0.64)],
    }
    labels = texts(parse(benefit_chart(**share, id_prefix="b")))

    assert "0.65" in labels and "0.7" in labels


def test_the_outturn_and_the_forecast_are_two_cumulative_lines():
    root = parse(cumulative_net_flow(FORECAST, OUTTURN, recorded_years=[0, 1, 2], id_prefix="o"))

    paths = {p.attrib["class"]: p.attrib["d"] for p in find_all(root, "path")}
    assert set(paths) == {"forecast", "outturn"}
    assert paths["forecast"].count(" L ") == 20  # years 0..20
    recorded = [c for c in find_all(root, "circle") if c.attrib.get("class") == "recorded"]
    assert len(recorded) == 3
    desc = root.find(f"{SVG}desc").text
    # cumulated: −2 M + 20 × 450 k = 7 M forecast; the outturn is 380 k lower
    assert "After year 20: forecast €7 M, outturn €6.62 M." in desc
    assert "Actual figures recorded for years 0, 1, 2." in desc


def test_the_cumulative_line_starts_below_zero_and_crosses_it():
    root = parse(cumulative_net_flow(FORECAST, FORECAST, id_prefix="o"))
    zero = [line for line in find_all(root, "line") if line.attrib.get("stroke") == "#0b0c0c"][0]
    forecast = next(p for p in find_all(root, "path") if p.attrib["class"] == "forecast")

    points = [pair.split() for pair in forecast.attrib["d"].removeprefix("M ").split(" L ")]
    ys = [float(y) for _x, y in points]
    assert ys[0] > number(zero, "y1") > ys[-1]  # SVG y grows downwards
    assert "No actual figure recorded yet" in root.find(f"{SVG}desc").text
