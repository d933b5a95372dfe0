"""Score bars: widths in proportion to the scores, n/a shown as an empty track."""

import pytest

from canvas_app.charts import score_bars

from .helpers import find_all, number, parse, texts

LED = {"economic": 77.42, "environmental": 80.0, "social": 55.0, "overall_arithmetic": 70.81}


def bars(root) -> list[float]:
    """Widths of the coloured bars: the rects drawn with a dimension's colour."""
    colours = {"#1d70b8", "#00703c", "#d53880", "#505a5f"}
    return [number(r, "width") for r in find_all(root, "rect") if r.attrib.get("fill") in colours]


def test_bar_widths_are_in_proportion_to_the_scores():
    economic, environmental, social, overall = bars(parse(score_bars(LED, id_prefix="s")))

    assert economic / social == pytest.approx(77.42 / 55.0, rel=1e-4)
    assert environmental / social == pytest.approx(80.0 / 55.0, rel=1e-4)
    assert overall / social == pytest.approx(70.81 / 55.0, rel=1e-4)
    assert (economic, social) == (309.68, 220.0)  # 4 px a point, as callers may rely on


def test_each_bar_is_labelled_with_its_value_to_one_decimal():
    labels = texts(parse(score_bars(LED, id_prefix="s")))

    names = [t for t in labels if t[0].isupper() and t != "Impact scores"]
    assert [t for t in labels if "." in t] == ["77.4", "80.0", "55.0", "70.8"]
    assert names == ["Economic", "Environmental", "Social", "Overall"]


def test_a_missing_score_is_an_empty_track_that_says_n_a():
    root = parse(
        score_bars({"economic": 37.5, "environmental": None, "social": 60.5}, id_prefix="s")
    )

    assert len(bars(root)) == 2
    assert "n/a" in texts(root)
    assert "Environmental n/a" in root.find("{http://www.w3.org/2000/svg}desc").text


def test_the_overall_row_appears_only_when_given():
    labels = texts(
        parse(score_bars({"economic": 1, "environmental": 2, "social": 3}, id_prefix="s"))
    )

    assert "Overall" not in labels


def test_gridlines_and_ticks_run_from_0_to_100():
    labels = texts(parse(score_bars(LED, id_prefix="s")))

    assert [t for t in labels if t.isdigit()] == ["0", "25", "50", "75", "100"]


def test_a_score_beyond_100_is_drawn_to_the_end_of_the_track_but_labelled_as_it_is():
    root = parse(
        score_bars({"economic": 120.0, "environmental": 100.0, "social": -5.0}, id_prefix="s")
    )

    economic, environmental, social = bars(root)
    assert economic == environmental
    assert social == 0
    assert "120.0" in texts(root)
