"""The portfolio bubbles: scores as position, capex as area, safe links only."""

import pytest

from canvas_app.charts import BubblePoint, portfolio_bubbles

from .helpers import SVG, find_all, number, parse, texts


def circles(svg: str) -> list:
    return find_all(parse(svg), "circle")


def radius_for(capex_values: list[float]) -> dict[str, float]:
    points = [BubblePoint(f"c{i}", 50, 50, c) for i, c in enumerate(capex_values)]
    return {
        c.find(f"{SVG}title").text.split(":")[0]: number(c, "r")
        for c in circles(portfolio_bubbles(points, id_prefix="p"))
    }


def test_bubble_radius_grows_with_capex_so_that_area_is_in_proportion():
    radii = radius_for([0, 1_000_000, 4_000_000, 9_000_000])

    assert radii["c0"] < radii["c1"] < radii["c2"] < radii["c3"]
    assert radii["c3"] / radii["c2"] == pytest.approx(3 / 2, abs=0.01)
    assert radii["c0"] == 5  # zero capex keeps the smallest visible bubble


def test_with_no_capex_at_all_every_bubble_has_the_smallest_radius():
    assert set(radius_for([0, 0]).values()) == {5}


def test_economic_runs_across_and_social_runs_up():
    low, high = circles(
        portfolio_bubbles(
            [BubblePoint("low", 10, 10, 1), BubblePoint("high", 90, 90, 1)], id_prefix="p"
        )
    )

    assert number(high, "cx") > number(low, "cx")
    assert number(high, "cy") < number(low, "cy")


def test_points_missing_a_score_are_left_out_and_counted_in_the_description():
    points = [
        BubblePoint("scored", 50, 50, 1),
        BubblePoint("no economic", None, 50, 1),
        BubblePoint("no social", 50, None, 1),
    ]
    root = parse(portfolio_bubbles(points, id_prefix="p"))

    assert len(find_all(root, "circle")) == 1
    assert "no economic" not in texts(root)
    assert "2 left out for a missing score." in root.find(f"{SVG}desc").text


@pytest.mark.parametrize("points", [[], [BubblePoint("unscored", None, None, 1)]])
def test_nothing_to_plot_gives_a_small_chart_that_says_so(points):
    root = parse(portfolio_bubbles(points, id_prefix="p"))

    assert "No scored canvas yet" in texts(root)
    assert not find_all(root, "circle")


def test_each_bubble_has_a_tooltip_with_its_label_scores_and_capex():
    (circle,) = circles(portfolio_bubbles([BubblePoint("LED", 77.42, 55, 2e6)], id_prefix="p"))

    assert circle.find(f"{SVG}title").text == "LED: economic 77.4, social 55.0, capex €2 M"


def test_a_hostile_label_is_escaped_and_never_a_raw_tag():
    label = "<script>alert(1)</script> &"  # 27 characters: short enough to show whole
    svg = portfolio_bubbles([BubblePoint(label, 50, 50, 1)], id_prefix="p")
    root = parse(svg)

    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in svg
    assert not find_all(root, "script")
    assert label in texts(root)


def test_a_long_label_is_cut_to_28_characters_with_an_ellipsis():
    name = "Smart street lighting with adaptive dimming, phase two"
    labels = texts(parse(portfolio_bubbles([BubblePoint(name, 50, 50, 1)], id_prefix="p")))

    (shown,) = [t for t in labels if t.startswith("Smart")]
    assert len(shown) <= 28
    assert shown.endswith("\u2026")


def test_a_same_site_path_becomes_a_link_around_the_bubble_and_its_label():
    svg = portfolio_bubbles([BubblePoint("LED", 50, 50, 1, "/canvases/1/?a=1&b=2")], id_prefix="p")
    (link,) = find_all(parse(svg), "a")

    assert link.attrib["href"] == "/canvases/1/?a=1&b=2"
    assert "&amp;b=2" in svg
    assert link.find(f"{SVG}circle") is not None
    assert link.find(f"{SVG}text").text == "LED"


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "http://evil", "https://evil.example/", "//evil.example",
     "/\\evil.example", "/ok\njavascript:", " /canvases/1/", "canvases/1/", ""],
)  # fmt: skip
def test_any_other_href_is_dropped(href):
    svg = portfolio_bubbles([BubblePoint("LED", 50, 50, 1, href)], id_prefix="p")

    assert not find_all(parse(svg), "a")
    assert "evil" not in svg
    assert "javascript" not in svg


def test_labels_near_the_right_edge_are_placed_to_the_left_of_their_bubble():
    point = BubblePoint("A label long enough to overflow", 100, 50, 1)
    (text,) = [
        t for t in find_all(parse(portfolio_bubbles([point], id_prefix="p")), "text")
        if t.text.startswith("A label")
    ]  # fmt: skip

    assert text.attrib["text-anchor"] == "end"
