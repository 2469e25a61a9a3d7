"""Charts drawn by Altair and rendered to static SVG by vl-convert: one mark per value, scaled, on a real
time axis for dates, each mark titled with its values, and a note when there is no data."""

from __future__ import annotations

import re
from datetime import date

import pytest

from newsetl.charts import bar_chart, line_chart, share_chart, stacked_bar_chart
from tests.newsetl.svg import SVG, marks, svg_of


def box(mark) -> tuple[float, float, float, float]:
    """x, y, width, height of a rectangle as Vega draws it: `M x,y h w v h h -w Z`."""
    x, y, w, h = map(float, re.match(r"M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)", mark.get("d")).groups())
    return x, y, w, h


def titles(svg) -> list[str]:
    return [m.find(f"{SVG}title").text for m in marks(svg)]


def test_bar_chart_draws_one_bar_per_label_scaled_to_the_largest() -> None:
    labels = ["Helen Marsh", "Dev <Raman>", "Joel"]
    svg = svg_of(bar_chart("speakers", "Quotes per speaker", labels, [8, 4, 1], "quotes"))
    bars = marks(svg)
    assert len(bars) == 3
    widths = [box(b)[2] for b in bars]
    assert widths[0] == pytest.approx(2 * widths[1]) and widths[1] == pytest.approx(4 * widths[2])
    assert titles(svg) == ["Helen Marsh: 8 quotes", "Dev <Raman>: 4 quotes", "Joel: 1 quotes"]  # escaped, parsed back
    tops = [box(b)[1] for b in bars]
    assert tops == sorted(tops)  # in the order given, top down
    assert "Dev <Raman>" in [t.text for t in svg.iter(f"{SVG}text")]  # the label itself


def test_stacked_bars_stack_series_per_category_on_a_time_axis() -> None:
    series = {"LOCAL": [1, 0, 2], "SPORT": [1, 1, 0]}
    days = ["2024-06-10", "2024-06-11", "2016-10-05"]
    svg = svg_of(stacked_bar_chart("days", "Articles", days, series, "articles"))
    bars = {t: box(m) for t, m in zip(titles(svg), marks(svg), strict=True)}
    assert len(bars) == 4  # zero values draw nothing
    assert bars["2024-06-10 LOCAL: 1 articles"][3] == pytest.approx(bars["2024-06-10 SPORT: 1 articles"][3])
    assert bars["2016-10-05 LOCAL: 2 articles"][3] == pytest.approx(2 * bars["2024-06-11 SPORT: 1 articles"][3])
    # a real time axis: a day apart is close, eight years apart is far (not evenly spaced categories)
    x = {day: bars[t][0] for t in bars for day in days if t.startswith(day)}
    assert x["2016-10-05"] < x["2024-06-10"] < x["2024-06-11"]
    assert x["2024-06-11"] - x["2024-06-10"] < (x["2024-06-10"] - x["2016-10-05"]) / 100
    legend = [t.text for t in svg.iter(f"{SVG}text")]
    assert "LOCAL" in legend and "SPORT" in legend and "2017" in legend and "2024" in legend
    assert "0.5" not in legend  # counts: whole-number ticks


def test_stacked_bars_of_categories_keep_their_order_and_colours() -> None:
    runs = ["06-10 09:00 b", "06-10 08:00 a"]
    figure = stacked_bar_chart("runs", "Runs", runs, {"passed": [3, 4], "failed": [1, 0]}, "expectations",
                               {"failed": "#D55E00"})
    svg = svg_of(figure)
    bars = {t: m for t, m in zip(titles(svg), marks(svg), strict=True)}
    assert box(bars["06-10 09:00 b passed: 3 expectations"])[0] < box(bars["06-10 08:00 a passed: 4 expectations"])[0]
    assert bars["06-10 09:00 b failed: 1 expectations"].get("fill").upper() == "#D55E00"


def test_line_chart_has_a_line_and_a_point_per_value() -> None:
    weeks = [date(2024, 6, 3), date(2024, 6, 10), date(2024, 6, 17)]
    series = {"Helen Marsh": [2, 4, 2], "Elmford": [0, 4, 4]}
    svg = svg_of(line_chart("weeks", "Mentions", weeks, series, "mentions"))
    kinds = [m.get("aria-roledescription") for m in marks(svg)]
    assert kinds.count("line mark") == 2 and kinds.count("point") == 6
    assert "2024-06-10 Elmford: 4 mentions" in titles(svg)


def test_many_lines_become_small_multiples_sharing_their_axes() -> None:
    weeks = ["2024-06-03", "2024-06-10"]
    series = {f"Entity {i}": [i, i + 1] for i in range(6)}
    svg = svg_of(line_chart("weeks", "Mentions", weeks, series, "mentions"))
    kinds = [m.get("aria-roledescription") for m in marks(svg)]
    assert kinds.count("line mark") == 6
    headers = [t.text for t in svg.iter(f"{SVG}text")]
    assert all(f"Entity {i}" in headers for i in range(6))


def test_share_chart_stacks_to_the_whole_and_says_the_share() -> None:
    weeks = [date(2024, 6, 3), date(2024, 6, 10)]
    svg = svg_of(share_chart("gender", "Quotes by gender", weeks, {"female": [1, 3], "male": [3, 3]}, "quotes"))
    bars = {t: box(m) for t, m in zip(titles(svg), marks(svg), strict=True)}
    assert set(bars) == {"2024-06-03 female: 1 quotes (25%)", "2024-06-03 male: 3 quotes (75%)",
                         "2024-06-10 female: 3 quotes (50%)", "2024-06-10 male: 3 quotes (50%)"}
    full = bars["2024-06-10 female: 3 quotes (50%)"][3] + bars["2024-06-10 male: 3 quotes (50%)"][3]
    assert bars["2024-06-03 female: 1 quotes (25%)"][3] == pytest.approx(full / 4)


def test_charts_without_data_say_so() -> None:
    for figure in (bar_chart("a", "A", [], []), stacked_bar_chart("b", "B", [], {}), line_chart("c", "C", [], {}),
                   share_chart("d", "D", [], {})):
        assert "no data yet" in figure and "<svg" not in figure


def test_a_chart_is_static_svg_that_fetches_nothing() -> None:
    figure = line_chart("weeks", "Mentions", ["2024-06-03"], {"x": [1]})
    assert "<script" not in figure and not re.search(r'(src|href)="(https?:)?//', figure)
