"""Charts as inline SVG: one mark per value, scaled, escaped, and a note when there is no data."""

from __future__ import annotations

import pytest

from newsetl.charts import bar_chart, line_chart, stacked_bar_chart
from tests.newsetl.svg import SVG, marks, svg_of


def test_bar_chart_draws_one_bar_per_label_scaled_to_the_largest() -> None:
    labels = ["Helen Marsh", "Dev <Raman>", "Joel"]
    svg = svg_of(bar_chart("speakers", "Quotes per speaker", labels, [8, 4, 1], "quotes"))
    bars = marks(svg)
    assert len(bars) == 3
    widths = [float(b.get("width")) for b in bars]
    assert widths[0] == pytest.approx(2 * widths[1]) and widths[1] == pytest.approx(4 * widths[2])
    assert [b.find(f"{SVG}title").text for b in bars][1] == "Dev <Raman>: 4 quotes"  # escaped, then parsed back


def test_stacked_bars_stack_series_per_category() -> None:
    series = {"LOCAL": [1, 0, 2], "SPORT": [1, 1, 0]}
    svg = svg_of(stacked_bar_chart("days", "Articles", ["06-10", "06-11", "06-12"], series, "articles"))
    bars = marks(svg)
    assert len(bars) == 4  # zero values draw nothing
    heights = {b.find(f"{SVG}title").text: float(b.get("height")) for b in bars}
    assert heights["06-10 LOCAL: 1 articles"] == pytest.approx(heights["06-10 SPORT: 1 articles"])
    assert heights["06-12 LOCAL: 2 articles"] == pytest.approx(2 * heights["06-11 SPORT: 1 articles"])
    legend = [t.text for t in svg.iter(f"{SVG}text")]
    assert "LOCAL" in legend and "SPORT" in legend


def test_line_chart_has_a_line_and_a_point_per_value() -> None:
    series = {"Helen Marsh": [2, 4, 2], "Elmford": [0, 4, 4]}
    svg = svg_of(line_chart("weeks", "Mentions", ["2024-06-03", "2024-06-10", "2024-06-17"], series, "mentions"))
    lines = marks(svg)
    assert len(lines) == 2 and all(len(line.get("points").split()) == 3 for line in lines)
    assert len(list(svg.iter(f"{SVG}circle"))) == 6


def test_charts_without_data_say_so() -> None:
    for figure in (bar_chart("a", "A", [], []), stacked_bar_chart("b", "B", [], {}), line_chart("c", "C", [], {})):
        assert "no data yet" in figure and marks(svg_of(figure)) == []
