"""Reported statements rebuilt around a quotation whose parse gave its cue no complement.

Quotation marks often break the parse of the sentence that holds them: in `The rejection of the
treaty signals "the beginning of the end" for the EU, said Geert Wilders` en_core_web_sm makes
`rejection` the subject of `said` and `signals` a noun, so reported.py finds no clause; in `Tabb
called what she saw "terrible"` the quoted predicate hangs on the wrong verb. The quotation's own
attribution (attribution.py) still finds its cue and speaker; that cue's place in the sentence gives
the statement's content back:
- a content-first frame (`CONTENT, said X.`, `CONTENT, X said on Monday.`): the sentence's words
  before the comma that opens the frame;
- a cue before the quotation (`X called Y "Z"`, `X testified "thousands" of emails were lost`): the
  words after the cue to the end of its sentence, cut as any content is (reported_span.py).
Only a quotation inside a sentence (`partial`) that no statement holds is read so, and the rebuilt
statement must have words of the writer's own around the quotation (quoted_content.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from transforms.quotes.context import FieldContext, is_mark
from transforms.quotes.cue_table import CUES
from transforms.quotes.quoted_content import stands_for_quotation
from transforms.quotes.reported_span import content_span, trimmed_end
from transforms.quotes.types import Attribution, Statement

__all__ = ["quotation_statements"]

# Dependents of a frame's verb that a closing frame may hold: its subject, addressee, auxiliaries and
# circumstances (`..., Tabb told CNN on Monday`).
_FRAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "prep", "npadvmod", "advmod", "aux", "neg", "agent"})
# Marks after a quotation that end the content a cue before it reports (`"make America great" - so
# routine that ...`).
_CONTENT_ENDS = frozenset({"-", "--", "—", "–", ";"})
# Dependents of a cue that stand between it and its content: circumstances (`said in May on a
# podcast`) and, for a cue that takes no object as content, the addressee (`told the host`).
_LEADING = frozenset({"prep", "npadvmod", "advmod"})
_ADDRESSEE = frozenset({"dobj", "dative"})
# At most this many words between the comma and the cue (`, Mara Lindqvist, the mayor, said`).
_LONGEST_FRAME = 8


def quotation_statements(ctx: FieldContext, attributions: Sequence[Attribution | None], inside: Sequence[bool],
                         held: Sequence[Statement]) -> list[Statement]:
    """A statement for each quotation `n` inside a sentence (`inside[n]`) with a verb cue in
    `attributions[n]` that no statement in `held` (nor one built before it) holds, when its cue's
    place gives a content with words of the writer's own around the quotation."""
    out: list[Statement] = []
    for n, attr in enumerate(attributions):
        raw = ctx.spans[n]
        if attr is None or not attr.cue or not inside[n] or any(
            s.start <= raw.start and raw.end <= s.end for s in (*held, *out)
        ):
            continue
        verb = _cue_token(ctx, n, attr.cue)
        if verb is None:
            continue
        span = ctx.token_spans[n]
        before = verb.i > span.end
        bounds = _before_frame(ctx, span.start, verb) if before else _after_cue(ctx, verb, span.start, span.end)
        if bounds is None:
            continue
        first, last = bounds
        chars = content_span(ctx, first, trimmed_end(ctx.doc[first], ctx.doc[last]).i, verb.i)
        if chars is None or not (chars[0] <= raw.start and raw.end <= chars[1]):
            continue
        lemma = verb.lemma_.lower()
        kind = "clause" if before else "object"
        cue_class = CUES.get((lemma, kind)) or CUES.get((lemma, "clause")) or CUES.get((lemma, "object"))
        if cue_class is None:
            continue
        s = Statement(chars[0], chars[1], lemma, kind, cue_class, attr)
        if not stands_for_quotation(ctx, s):
            out.append(s)
    return out


def _cue_token(ctx: FieldContext, n: int, cue: str) -> Token | None:
    """The verb of lemma `cue` in quotation `n`'s sentence nearest to it, outside quotation marks."""
    span = ctx.token_spans[n]
    sent = span[0].sent
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() == cue and not ctx.quoted(t)]
    return min(verbs, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)), default=None)


def _before_frame(ctx: FieldContext, quote_start: int, verb: Token) -> tuple[int, int] | None:
    """(first, last) token of the content before a frame that closes the sentence (`..., said X.`,
    `..., X told CNN on Monday.`): from the sentence's start to before the comma that opens the
    frame; None when the verb is no such frame (the words from the comma to the sentence's end are
    not all the verb and its subject, addressee and circumstances)."""
    doc = ctx.doc
    i = verb.i - 1
    while i > quote_start and verb.i - i <= _LONGEST_FRAME and not doc[i].is_punct:
        i -= 1
    # the comma opening the frame, before or inside the closing mark (`..." X said`, `...," X said`)
    comma = i - 1 if is_mark(doc[i]) and doc[i - 1].text == "," else i if doc[i].text == "," else None
    if comma is None or comma <= quote_start:
        return None
    frame = {t.i for c in verb.children if c.dep_ in _FRAME_DEPS for t in c.subtree} | {verb.i}
    if any(t.i not in frame and not t.is_punct for t in doc[i + 1 : verb.sent.end]):
        return None
    return verb.sent.start, comma - 1


def _after_cue(ctx: FieldContext, verb: Token, quote_start: int, quote_end: int) -> tuple[int, int] | None:
    """(first, last) token of the content after the cue: from after its `that` (`told reporters in
    a call that ...`), else after the circumstances the cue's own (`said in May on a podcast, "..."`)
    and, for a cue that takes no object as content, its addressee (`told the host, "..."`); to the
    end of its sentence, a dash or semicolon after the quotation, or a second act coordinated with
    the cue (`called him "a fraud" and demanded ...`). None when the cue's subject follows it (`said
    X, an economist, "..."`: the quotation's own frame)."""
    doc = ctx.doc
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.children):
        return None
    first = verb.i + 1
    that = next((t for t in doc[first:quote_start] if t.lower_ == "that" and t.dep_ == "mark"), None)
    if that is not None:
        first = that.i + 1
    else:
        skipped = _LEADING if (verb.lemma_.lower(), "object") in CUES else _LEADING | _ADDRESSEE
        while first < quote_start:
            c = next((c for c in verb.children if c.left_edge.i == first and c.dep_ in skipped), None)
            if c is not None and c.right_edge.i < quote_start:
                first = c.right_edge.i + 1
            elif doc[first].text == ",":
                first += 1
            else:
                break
    last = verb.sent.end - 1
    for t in doc[quote_end : verb.sent.end]:
        if t.text in _CONTENT_ENDS and not ctx.quoted(t):
            last = t.i - 1
            break
    for c in verb.children:  # `... and said the party would lose`: the source's next act; `on his show`: the cue's
        if (c.dep_ == "conj" or c.dep_ in _LEADING) and c.left_edge.i >= quote_end:
            last = min(last, c.left_edge.i - 1)
    while last >= first and (doc[last].dep_ == "cc" or doc[last].text == ","):
        last -= 1
    return (first, last) if first <= last else None
