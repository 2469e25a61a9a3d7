"""Where a reported statement's words lie: the content's ends and the source's paragraph.

reported.py and reported_nouns.py find a cue and its complement in the parse; these rules cut the
complement's tokens to the content a reader would quote: within the cue's paragraph, without a
leading `that`, punctuation or unmatched quotation marks at the ends, without what follows a comma
that only describes or frames it (`..., who ...`, `..., saying ...`, `..., while ...`) and with the
contents coordinated with it (`said A, and that B`). A source the parse takes from another paragraph
(a heading joined to a sentence) is cut back to the cue's paragraph likewise.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.content_breaks import (
    after_a_break,
    has_subject,
    past_after_present,
    shares_auxiliary,
    third_person_subject,
    writers_clause,
)
from transforms.quotes.content_lists import with_list_members
from transforms.quotes.context import FieldContext, is_mark
from transforms.quotes.conventions import dateline_end
from transforms.quotes.cues import is_reporting

VERB_TAGS = frozenset({"VERB", "AUX"})
# Dependents that, after a comma at a content's end, describe a word of it rather than report.
_TRAILING_DESCRIPTIONS = frozenset({"relcl", "appos"})
# Words that open a contrasting clause after a comma (`..., while critics said the costs were hidden`):
# the writer's framing, not the reported content. Not `but`: `said A, but B` goes on with the source's
# words more often than not in PolNeAR (cutting there cost 5 hits).
_CONTRAST = frozenset({"while", "though", "although", "whereas", "yet"})
# Clauses a reporting verb may take that carry its content on (`A, she said, because B`).
_CONTINUATIONS = frozenset({"ccomp", "advcl", "conj"})
# Marks that set a reporting frame off inside its sentence (`The plan, he said, is dead`).
_FRAME_MARKS = frozenset({",", "—", "–", "--"})
# The most tokens a reported content runs to. In news no content comes near it (the longest of the
# 28,000 rows over polnear-dev's 924 articles is 291 words), but a run-on "sentence" of thousands of
# tokens (a list or transcript with no full stops) nests a statement in each clause, and each would
# span the rest of it: the rows' total length, and the work on them, would grow with the square of
# the sentence. Capped, both stay linear in it.
MAX_CONTENT_TOKENS = 400
# The words that open a question clause: a content of only these (`did not say whether.`, `would not
# say whether or not`) is the opener of a clause the writer left out, and states nothing.
_CLAUSE_OPENERS = frozenset({"whether", "if", "or", "not"})


def content_span(ctx: FieldContext, first: int, last: int, cue: int) -> tuple[int, int] | None:
    """Character offsets of the content between tokens `first` and `last` (inclusive) of the cue at
    token `cue`: within one paragraph (the cue's side of a line break), without a leading `that`,
    spaces and punctuation at the ends, and quotation marks at the ends unless the quote they open
    or close lies inside the content, and never the body's dateline (the parse may hang `CLEVELAND -`
    on a sentence's fronted clause). None when no word is left, or only the opener of a left-out
    clause (`did not say whether.`)."""
    doc = ctx.doc
    last = min(last, first + MAX_CONTENT_TOKENS - 1)
    if first > last:  # nothing between them (a phrase of attribution that ends its field: `..., according to A`)
        return None
    if ctx.field == "body" and doc[first].idx < 80:
        dateline = dateline_end(ctx)
        while first <= last and doc[first].idx < dateline:
            first += 1
    lo, hi = min(first, cue), max(last, cue)
    breaks = [t.i for t in doc[lo : hi + 1] if "\n" in t.text]
    if breaks:  # keep to the cue's paragraph
        first = max(first, max((b + 1 for b in breaks if b < cue), default=first))
        last = min(last, min((b - 1 for b in breaks if b > cue), default=last))
    while first <= last and _edge_noise(ctx, doc[first], first, last, opening=True):
        first += 1
    while last >= first and _edge_noise(ctx, doc[last], first, last, opening=False):
        last -= 1
    if first > last or not any(t.is_alpha or t.is_digit for t in doc[first : last + 1]):
        return None
    words = [t.lower_ for t in doc[first : last + 1] if not t.is_punct]
    if set(words) <= _CLAUSE_OPENERS and ("whether" in words or "if" in words):
        return None  # only the opener of a left-out clause: `did not say whether.`
    first, last = _from_quote_start(ctx, first), _to_quote_end(ctx, last)
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _to_quote_end(ctx: FieldContext, last: int) -> int:
    """The content's last token with the rest of the quotation it ends in, to the closing mark (`were
    "intolerable."`): a reader quoting the statement takes a quoted phrase whole, while the parse
    often hangs the quotation's tail (its punctuation, or the words after a quoted comma) on
    the cue's clause. Not past a line break."""
    n = ctx.quote_of[last]
    if n < 0:
        return last
    span = ctx.token_spans[n]
    doc = ctx.doc
    end = span.end if span.end < len(doc) and is_mark(doc[span.end]) else span.end - 1
    if end <= last or any("\n" in t.text for t in doc[last + 1 : end + 1]):
        return last
    return end


def _from_quote_start(ctx: FieldContext, first: int) -> int:
    """The content's first token with the start of the quotation it begins inside, from the opening
    mark (the parse may hang a quotation's first words on another clause). Not across a line break."""
    n = ctx.quote_of[first]
    if n < 0:
        return first
    doc = ctx.doc
    start = ctx.token_spans[n].start
    start = start - 1 if start > 0 and is_mark(doc[start - 1]) else start
    if start >= first or any("\n" in t.text for t in doc[start:first]):
        return first
    return start


def _edge_noise(ctx: FieldContext, t: Token, first: int, last: int, opening: bool) -> bool:
    if t.is_space or "\n" in t.text:
        return True
    if opening and t.dep_ == "mark" and t.lower_ == "that":
        return True
    if is_mark(t):
        neighbour = t.i + 1 if opening else t.i - 1
        n = ctx.quote_of[neighbour] if 0 <= neighbour < len(ctx.doc) else -1
        if n < 0:
            return True
        span = ctx.token_spans[n]
        return not (first <= span.start and span.end - 1 <= last)  # keep the marks of a whole quote
    return t.is_punct



def trimmed_end(first: Token, last: Token) -> Token:
    """The content's last token without what follows a comma that only describes or frames it: a
    non-restrictive relative clause or apposition (`the convention, where Republicans will select
    a nominee`), a participle that is an attribution of its own (`..., saying ...`) and a trailing
    `..., according to X` (reported_nouns reads it as its own statement)."""
    doc = first.doc
    last = doc[min(last.i, first.i + MAX_CONTENT_TOKENS - 1)]
    for t in doc[first.i + 1 : last.i + 1]:
        cut = _second_act(first, last, t)
        if cut is not None:
            return cut
        prev = doc[t.left_edge.i - 1]
        if prev.text != "," or t.left_edge.i <= first.i + 1 or t.right_edge.i < last.i:
            continue
        if t.dep_ in _TRAILING_DESCRIPTIONS or (t.dep_ == "advcl" and t.tag_ == "VBG" and is_reporting(t)):
            return doc[prev.i - 1]
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            return doc[prev.i - 1]  # `..., according to a statement`: an attribution of its own (its own row)
    return last


def _second_act(first: Token, last: Token, t: Token) -> Token | None:
    """Where the content ends when `t` starts what is no longer its words: a second reporting act of the
    same speaker that the parse hung on the content (`said the economy would rebound and praised
    Kerry`, `... but conceded that ...`; a verb of speech only: a stance or belief coordinated there
    is mostly the content's own predicate, `said he was impressed by her and liked her answers`; any
    verb in the simple past after a content in the present, after `and` or `but`: `said he makes
    $41,000 and questioned ...`, `said the goal is X, but conceded ...`), a contrasting clause with
    a subject of its own after a comma (`argued the plan was sound, while critics said the costs
    were hidden`), a clause with `he`, `she` or `they` for subject after a dash or semicolon (`said
    Carson had been led astray — and he singled out Bennett`: the writer going on about the source;
    with other subjects the annotators mostly keep it in the content) or the writer's clause of
    circumstance, comma or not (`voted to ban cloning even as Congress grappled with its ethics`:
    writers_subordinators.txt). None when `t` starts none."""
    if t.dep_ not in ("conj", "advcl") or t.pos_ not in VERB_TAGS or t.right_edge.i < last.i:
        return None
    doc = t.doc
    before = doc[t.left_edge.i - 1] if t.left_edge.i > first.i + 1 else None
    if before is None:
        return None
    if t.dep_ == "conj" and before.lower_ in ("and", "but") and not has_subject(t) \
            and ((is_reporting(t) and not shares_auxiliary(t)) or past_after_present(t)):
        end = doc[before.i - 1]
        return doc[end.i - 1] if end.text == "," and end.i > first.i else end
    if t.dep_ == "advcl" and writers_clause(t):
        return before
    opener = doc[t.left_edge.i] if t.dep_ == "advcl" else before
    comma = doc[opener.i - 1] if opener.i - 1 > first.i else None
    if t.dep_ == "conj" and _opens_with_that(t):  # `..., but that B`: a coordinated content
        return None
    if t.dep_ == "conj" and third_person_subject(t) and after_a_break(first, before):
        mark = doc[before.i - 1] if before.text.lower() in ("and", "but") else before
        return doc[mark.i - 1]
    if opener.lower_ in _CONTRAST and comma is not None and comma.text == "," and has_subject(t):
        return doc[comma.i - 1]
    return None


def coordinated_end(verb: Token, clause: Token) -> Token:
    """The last token of a clause's content with what the parse hangs on the reporting verb after
    it but belongs to it: a content coordinated with its own `that` (`said the economy would grow,
    and that wages would rise`) or after a content that `that` opens (`argued that A, and B`; not a
    second report), and an adverbial clause (`said the plant would close, because
    demand had fallen`), not a reporting participle (`..., adding that ...`)."""
    end = clause.right_edge
    if clause.i > verb.i:
        end = _through_colon(end)
    if clause.i < verb.i:
        if interrupting_frame(verb):  # `A, officials insist, because B`: B goes on with A
            for c in verb.children:
                if c.i > verb.i and c.dep_ in _CONTINUATIONS and c.pos_ in VERB_TAGS and not _reporting_participle(c):
                    end = max(end, c.right_edge, key=lambda t: t.i)
        return end
    for c in verb.children:
        if c.i <= end.i:
            continue
        coordinated = c.dep_ == "conj" and c.pos_ in VERB_TAGS and (_opens_with_that(c) or (
            _opens_with_that(clause) and has_subject(c) and not is_reporting(c)
            and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].lower_ == "and"))
        adverbial = c.dep_ == "advcl" and not _reporting_participle(c)  # `said X, because Y`
        if coordinated or adverbial:
            end = c.right_edge
    return with_list_members(verb, clause, end)


def _through_colon(end: Token) -> Token:
    """A clause's last token with what a colon after it opens, to the sentence's end (`argued that the
    plan was sound: the costs were small and the gains large`): the colon spells the content out. Not
    across a line break (a heading's colon)."""
    doc = end.doc
    colon = end.i + 1
    # the colon first: `end.sent` walks the whole sentence, and most contents are followed by no colon
    if colon >= len(doc) or doc[colon].text != ":" or colon >= end.sent.end:
        return end
    rest = doc[colon + 1 : end.sent.end]
    if any("\n" in t.text for t in rest):
        return end
    words = [t for t in rest if not (t.is_punct or t.is_space)]
    return words[-1] if words else end


def _opens_with_that(clause: Token) -> bool:
    """`that wages would rise`: a clause with its own `that`, a content of its own kind."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children if c.i < clause.i)


def across_paragraphs(ctx: FieldContext, a: Token, b: Token) -> bool:
    """A parse that joins a heading or the next paragraph to a sentence: no source comes from there."""
    return ctx.paragraph(a.idx) != ctx.paragraph(b.idx)


def in_paragraph(ctx: FieldContext, cue: Token, source: Token) -> tuple[Token | None, str | None]:
    """The source's words in the cue's own paragraph (`Heading\n\nMara Lindqvist said`): the last
    name or pronoun among them and the words up to it, or (None, None)."""
    para = ctx.paragraph(cue.idx)
    words = [t for t in source.subtree if ctx.paragraph(t.idx) == para and not ctx.quoted(t)]
    head = next((t for t in reversed(words) if t.pos_ in ("PROPN", "PRON")), None)
    if head is None:
        return None, None
    first = next(t for t in words if t.i <= head.i)
    return head, ctx.doc[first.i : head.i + 1].text


def interrupting_frame(verb: Token) -> bool:
    """`The economy, he said, is in trouble`: whether a reporting verb's own words (its subject, the
    verb and their modifiers, without the clauses it reports) stand between commas or dashes inside
    its sentence, with words of the sentence going on after them."""
    doc = verb.doc
    reported = [c for c in verb.children if c.dep_ in _CONTINUATIONS or c.dep_ == "cc"]
    words = [t.i for t in verb.subtree
             if not t.is_punct and not any(c.left_edge.i <= t.i <= c.right_edge.i for c in reported)]
    first, last = min(words), max(words)
    if first < 1 or last + 2 >= len(doc):
        return False
    if doc[first - 1].text not in _FRAME_MARKS or doc[last + 1].text not in _FRAME_MARKS:
        return False
    return any(t.is_alpha for t in doc[last + 2 : verb.sent.end])


def _reporting_participle(verb: Token) -> bool:
    """`..., adding that ...`: a participle that is an attribution of its own."""
    return verb.tag_ == "VBG" and is_reporting(verb)
