"""Transcript labels inside quotation marks: a quoted paragraph that opens with a speaker's name in
capitals (`"WALLACE: Let's start with ...`, `"PENCE: Well, look, ...`) is that speaker's, whatever
the sentence around it says. The label names the person of the article whose surname it is; a
label naming nobody in the article (the host introduced only as `Chris`) is the speaker as written
only where the field reads as a transcript, turns of at least two labels, this one used at least twice
(a lone `"UPDATE: ...` or a repeated `"NOTE: ...` is a heading, not a speaker), and only for a quote
that its own sentence does not attribute (`"WARNING: stay home," the mayor said` is the mayor's). A
label two people of the article could claim (`REYES:` beside Ann and Tom Reyes) is that label as
written, never another turn's speaker. A turn is in sentence case: after a label, a quotation all in
capitals (`"CLINTON: A TOTAL DISASTER!" Trump tweeted`) is a shouted headline, not a turn.
Questions and answers (`Q:`, `A:`) are transcript_answers' (conventions.py).
"""

from __future__ import annotations

import re
from collections import Counter

from transforms.quotes.context import FieldContext
from transforms.quotes.types import Attribution

# A name in capitals, one to three words, then a colon: `WALLACE:`, `SEN. CRUZ:`, `O'REILLY:`.
_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s+(?=\S)")
_NOT_NAMES = frozenset({"Q", "A", "QUESTION", "ANSWER", "INTERVIEWER"})


def quotation_labels(ctx: FieldContext) -> dict[int, Attribution]:
    """Quote span index -> the attribution its opening label gives (see the module doc)."""
    labels: dict[int, str] = {}
    for n, raw in enumerate(ctx.spans):
        m = _LABEL.match(ctx.text, raw.start, raw.end)
        # a turn is written in sentence case: `"CLINTON: A TOTAL DISASTER!"` (a shouted tweet) names its subject
        if m and m.group(1).rstrip(".") not in _NOT_NAMES and any(c.islower() for c in ctx.text[m.end():raw.end]):
            labels[n] = m.group(1).rstrip(".")
    if not labels:
        return {}
    uses = Counter(labels.values())
    people = [e for e in ctx.entities if e.label == "PERSON"]
    out: dict[int, Attribution] = {}
    for n, label in labels.items():
        surname = label.split()[-1]
        named = [e for e in people if e.name.upper() == label or e.name.split()[-1].upper() == surname]
        if len(named) == 1:
            out[n] = Attribution(label, named[0].name, named[0], None)
        elif named or uses[label] >= 2 and len(uses) >= 2:  # two of that surname, or a transcript's host
            out[n] = Attribution(label, label.title(), None, None)
    return out


def with_labels(ctx: FieldContext, own: list[Attribution | None], unspoken: set[int]) -> list[Attribution | None]:
    """The quotes' own attributions (by span index) with the labels' put in: a label naming a person of
    the article outranks the words around the quote; a label as written only fills a quote they leave
    without a speaker (see the module doc)."""
    labelled = quotation_labels(ctx)
    return [a if n in unspoken or n not in labelled or (labelled[n].entity is None and a is not None)
            else labelled[n] for n, a in enumerate(own)]
