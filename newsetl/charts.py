"""Charts for the HTML report: drawn with Altair (Vega-Lite) and rendered to static SVG by vl-convert when
the report is written. The page needs no charting script and no network to show them.

One public function per kind of chart, each returning one `<figure class="chart" data-chart=NAME>` that
holds a figcaption and an `<svg>`:

- bar_chart: a ranking, one horizontal bar per label;
- stacked_bar_chart: counts per category (a day, a run), stacked by series;
- line_chart: a value per series over time, as lines, or as small multiples when lines would overlap;
- share_chart: each series' share of the total per period (stacked to 100%).

x values that are dates (datetime.date or ISO `YYYY-MM-DD` text) are drawn on a real time axis, in UTC so
that a day stays that day in every time zone; others are categories in the order given. Every mark carries
its values as an `aria-label` and a `<title>` (browsers show it as a tooltip), so exact numbers stay one
hover away."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from html import escape
from typing import Any

import altair as alt
import pandas as pd
import vl_convert

# Colour-blind-safe categorical palette (Okabe-Ito), then greys when there are more series than colours.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
           "#999999", "#666666")
PLOT_WIDTH = 640  # px of the plotting area of time and category charts
SMALL_MULTIPLES_FROM = 5  # series from which line_chart draws one small chart per series by default
# Text is measured when the SVG is rendered: a font with Arial's metrics (Liberation Sans ships with
# vl-convert) keeps labels inside the chart in any browser that has Arial, Helvetica or Liberation Sans
_FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
_CONFIG: dict[str, Any] = {
    "font": _FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 11, "titleFontSize": 12, "titleColor": "#555", "gridColor": "#e5e5e5"},
    "legend": {"labelFontSize": 11, "titleFontSize": 12, "labelLimit": 220},
    "header": {"labelFontSize": 12, "labelFontWeight": "bold"},
}


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def bar_chart(name: str, title: str, labels: Sequence[str], values: Sequence[float], unit: str = "") -> str:
    """Horizontal bars, one per label, in the order given (rankings read best top-down); the value is
    printed at the end of each bar. `unit` titles the value axis ("quotes")."""
    if not labels:
        return _empty(name, title)
    frame = pd.DataFrame({"label": [str(v) for v in labels], "value": [float(v) for v in values]})
    frame["tip"] = [f"{label}: {_num(v)} {unit}".strip() for label, v in zip(frame.label, frame.value, strict=True)]
    y = alt.Y("label:N", sort=list(dict.fromkeys(frame.label)), title=None, axis=alt.Axis(labelLimit=220))
    x = alt.X("value:Q", title=unit or None, axis=_count_axis(frame.value.max()))
    bars = alt.Chart(frame).mark_bar(color=colour(0)).encode(y=y, x=x, description="tip:N")
    text = alt.Chart(frame).mark_text(align="left", dx=4, color="#333", aria=False).encode(
        y=y, x=x, text=alt.Text("value:Q", format="~r"))
    chart = (bars + text).properties(width=420, height=alt.Step(22))
    return _figure(name, title, chart)


def stacked_bar_chart(name: str, title: str, categories: Sequence[Any], series: Mapping[str, Sequence[float]],
                      unit: str = "", colours: Mapping[str, str] | None = None) -> str:
    """Vertical bars, one per category, stacked by series (in the order given) with a legend. Dates are
    placed on a time axis, a day's bar as wide as the days shown allow; other categories stand left to
    right as given. `colours` overrides the palette for series whose colour carries meaning (passed,
    failed). Zero values draw nothing."""
    frame = _long(categories, series, unit)
    if frame.empty:
        return _empty(name, title)
    x = _x(categories)
    bar: dict[str, Any] = {}
    if _all_dates(categories):
        days = [_as_date(c) for c in categories]
        span = (max(days) - min(days)).days + 1
        bar["size"] = max(2.0, min(24.0, 0.8 * PLOT_WIDTH / span))
    order = {s: i for i, s in enumerate(series)}
    frame["order"] = frame.series.map(order)
    chart = alt.Chart(frame[frame.value != 0]).mark_bar(**bar).encode(
        x=x,
        y=alt.Y("sum(value):Q", title=unit or None,
                axis=_count_axis(frame.groupby("x")["value"].sum().max())),
        color=_colour(list(series), colours),
        order=alt.Order("order:Q"),
        description="tip:N",
    ).properties(width=PLOT_WIDTH, height=220)
    return _figure(name, title, chart)


def line_chart(name: str, title: str, x_values: Sequence[Any], series: Mapping[str, Sequence[float]],
               unit: str = "", small_multiples: bool | None = None) -> str:
    """One line per series over `x_values` (a point on every value), with a legend; or, with
    `small_multiples` (by default from SMALL_MULTIPLES_FROM series on), one small chart per series, in
    the order given, sharing both axes, so that lines never hide each other."""
    frame = _long(x_values, series, unit)
    if frame.empty:
        return _empty(name, title)
    if small_multiples is None:
        small_multiples = len(series) >= SMALL_MULTIPLES_FROM
    y = alt.Y("value:Q", title=unit or None, axis=_count_axis(frame.value.max()))
    base = alt.Chart(frame).mark_line(point=True, strokeWidth=2)
    if not small_multiples:
        chart = base.encode(x=_x(x_values), y=y, color=_colour(list(series)), description="tip:N").properties(
            width=PLOT_WIDTH, height=220)
        return _figure(name, title, chart)
    chart = base.encode(x=_x(x_values, compact=True), y=y, color=alt.value(colour(0)), description="tip:N").properties(
        width=190, height=90).facet(
        facet=alt.Facet("series:N", sort=list(series), title=None), columns=3)
    return _figure(name, title, chart)


def share_chart(name: str, title: str, x_values: Sequence[Any], series: Mapping[str, Sequence[float]],
                unit: str = "", colours: Mapping[str, str] | None = None) -> str:
    """Each series' share of the period's total (e.g. the quotes of women and of men per week), stacked
    to 100% per x value, with a legend; the tooltip gives the count and the share. Periods whose total
    is zero draw nothing."""
    frame = _long(x_values, series, unit)
    if frame.empty:
        return _empty(name, title)
    totals = frame.groupby("x")["value"].transform("sum")
    frame["share"] = frame.value / totals.where(totals != 0)
    frame["tip"] = [f"{t} ({s:.0%})" for t, s in zip(frame.tip, frame.share.fillna(0), strict=True)]
    order = {s: i for i, s in enumerate(series)}
    frame["order"] = frame.series.map(order)
    bar: dict[str, Any] = {}
    if _all_dates(x_values):
        days = [_as_date(c) for c in x_values]
        span = (max(days) - min(days)).days + 1
        bar["size"] = max(2.0, min(40.0, 0.8 * PLOT_WIDTH * 7 / max(span, 7)))  # periods of a week
    chart = alt.Chart(frame[frame.value != 0]).mark_bar(**bar).encode(
        x=_x(x_values),
        y=alt.Y("value:Q", stack="normalize", title=f"share of {unit}" if unit else "share",
                axis=alt.Axis(format="%")),
        color=_colour(list(series), colours),
        order=alt.Order("order:Q"),
        description="tip:N",
    ).properties(width=PLOT_WIDTH, height=220)
    return _figure(name, title, chart)


def _long(x_values: Sequence[Any], series: Mapping[str, Sequence[float]], unit: str) -> pd.DataFrame:
    """One row per (x, series) with its value and the text of its tooltip."""
    rows = []
    for series_name, values in series.items():
        for x, value in zip(x_values, values, strict=True):
            label = _as_date(x).isoformat() if _all_dates(x_values) else str(x)
            rows.append({"x": label, "series": str(series_name), "value": float(value or 0),
                         "tip": f"{label} {series_name}: {_num(float(value or 0))} {unit}".strip()})
    return pd.DataFrame(rows, columns=["x", "series", "value", "tip"])


def _x(x_values: Sequence[Any], compact: bool = False) -> alt.X:
    if _all_dates(x_values):
        # UTC: "2024-06-10" is that day wherever the page is opened
        days = sorted({_as_date(x) for x in x_values})
        span = (days[-1] - days[0]).days
        ticks: dict[str, Any] = {"format": "%d %b" if span <= 120 else "%b %Y" if span <= 3 * 365 else "%Y"}
        if compact:
            ticks["labelBound"] = True
        if len(days) <= (4 if compact else 10) and span <= 120:
            # a few weeks: a tick on each period shown (Vega would put week ticks on Sundays)
            ticks["values"] = [alt.DateTime(year=d.year, month=d.month, date=d.day, utc=True) for d in days]
        axis = alt.Axis(labelAngle=0, labelOverlap=True, **ticks)
        return alt.X("utcyearmonthdate(x):T", title=None, axis=axis)
    return alt.X("x:N", sort=list(dict.fromkeys(str(x) for x in x_values)), title=None,
                 axis=alt.Axis(labelAngle=-40, labelLimit=160))


def _count_axis(top: float) -> alt.Axis:
    """An axis of counts: no ticks between whole numbers when the largest count is small (no "0.5
    articles"); Vega's round steps otherwise."""
    return alt.Axis(tickCount=max(1, int(top)) if top < 6 else 5, format="~s")


def _colour(names: list[str], colours: Mapping[str, str] | None = None) -> alt.Color:
    fills = [(colours or {}).get(s, colour(i)) for i, s in enumerate(names)]
    return alt.Color("series:N", title=None, scale=alt.Scale(domain=names, range=fills),
                     legend=alt.Legend(orient="right"))


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _all_dates(values: Sequence[Any]) -> bool:
    if not values:
        return False
    try:
        for v in values:
            _as_date(v)
    except ValueError:
        return False
    return True


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


_MARK = re.compile(r'<path aria-label="([^"]*)" role="graphics-symbol"([^>]*?)/>')


def svg(chart: alt.TopLevelMixin) -> str:
    """The chart as one static `<svg>` element, rendered offline (vl-convert bundles Vega); each mark
    gets a `<title>` with its description, which browsers show on hover."""
    spec = chart.configure(**_CONFIG).to_dict()
    rendered = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])  # the data is inline: fetch nothing
    return _MARK.sub(r'<path class="mark" aria-label="\1" role="graphics-symbol"\2><title>\1</title></path>',
                     rendered)


def _figure(name: str, title: str, chart: alt.TopLevelMixin) -> str:
    return (f'<figure class="chart" data-chart="{escape(name)}"><figcaption>{escape(title)}</figcaption>'
            f"{svg(chart)}</figure>")


def _empty(name: str, title: str) -> str:
    return (f'<figure class="chart" data-chart="{escape(name)}"><figcaption>{escape(title)}</figcaption>'
            '<p class="meta">no data yet</p></figure>')
