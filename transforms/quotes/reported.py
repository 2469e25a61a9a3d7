"""Reported speech: statements attributed without quotation marks, read off the dependency parse.

A cue attributes some content to a source (the terms of attribution analysis, as in PolNeAR):
- a verb and its complement, in the forms cue_table.py describes: `Peskov said (that) the leaders
  would meet` (a clause, before or after the verb: `The deal is off, he said`), `she refused to
  answer` (an infinitive), `Trump denied the report` (an object), `Sanders called for a ban` (a
  preposition's object);
- `according to X` before or after its clause;
- a noun with a that-clause: `his claim that the vote was rigged`, `the warning by officials that`.
The content is the complement's words (its subtree in the parse), without a leading `that` and
without punctuation at its ends; the source is the verb's subject as speakers.subject_of finds it
(the subject, a passive's agent, the subject a subordinate verb shares: `X is expected to say`),
resolved like a quotation's speaker, so `he said the deal was off` names the person. A source that
is a document or a group (`the report`, `sources`) stays the words the text gives.

Everything is read from the parse the pipeline already has: one pass over the field's tokens, and
for each cue a constant amount of work plus its content's length.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from transforms.quotes.context import FieldContext, is_mark
from transforms.quotes.cue_candidates import cue_positions
from transforms.quotes.cue_table import ATTRIBUTION_NOUNS, CUES, ISSUING_VERBS, CueTable
from transforms.quotes.cues import is_cue_verb, is_reporting
from transforms.quotes.speakers import resolve_speaker, subject_of
from transforms.quotes.types import Attribution

# Prepositions and subordinators that may open a noun cue's content (`the claim that ...`).
_NOUN_CONTENT_MARKS = frozenset({"that", "whether", "if"})
# Possessives and prepositions that name a noun cue's source (`his claim`, `a warning from NATO`).
_NOUN_SOURCE_PREPS = frozenset({"by", "from", "of"})
_VERB_TAGS = frozenset({"VERB", "AUX"})
# Dependents that complete an object into one content: a predicate (`called it "a disgrace"`), a
# preposition (`accused her of lying`, `praised him for ...`). A clause after an object is not one:
# the object is the addressee (`told reporters that ...`).
_COMPLETIONS = frozenset({"oprd", "prep"})
# Dependents that, after a comma at a content's end, describe a word of it rather than report.
_TRAILING_DESCRIPTIONS = frozenset({"relcl", "appos"})
# Words that open a contrasting clause after a comma (`..., but for Republicans it is a cover-up`):
# the writer's framing, not the reported content.
_CONTRAST = frozenset({"but", "while", "though", "although", "whereas", "yet"})


@dataclass(frozen=True)
class Statement:
    """One reported statement: its content's character offsets in the field, the cue's lemma
    (`say`, `according to`, `claim`), the cue's class and the source when the text gives one."""

    start: int
    end: int
    cue: str
    complement: str  # how the content hangs on the cue: clause, infinitive, object, a preposition, noun
    cue_class: str
    attribution: Attribution | None


def reported_statements(ctx: FieldContext, cues: CueTable = CUES) -> list[Statement]:
    """Every reported statement of the field, in text order, one per content span (the first cue
    found keeps a span two cues claim)."""
    found: dict[tuple[int, int], Statement] = {}
    verb_cues = frozenset(lemma for lemma, _ in cues)  # a verb of another lemma cues nothing
    for i in cue_positions(ctx.doc, verb_cues, ATTRIBUTION_NOUNS):  # no other token cues anything
        t = ctx.doc[i]
        if ctx.quoted(t):
            continue
        for statement in _statements_at(ctx, t, cues, verb_cues):
            found.setdefault((statement.start, statement.end), statement)
    return sorted(found.values(), key=lambda s: (s.start, -s.end))


def _statements_at(ctx: FieldContext, t: Token, cues: CueTable, verb_cues: frozenset[str]) -> Iterator[Statement]:
    if t.lower_ == "according" and t.i + 1 < len(ctx.doc) and ctx.doc[t.i + 1].lower_ == "to":
        yield from _according_to(ctx, t)
    elif t.pos_ in _VERB_TAGS:
        if t.lemma_.lower() in verb_cues:
            yield from _verb_statements(ctx, t, cues)
    elif t.pos_ == "NOUN" and t.lemma_.lower() in ATTRIBUTION_NOUNS:
        yield from _noun_statement(ctx, t)


# -- verbs -------------------------------------------------------------------------------------------


def complements(verb: Token) -> Iterator[tuple[str, Token, Token]]:
    """(complement kind, first token, last token) of each content the verb may attribute: a clause
    (`ccomp`), an infinitive (`xcomp`), an object (`dobj`) or a preposition's object (the kind is
    the preposition: `for`, `of`). An object with what completes it is one content, of the
    completion's kind: `called the lines "unacceptable"`, `accused her of lying` (kind `of`)."""
    doc = verb.doc
    children = list(verb.children)
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
    for c in children:
        if c.dep_ == "ccomp" and not _inverted_frame(c):
            yield "clause", _clause_start(verb, c), c.right_edge
        elif c.dep_ == "xcomp" and c.pos_ in _VERB_TAGS:
            yield "infinitive", c.left_edge, c.right_edge
        elif c.dep_ == "dobj":
            completion = next((d for d in children if d.i > c.i and d.dep_ in _COMPLETIONS), None)
            if completion is None:
                yield "object", c.left_edge, c.right_edge
            elif completion.dep_ == "prep":
                yield completion.lower_, c.left_edge, completion.right_edge
            else:
                yield "object", c.left_edge, completion.right_edge
        elif c.dep_ == "prep" and (obj is None or c.i < obj.i):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                yield c.lower_, pobj.left_edge, pobj.right_edge
    # `The deal is off, he said.`: the parse may hang the reporting verb under the clause it reports
    if (verb.dep_ == "parataxis" or _inverted_frame(verb)) and verb.head.i < verb.i and verb.head.pos_ in _VERB_TAGS:
        start, end = verb.head.left_edge, doc[verb.left_edge.i - 1]
        if start.i <= end.i and verb.sent.start <= start.i:
            yield "clause", start, end


def _inverted_frame(clause: Token) -> bool:
    """`The leaders will discuss subjects, Peskov told Russian media`: the parse often makes the
    reporting verb after the clause its complement; it is the clause's attribution, not content."""
    return (
        clause.i > clause.head.i
        and is_reporting(clause)
        and not any(c.dep_ == "ccomp" for c in clause.children)
        and clause.left_edge.i > 0
        and clause.doc[clause.left_edge.i - 1].text == ","
    )


def _clause_start(verb: Token, clause: Token) -> Token:
    """Where a clause's content starts. Before its verb (`Even in Miami, Trump can win, Ferre
    said`), the content is all the sentence up to the verb's subject, since the parse often hangs
    the clause's fronted words on the reporting verb."""
    if clause.i > verb.i:
        return clause.left_edge
    return verb.doc[min(clause.left_edge.i, verb.sent.start)]


def _verb_statements(ctx: FieldContext, verb: Token, cues: CueTable) -> Iterator[Statement]:
    lemma = verb.lemma_.lower()
    attribution: Attribution | None = None
    looked = False
    for kind, first, last in complements(verb):
        cue_class = cues.get((lemma, kind))
        if cue_class is None:
            continue
        span = content_span(ctx, first.i, _trimmed_end(first, last).i, verb.i)
        if span is None:
            continue
        if not looked:  # the source is looked up once per verb, and only for a cue
            subject = subject_of(verb, ctx.quoted)
            mention = None
            if subject is not None and _across_paragraphs(ctx, verb, subject):
                subject, mention = _in_paragraph(ctx, verb, subject)
            if subject is not None:
                attribution = resolve_speaker(ctx, subject, lemma, mention)
            looked = True
        yield Statement(span[0], span[1], lemma, kind, cue_class, attribution)


def _trimmed_end(first: Token, last: Token) -> Token:
    """The content's last token without what follows a comma that only describes or frames it: a
    non-restrictive relative clause or apposition (`the convention, where Republicans will select
    a nominee`) and a participle that is an attribution of its own (`..., saying ...`)."""
    doc = first.doc
    for t in doc[first.i + 1 : last.i + 1]:
        cut = _second_act(first, last, t)
        if cut is not None:
            return cut
        prev = doc[t.left_edge.i - 1]
        if prev.text != "," or t.left_edge.i <= first.i + 1 or t.right_edge.i < last.i:
            continue
        if t.dep_ in _TRAILING_DESCRIPTIONS or (t.dep_ == "advcl" and t.tag_ == "VBG" and is_reporting(t)):
            return doc[prev.i - 1]
    return last


def _second_act(first: Token, last: Token, t: Token) -> Token | None:
    """Where the content ends when `t` starts what is no longer its words: a second reporting act of
    the same speaker that the parse hung on the content (`said the economy would rebound and praised
    Kerry`), or a contrasting clause with a subject of its own after a comma (`said the mails were
    personal, but for Republicans it is a cover-up`). None when `t` starts neither."""
    if t.dep_ not in ("conj", "advcl") or t.pos_ not in _VERB_TAGS or t.right_edge.i < last.i:
        return None
    doc = t.doc
    before = doc[t.left_edge.i - 1] if t.left_edge.i > first.i + 1 else None
    if before is None:
        return None
    if t.dep_ == "conj" and before.lower_ == "and" and is_cue_verb(t) and not _has_subject(t):
        end = doc[before.i - 1]
        return doc[end.i - 1] if end.text == "," and end.i > first.i else end
    opener = doc[t.left_edge.i] if t.dep_ == "advcl" else before
    comma = doc[opener.i - 1] if opener.i - 1 > first.i else None
    if opener.lower_ in _CONTRAST and comma is not None and comma.text == "," and _has_subject(t):
        return doc[comma.i - 1]
    return None


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _across_paragraphs(ctx: FieldContext, a: Token, b: Token) -> bool:
    """A parse that joins a heading or the next paragraph to a sentence: no source comes from there."""
    return ctx.paragraph(a.idx) != ctx.paragraph(b.idx)


def _in_paragraph(ctx: FieldContext, cue: Token, source: Token) -> tuple[Token | None, str | None]:
    """The source's words in the cue's own paragraph (`Heading\n\nMara Lindqvist said`): the last
    name or pronoun among them and the words up to it, or (None, None)."""
    para = ctx.paragraph(cue.idx)
    words = [t for t in source.subtree if ctx.paragraph(t.idx) == para and not ctx.quoted(t)]
    head = next((t for t in reversed(words) if t.pos_ in ("PROPN", "PRON")), None)
    if head is None:
        return None, None
    first = next(t for t in words if t.i <= head.i)
    return head, ctx.doc[first.i : head.i + 1].text


# -- according to ------------------------------------------------------------------------------------


def _according_to(ctx: FieldContext, according: Token) -> Iterator[Statement]:
    """`According to X, CLAUSE` and `CLAUSE, according to X`: the content is the clause the phrase
    attaches to, without the phrase."""
    to = ctx.doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    mention = None
    if source is not None and _across_paragraphs(ctx, according, source):
        source, mention = _in_paragraph(ctx, according, source)
    if source is None or ctx.quoted(source):
        return
    phrase_start, phrase_end = according.i, max(according.right_edge.i, to.right_edge.i)
    head = according.head if according.head.i != according.i else according
    while head.pos_ not in _VERB_TAGS and head.head.i != head.i:
        head = head.head
    clause = next((c for c in head.children if c.dep_ == "ccomp"), None)
    if is_reporting(head) and clause is not None:  # `X said Y, according to Z`: the content is Y
        head = clause
    first, last = head.left_edge.i, head.right_edge.i
    if head.i == according.i:  # a fragment the parse did not attach: the rest of its sentence
        first, last = according.sent.start, according.sent.end - 1
    doc = ctx.doc
    while last > first and (doc[last].is_punct or doc[last].is_space):  # the sentence's full stop
        last -= 1
    if phrase_start <= first:
        first = phrase_end + 1
    elif phrase_end >= last:
        last = phrase_start - 1
    span = content_span(ctx, first, last, according.i)
    if span is not None:
        attribution = resolve_speaker(ctx, source, "according to", mention)
        yield Statement(span[0], span[1], "according to", "clause", "speech", attribution)


# -- nouns -------------------------------------------------------------------------------------------


def _noun_statement(ctx: FieldContext, noun: Token) -> Iterator[Statement]:
    """`his claim that ...`: a that-clause of an attribution noun; the source is the noun's
    possessor, a `by`/`from`/`of` object, or a name compounded with it (`the Trump claim`)."""
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ in _NOUN_CONTENT_MARKS),
        None,
    )
    if clause is None:
        return
    mark = clause.left_edge  # `finding that X lost money surprised nobody`: the content is the mark's clause
    if mark.dep_ == "mark" and mark.head.i != clause.i and mark.head.i in range(clause.left_edge.i, clause.i):
        clause = mark.head
    span = content_span(ctx, clause.left_edge.i, clause.right_edge.i, noun.i)
    if span is None:
        return
    source = None
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
            source = c
        elif c.dep_ == "prep" and c.lower_ in _NOUN_SOURCE_PREPS and c.i < clause.i:
            source = next((g for g in c.children if g.dep_ == "pobj"), source)
    lemma = noun.lemma_.lower()
    if source is None:
        source = _issuer(ctx, noun)
    attribution = None if source is None or ctx.quoted(source) else resolve_speaker(ctx, source, lemma)
    yield Statement(span[0], span[1], lemma, "noun", ATTRIBUTION_NOUNS[lemma], attribution)


def _issuer(ctx: FieldContext, noun: Token) -> Token | None:
    """Who made the statement a noun cue names without a possessor: the subject of the verb that
    issues it (`made the claim that`, `repeated the warning that`; ISSUING_VERBS) or reports in it
    (`said in a statement that`)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in _VERB_TAGS and is_reporting(head.head):
        verb = head.head
    elif noun.dep_ == "dobj" and head.lemma_.lower() in ISSUING_VERBS:
        verb = head
    else:
        return None
    return subject_of(verb, ctx.quoted)


# -- the content's words -----------------------------------------------------------------------------


def content_span(ctx: FieldContext, first: int, last: int, cue: int) -> tuple[int, int] | None:
    """Character offsets of the content between tokens `first` and `last` (inclusive) of the cue at
    token `cue`: within one paragraph (the cue's side of a line break), without a leading `that`,
    spaces and punctuation at the ends, and quotation marks at the ends unless the quote they open
    or close lies inside the content. None when no word is left."""
    doc = ctx.doc
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
    return doc[first].idx, doc[last].idx + len(doc[last].text)


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

