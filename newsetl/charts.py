"""Charts as inline SVG, drawn here in Python: the HTML report must work offline, so it can neither
fetch a charting library nor run one; an SVG element is rendered by the browser with no script at all.

Each function returns one `<figure class="chart">` holding an `<svg>`; every mark has a `<title>`, which
browsers show as a tooltip, so exact values stay one hover away without a table next to the chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

# Colour-blind-safe categorical palette (Okabe-Ito), then greys when there are more series than colours.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
           "#999999", "#666666")
_FONT = "font-family:system-ui,sans-serif;font-size:12px"


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _nice_max(value: float) -> float:
    """The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above value,
    so that the axis ends near the data and gridlines fall on round numbers."""
    if value <= 0:
        return 1.0
    power = 1.0
    while power * 10 <= value:
        power *= 10
    while power > value:
        power /= 10
    return next(step * power for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * power >= value)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _figure(name: str, title: str, svg: str) -> str:
    return f'<figure class="chart" data-chart="{escape(name)}"><figcaption>{escape(title)}</figcaption>{svg}</figure>'


def _svg(width: int, height: int, title: str, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{escape(title)}" style="{_FONT}">'
            f"<title>{escape(title)}</title>{body}</svg>")


def _empty(name: str, title: str) -> str:
    svg = _svg(480, 60, title, '<text x="10" y="35" fill="#666">no data yet</text>')
    return _figure(name, title, svg)


def _gridlines(top: float, x0: float, x1: float, y_of) -> str:
    # counts: whole-number ticks when the axis is short (no "0.5 articles"), else 3 to 6 whole steps
    ticks = max(1, int(top)) if top <= 5 else next((n for n in (5, 4, 3, 6) if (top / n).is_integer()), 4)
    parts = []
    for i in range(ticks + 1):
        value = top * i / ticks
        y = y_of(value)
        parts.append(f'<line x1="{x0}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{_num(value)}</text>')
    return "".join(parts)


def _legend(names: Sequence[str], colours: Sequence[str], x: float, y: float) -> str:
    parts = []
    for i, name in enumerate(names):
        yy = y + i * 18
        parts.append(f'<rect x="{x}" y="{yy}" width="12" height="12" fill="{colours[i]}"/>'
                     f'<text x="{x + 18}" y="{yy + 10}">{escape(name)}</text>')
    return "".join(parts)


def bar_chart(name: str, title: str, labels: Sequence[str], values: Sequence[float], unit: str = "") -> str:
    """Horizontal bars, one per label, longest first as given: rankings read best top-down."""
    if not labels:
        return _empty(name, title)
    label_w, bar_w, row_h = 190, 420, 24
    height = 30 + row_h * len(labels)
    top = _nice_max(max(values))
    parts = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 10 + i * row_h
        w = bar_w * value / top
        tip = f"{label}: {_num(value)} {unit}".strip()
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(label[:30])}</text>'
            f'<rect class="mark" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{colour(0)}">'
            f"<title>{escape(tip)}</title></rect>"
            f'<text x="{label_w + w + 5:.1f}" y="{y + 15}" fill="#333">{_num(value)}</text>'
        )
    axis = f'<line x1="{label_w}" x2="{label_w}" y1="8" y2="{height - 18}" stroke="#999"/>'
    note = f'<text x="{label_w + bar_w}" y="{height - 4}" text-anchor="end" fill="#555">{escape(unit)}</text>'
    return _figure(name, title, _svg(label_w + bar_w + 50, height, title, axis + "".join(parts) + note))


def stacked_bar_chart(name: str, title: str, categories: Sequence[str], series: Mapping[str, Sequence[float]],
                      unit: str = "", colours: Mapping[str, str] | None = None) -> str:
    """Vertical bars, one per category (left to right as given), stacked by series with a legend;
    `colours` overrides the palette for series whose colour carries meaning (passed, failed)."""
    if not categories or not series:
        return _empty(name, title)
    fills = [(colours or {}).get(s, colour(i)) for i, s in enumerate(series)]
    left, plot_h, plot_top, legend_w = 44, 220, 26, 170
    step = max(18, min(60, 640 // len(categories)))
    plot_w = step * len(categories)
    totals = [sum(values[i] for values in series.values()) for i in range(len(categories))]
    top = _nice_max(max(totals))

    def y_of(value: float) -> float:
        return plot_top + plot_h - plot_h * value / top

    parts = [_gridlines(top, left, left + plot_w, y_of)]
    for i, category in enumerate(categories):
        x, base = left + i * step, 0.0
        for s, (series_name, values) in enumerate(series.items()):
            value = values[i]
            if value:
                y1, y0 = y_of(base + value), y_of(base)
                tip = f"{category} {series_name}: {_num(value)} {unit}".strip()
                parts.append(f'<rect class="mark" x="{x + 2}" y="{y1:.1f}" width="{step - 4}" height="{y0 - y1:.1f}" '
                             f'fill="{fills[s]}"><title>{escape(tip)}</title></rect>')
                base += value
        parts.append(f'<text transform="translate({x + step / 2 + 4},{plot_top + plot_h + 8}) rotate(-50)" '
                     f'text-anchor="end" fill="#333">{escape(category)}</text>')
    width = left + plot_w + legend_w
    parts.append(_legend(list(series), fills, left + plot_w + 16, plot_top))
    parts.append(f'<text x="{left - 36}" y="{plot_top - 14}" fill="#555">{escape(unit)}</text>')
    return _figure(name, title, _svg(width, plot_top + plot_h + 80, title, "".join(parts)))


def line_chart(name: str, title: str, x_labels: Sequence[str], series: Mapping[str, Sequence[float]],
               unit: str = "") -> str:
    """One line per series over the x labels (in order, evenly spaced), with a dot on every value."""
    if not x_labels or not series:
        return _empty(name, title)
    left, plot_h, plot_top, legend_w = 44, 220, 26, 210
    step = max(40, min(200, 640 // max(1, len(x_labels))))
    top = _nice_max(max(max(v) for v in series.values()))

    def y_of(value: float) -> float:
        return plot_top + plot_h - plot_h * value / top

    def x_of(i: int) -> float:
        return left + 10 + i * step

    parts = [_gridlines(top, left, x_of(len(x_labels) - 1) + 10, y_of)]
    for i, label in enumerate(x_labels):
        parts.append(f'<text transform="translate({x_of(i) + 4},{plot_top + plot_h + 8}) rotate(-50)" '
                     f'text-anchor="end" fill="#333">{escape(label)}</text>')
    for s, (series_name, values) in enumerate(series.items()):
        points = " ".join(f"{x_of(i):.1f},{y_of(v):.1f}" for i, v in enumerate(values))
        parts.append(f'<polyline class="mark" points="{points}" fill="none" stroke="{colour(s)}" stroke-width="2">'
                     f"<title>{escape(series_name)}</title></polyline>")
        for i, v in enumerate(values):
            tip = f"{series_name}, {x_labels[i]}: {_num(v)} {unit}".strip()
            parts.append(f'<circle cx="{x_of(i):.1f}" cy="{y_of(v):.1f}" r="3.5" fill="{colour(s)}">'
                         f"<title>{escape(tip)}</title></circle>")
    width = int(x_of(len(x_labels) - 1)) + 30 + legend_w
    parts.append(_legend(list(series), [colour(i) for i in range(len(series))], x_of(len(x_labels) - 1) + 30,
                         plot_top))
    parts.append(f'<text x="{left - 36}" y="{plot_top - 14}" fill="#555">{escape(unit)}</text>')
    return _figure(name, title, _svg(width, plot_top + plot_h + 80, title, "".join(parts)))
