"""Inheritance: a quote without a speaker of its own takes one from the quotes around it.

In order of preference: the speaker of the quote it continues (one quote running over paragraphs
is one statement); else of the nearest earlier attributed quote or reporting clause in its paragraph
(or the next quote there); else, in a paragraph of nothing but quotation, the last speaker of the
paragraph before. Quotes nobody said (titles, numbers; see titles) stay without.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator

from transforms.quotes.context import FieldContext
from transforms.quotes.cue_candidates import verb_positions
from transforms.quotes.cues import REPORTING_VERBS, is_reporting
from transforms.quotes.speakers import verb_attribution
from transforms.quotes.types import Attribution

# A point in a paragraph where somebody speaks: (character offset, is a quote, its attribution).
Event = tuple[int, bool, Attribution]


def inherit(ctx: FieldContext, own: list[Attribution | None], unspoken: set[int]) -> list[Attribution | None]:
    """Fill in the speakers of quotes without one of their own; unspoken stay without."""
    attrs = list(own)
    _share_within_groups(ctx, attrs, unspoken)
    events = _events(ctx, attrs)
    for n in range(len(attrs)):
        if attrs[n] is None and n not in unspoken:
            para = ctx.paragraph(ctx.spans[n].start)
            attrs[n] = nearest_event(events.get(para, []), ctx.spans[n].start)
    # A paragraph that is all quotation continues the last speaker of the paragraph before it;
    # going in order lets a run of such paragraphs carry the speaker on.
    last = {para: evs[-1][2] for para, evs in events.items()}
    quotation = quotation_paragraphs(ctx)
    for n in range(len(attrs)):
        para = ctx.paragraph(ctx.spans[n].start)
        if para not in quotation:
            continue
        if attrs[n] is None and n not in unspoken:
            attrs[n] = last.get(para - 1)
        if attrs[n] is not None:
            last[para] = attrs[n]
    return attrs


def _share_within_groups(ctx: FieldContext, attrs: list[Attribution | None], unspoken: set[int]) -> None:
    """A quote running over paragraphs is one statement: its pieces share one speaker."""
    for group in continued_quotes(ctx):
        found = next((attrs[n] for n in group if attrs[n] is not None), None)
        for n in group:
            if n not in unspoken:
                attrs[n] = attrs[n] or found


def continued_quotes(ctx: FieldContext) -> Iterator[list[int]]:
    """The quotes in groups, each group one statement: a quote left open at its paragraph's end
    joins the quote that opens the next paragraph (newspaper convention)."""
    group: list[int] = []
    for n, raw in enumerate(ctx.spans):
        if group and not (not ctx.spans[group[-1]].closed and ctx.opens_paragraph(raw)):
            yield group
            group = []
        group.append(n)
    if group:
        yield group


def _events(ctx: FieldContext, attrs: list[Attribution | None]) -> dict[int, list[Event]]:
    """Per paragraph, in text order: (offset, is a quote, attribution) of each attributed quote
    and each reporting verb with a subject in the narrative, but not one of a subordinate clause
    (`after X stated`, `because X said`; `as X said` is a frame)."""
    events: dict[int, list[Event]] = defaultdict(list)
    for raw, attr in zip(ctx.spans, attrs, strict=True):
        if attr is not None:
            events[ctx.paragraph(raw.start)].append((raw.start, True, attr))
    for i in verb_positions(ctx.doc, REPORTING_VERBS):  # only a verb of these lemmas can be reporting
        t = ctx.doc[i]
        if any(c.dep_ == "mark" and c.lower_ != "as" for c in t.children):
            continue  # `..., after Lindqvist stated X`: an aside, whose speaker the next quote seldom is
        if is_reporting(t) and ctx.in_narrative(t):
            attr = verb_attribution(ctx, t)
            if attr is not None:
                events[ctx.paragraph(t.idx)].append((t.idx, False, attr))
    for evs in events.values():
        evs.sort(key=lambda e: e[0])
    return events


def nearest_event(events: list[Event], here: int) -> Attribution | None:
    """The attribution of the last event before `here`, else of the first quote after it (a
    reporting clause after a quote rarely reaches back to it)."""
    k = bisect.bisect_left(events, here, key=lambda e: e[0])
    if k > 0:
        return events[k - 1][2]
    return next((attr for pos, is_quote, attr in events[k:] if is_quote and pos > here), None)


def quotation_paragraphs(ctx: FieldContext) -> set[int]:
    """The paragraphs with no words outside their quotes."""
    text, inside = ctx.text, defaultdict(list)
    for raw in ctx.spans:
        inside[ctx.paragraph(raw.start)].append(raw)
    found = set()
    for para, raws in inside.items():
        end = ctx.para_starts[para + 1] if para + 1 < len(ctx.para_starts) else len(text)
        cuts = [ctx.para_starts[para], *(x for r in raws for x in (r.start, r.end)), end]
        if not any(c.isalnum() for a, b in zip(cuts[::2], cuts[1::2], strict=True) for c in text[a:b]):
            found.add(para)
    return found
