"""Quotations in an article's fields and who said them, from the quotation marks and the spaCy parse.

Each quotation-mark span (spans.py) becomes one Quote (types.py). Its own speaker comes from the
first of these that applies, within the quote's clause (back and forward to a sentence end, a line
break or another quote; attribution.py):
1. the classic frames: `"...," X said`, `"...," said X`, `X said: "..."`, `"...," the agency's
   spokesman, X, tweeted`;
2. the reporting verb that governs the quoted words in the dependency parse (`Clinton says it means
   Trump "may not have paid a dime"` -> Clinton);
3. the nearest reporting verb of the clause, a main verb before a relative clause's;
4. `according to X`;
5. a bare name next to the quote with no verb (`Kim "left ...," the official news agency`);
6. the person or organisation whose verb the quoted words belong to (`Clinton opposes "pay
   freezes"`).
Quotes that name things (`on "Meet the Press"`) and quoted numbers or dates keep no speaker
(titles.py). Any other quote without its own speaker takes the speaker of the quote it continues
(one quote running over paragraphs), else of the nearest earlier attributed quote or reporting
clause in its paragraph (or the next quote there), else, in a paragraph of nothing but quotation,
the last speaker of the paragraph before (inheritance.py). The speaker is the subject of the
reporting verb (cues.py lists those verbs); pronouns resolve to a recent salient entity, names and
short names to the article's entities (speakers.py); an epithet (`the 22-year-old`, `the
defender`) to the one person the article introduced so (epithets.py). Conventions without a
reporting verb (a dash and a name, a colon lead-in, a quote after its speaker's action, a headline's
`Name: '...'` and `'...', says minister`) and quotes that are nobody's words (nicknames, markup, a
dateline's city as speaker) are in conventions.py; the letters of a readers' letters page, each
signed by its writer, in signatures.py. Each quote is 'direct' or 'partial'
(quote_type.py). The rules share one FieldContext per field (context.py).

Statements reported without quotation marks (`Peskov said the leaders would meet`, `according to the
Kremlin, ...`) are found in the same parse (reported.py for verb cues, reported_nouns.py for `according
to` and nouns, reported_adjectives.py for stances, reported_span.py for the content's ends,
content_breaks.py for where the writer takes over; the cues of cue_table.py) and become Quotes of type
'indirect'. One whose content is mostly a quotation with no words of the writer's own around it (only
`that`, or the quotation's own frame) is left to that quotation's row (quoted_content.py); where
quotation marks broke the parse so that a quotation's cue got no complement, its statement is rebuilt
from the cue's place (quoted_frames.py: `The levy signals "the end" for the ferry, said Tabb`); a
quotation inside reported content keeps its own row, as 'partial', with the statement's speaker (a name
in quotation marks and a label that qualifies a noun excepted: `the union's "final offer" demand` is not
the source's words); a quoted term of a few words that no statement holds and no verb of its own
introduces is nobody's words (quoted_terms.py: `ran as the "establishment" choice`). Every Quote with
a cue gets the cue's class: speech, belief or evidence.

The word lists behind the rules (reporting verbs, title words, speaker labels) are data files in
transforms/lexicon/.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span

from transforms.entities import Entity
from transforms.quotes.attribution import own_attribution
from transforms.quotes.context import FieldContext
from transforms.quotes.conventions import (
    dateline_only,
    is_embedded_markup,
    is_markup,
    is_naming,
    lead_in,
    not_dateline,
    transcript_answers,
)
from transforms.quotes.cue_table import ATTRIBUTION_NOUNS, CUE_CLASSES, CUES
from transforms.quotes.cues import REPORTING_VERBS
from transforms.quotes.epithets import resolve_epithets
from transforms.quotes.holders import Holders
from transforms.quotes.inheritance import inherit
from transforms.quotes.labels import with_labels
from transforms.quotes.own_frames import frame_after
from transforms.quotes.quote_type import DIRECT, INDIRECT, PARTIAL, QUOTE_TYPES, quote_type
from transforms.quotes.quoted_content import modifies_a_noun, stands_for_quotation
from transforms.quotes.quoted_frames import quotation_statements
from transforms.quotes.quoted_terms import unspoken_terms
from transforms.quotes.reported import Statement, reported_statements
from transforms.quotes.signatures import signed_statements
from transforms.quotes.spans import RawSpan, find_quote_spans, scan_quotes
from transforms.quotes.speakers import SPEAKER_LABELS
from transforms.quotes.titles import is_attribute_value, is_unspoken
from transforms.quotes.types import Attribution, Quote

__all__ = [
    "CUE_CLASSES",
    "DIRECT",
    "INDIRECT",
    "PARTIAL",
    "QUOTE_TYPES",
    "REPORTING_VERBS",
    "SPEAKER_LABELS",
    "Quote",
    "RawSpan",
    "extract_quotes",
    "field_quotes",
    "find_quote_spans",
    "scan_quotes",
]


def extract_quotes(docs: Mapping[str, Doc], entities: Sequence[Entity]) -> list[Quote]:
    """One Quote per quotation-mark span in each annotated field, with its speaker when known."""
    quotes: list[Quote] = []
    for name, doc in docs.items():
        quotes.extend(field_quotes(name, doc, entities))
    return [row for q in resolve_epithets(quotes, docs, entities) for row in _each_speaker(q)]


def _each_speaker(q: Quote) -> list[Quote]:
    """A statement of a coordinated subject (`Clinton and Sanders said`) as one row per speaker."""
    if not q.co_speakers:
        return [q]
    first = replace(q, co_speakers=())
    others = [replace(first, conjunct=k, **{**_speaker(a), "co_speakers": ()}) for k, a in enumerate(q.co_speakers, 1)]
    return [first, *others]


def field_quotes(field: str, doc: Doc, entities: Sequence[Entity]) -> list[Quote]:
    """The attributed statements of one field in text order: each quotation (unspoken ones set
    aside, then each quote's own attribution, then inheritance for those still without a speaker),
    and each statement reported without quotation marks."""
    ctx = FieldContext(field, doc, entities)
    count = len(ctx.spans)
    unspoken = {n for n in range(count) if is_unspoken(ctx, n) or is_naming(ctx, n)}
    own = [None if n in unspoken else not_dateline(ctx, own_attribution(ctx, n), ctx.spans[n].start)
           for n in range(count)]
    own = with_labels(ctx, own, unspoken)  # `"WALLACE: ...`: the label outranks the words around the quote
    attributions = inherit(ctx, own, unspoken)
    attributions = [a or (None if n in unspoken else lead_in(ctx, n)) for n, a in enumerate(attributions)]
    quotes = [_quote(ctx, n, attributions[n]) for n in range(count)]
    statements = [s for s in reported_statements(ctx) if not stands_for_quotation(ctx, s)]
    labels = {ctx.spans[n].start for n in range(count) if n in unspoken or modifies_a_noun(ctx, n)}
    inside = [q.quote_type == PARTIAL and q.char_start not in labels for q in quotes]
    statements += quotation_statements(ctx, attributions, inside, statements)
    framed = {n: max(_frame_start(ctx.text, a, quotes[n].char_start), frame_after(ctx.text, a, ctx.spans[n].end))
              for n, a in enumerate(own) if a is not None}
    holders = Holders([s for s in statements if s.attribution is not None])
    terms = unspoken_terms([_words(ctx, q) for q in quotes], [q.quote_type == PARTIAL for q in quotes],
                           [_held(q, holders) for q in quotes], own)
    quotes = [_nobodys(q) if n in terms else q for n, q in enumerate(quotes)]
    quotes = _within_statements(quotes, statements, labels, framed)
    quotes.extend(_statement_quote(ctx, s) for s in statements)
    quotes.extend(_row(ctx, a, b, DIRECT, attr, None, cue_class_of(attr)) for a, b, attr in transcript_answers(ctx))
    quotes.extend(_row(ctx, a, b, DIRECT, attr, None, cue_class_of(attr)) for a, b, attr in signed_statements(ctx))
    attribute_values = {ctx.spans[n].start for n in unspoken if is_attribute_value(ctx, n)}
    quotes = [_no_dateline(ctx, q) for q in quotes
              if not (is_embedded_markup(q.text) if q.quote_type == INDIRECT
                      else is_markup(q.text) or q.char_start in attribute_values)]
    return sorted(quotes, key=lambda q: (q.char_start, q.quote_type == INDIRECT, -q.char_end))


def _words(ctx: FieldContext, q: Quote) -> Span:
    """The tokens of a quote's characters (none for a quote of blanks)."""
    return ctx.doc.char_span(q.char_start, q.char_end, alignment_mode="expand") or ctx.doc[0:0]


def _held(q: Quote, holders: Holders) -> bool:
    """True when a reported statement with a speaker (`holders` holds only those) holds the quotation."""
    return any(_holds(s, q) for s in holders.around(q.char_start))


def _holds(s: Statement, q: Quote) -> bool:
    """The statement's content holds the quotation (`... be "active."`: the content ends before the stop)."""
    return s.start <= q.char_start and q.char_start + len(q.text.rstrip(_CLOSING)) <= s.end


def _nobodys(q: Quote) -> Quote:
    """A quotation without a speaker (quoted_terms: a term nobody is reported as saying)."""
    return replace(q, **_speaker(None), cue=None, cue_class=None)


def _no_dateline(ctx: FieldContext, q: Quote) -> Quote:
    """A dateline's city (`WASHINGTON —`) is never a speaker, named or resolved from a pronoun: the person
    named after it, or nobody."""
    if not q.speaker_mention:
        return q
    attr = not_dateline(ctx, Attribution(q.speaker_mention, q.speaker, None, q.cue), q.char_start)
    if attr is not None and attr.mention != q.speaker_mention:
        q = replace(q, **_speaker(attr))
    if attr is None or dateline_only(ctx, q.speaker_entity_id):  # `JACKSON (AFP) – ... he said`: not the city
        return replace(q, speaker=None, speaker_mention=None, speaker_entity_id=None, co_speakers=())
    return q


def _quote(ctx: FieldContext, n: int, attr: Attribution | None) -> Quote:
    raw = ctx.spans[n]
    return _row(ctx, raw.start, raw.end, quote_type(ctx, raw), attr, attr.cue if attr else None, cue_class_of(attr))


def _statement_quote(ctx: FieldContext, s: Statement) -> Quote:
    return _row(ctx, s.start, s.end, INDIRECT, s.attribution, s.cue, s.cue_class)


def _row(ctx: FieldContext, start: int, end: int, kind: str, attr: Attribution | None, cue: str | None,
         cue_class: str | None) -> Quote:
    """The Quote of the field's characters [start:end], said by `attr` (None: unknown)."""
    return Quote(
        field=ctx.field, paragraph_index=ctx.paragraph(start), char_start=start, char_end=end,
        text=ctx.text[start:end], quote_type=kind, **_speaker(attr), cue=cue, cue_class=cue_class,
    )


def _speaker(attr: Attribution | None) -> dict[str, Any]:
    """A Quote's speaker fields from an attribution, its coordinated co-speakers with them."""
    return {
        "speaker": attr.speaker if attr else None,
        "speaker_mention": attr.mention if attr else None,
        "speaker_entity_id": attr.entity.entity_id if attr and attr.entity else None,
        "co_speakers": attr.others if attr else (),
    }


def cue_class_of(attr: Attribution | None) -> str | None:
    """A quotation's cue class: its cue's class as a verb of clauses or a noun, else speech (a
    quotation is somebody's words); None without a speaker."""
    if attr is None:
        return None
    return CUES.get((attr.cue or "", "clause")) or ATTRIBUTION_NOUNS.get(attr.cue or "") or CUE_CLASSES[0]


def _frame_start(text: str, attr: Attribution, quote_start: int) -> int:
    """Where a quote's own frame right before it starts (`O'Malley interjected: "`): its speaker's
    words, then a few words with its reporting verb, ending in a colon or comma; -1 for any other
    attribution."""
    if not attr.mention or attr.cue not in REPORTING_VERBS:
        return -1
    end = quote_start  # the frame ends before the opening mark and the blanks around it
    while end > 0 and text[end - 1] in _OPENING_BLANKS:
        end -= 1
    # only a mention that ends within _FRAME_CHARS of that can open the frame: no search back through the field
    start = text.rfind(attr.mention, max(0, end - _FRAME_CHARS - len(attr.mention)), quote_start)
    between = text[start + len(attr.mention) : end]
    return start if start >= 0 and len(between) <= _FRAME_CHARS and between.endswith((":", ",")) else -1


_FRAME_CHARS = 40  # a frame's verb and its adverbs: `interjected:`, `said on Monday,`
_OPENING_BLANKS = " \"“‘'`"  # what lies between a frame's last word and its quotation's first
_CLOSING = ".,;:!? "  # punctuation a quotation takes in before its closing mark


def _within_statements(
    quotes: list[Quote], statements: list[Statement], unspoken: set[int], framed: dict[int, int]
) -> list[Quote]:
    """Quotations inside reported content are partial and take the statement's speaker: of the
    statements holding one, the outermost whose cue is speech (the quoted words are what that
    source said: `Peskov said the leaders would ignore "warnings"`), an `according to` only when no
    other is (`X said Y "..." according to Z`: X's words, which Z reports), else the innermost. A quotation
    whose own frame, a reporting verb, names someone else inside that content keeps it (`She said
    experts backed her plan, to which O'Malley interjected: "It's just not true."`; `"We won," Tabb
    said, according to the minutes`): `framed` gives, per quote index, where its own attribution's
    words start right before or after it (-1 when nowhere there)."""
    spoken = sorted((s for s in statements if s.attribution is not None), key=lambda s: s.end - s.start)
    near = Holders(spoken)  # shortest first, as `spoken`: around() keeps that order
    out = []
    for n, q in enumerate(quotes):
        if q.char_start in unspoken:  # a name in quotation marks stays nobody's words
            out.append(q)
            continue
        holders = [s for s in near.around(q.char_start) if _holds(s, q)]
        speech = [s for s in holders if s.cue_class == CUE_CLASSES[0]]
        # `X said Y "..." according to Z`: the quotation is X's words, which Z reports
        speech = [s for s in speech if s.cue != "according to"] or speech
        holder = speech[-1] if speech else holders[0] if holders else None
        if holder is not None and holder.attribution.mention != q.speaker_mention \
                and holder.start < framed.get(n, -1) < holder.end:
            out.append(replace(q, quote_type=PARTIAL))  # its own frame inside the content: its own speaker
            continue
        if holder is not None:
            q = replace(q, quote_type=PARTIAL, **_speaker(holder.attribution), cue=holder.attribution.cue,
                        cue_class=holder.cue_class)
        out.append(q)
    return out
