"""Reported statements whose cue is not a verb: `according to X` and a noun with a that-clause.

- `according to X` before or after its clause: the content is the clause the phrase attaches to,
  without the phrase (`According to the Kremlin, the leaders will meet`);
- a noun of attribution_nouns.tsv with a that-clause: `his claim that the vote was rigged`, `the
  warning by officials that ...`; the source is the noun's possessor, a `by`/`from`/`of` object, a
  name compounded with it, or who issues the statement (`made the claim that`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from transforms.quotes.content_breaks import writers_clause
from transforms.quotes.context import FieldContext
from transforms.quotes.cue_table import ATTRIBUTION_NOUNS, ISSUING_VERBS, NOUN_OBJECTS, CueTable
from transforms.quotes.cues import is_reporting
from transforms.quotes.noun_holders import holder_verb
from transforms.quotes.reported_span import (
    VERB_TAGS,
    across_paragraphs,
    content_span,
    in_paragraph,
    trimmed_end,
)
from transforms.quotes.speakers import resolve_speaker, subject_of
from transforms.quotes.types import Statement

# Prepositions and subordinators that may open a noun cue's content (`the claim that ...`).
_NOUN_CONTENT_MARKS = frozenset({"that", "whether", "if"})
# Possessives and prepositions that name a noun cue's source (`his claim`, `a warning from NATO`).
_NOUN_SOURCE_PREPS = frozenset({"by", "from", "of"})


def according_to(ctx: FieldContext, according: Token) -> Iterator[Statement]:
    """`According to X, CLAUSE` and `CLAUSE, according to X`: the content is the clause the phrase
    attaches to, without the phrase."""
    to = ctx.doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    mention = None
    if source is not None and across_paragraphs(ctx, according, source):
        source, mention = in_paragraph(ctx, according, source)
    if source is None or ctx.quoted(source):
        return
    span = clause_around(ctx, according, max(according.right_edge.i, to.right_edge.i))
    if span is not None:
        attribution = resolve_speaker(ctx, source, "according to", mention)
        yield Statement(span[0], span[1], "according to", "clause", "speech", attribution)


# What completes a verb: after a phrase of attribution inside its clause, the clause goes on.
_COMPLETING = frozenset({"dobj", "dative", "attr", "acomp", "ccomp", "xcomp", "oprd"})


def clause_around(ctx: FieldContext, phrase: Token, phrase_end: int) -> tuple[int, int] | None:
    """Character offsets of the clause a phrase of attribution (tokens `phrase` to `phrase_end`:
    `according to X`, `in a new poll`) attaches to, without the phrase, before or after it; the
    reported clause when that clause is itself a report (`X said Y, according to Z`: Y); all of the
    clauses coordinated before the one it hangs on (`A, B and C, according to Z`); up to a phrase
    after the clause's verb, unless what follows completes the verb (`A, according to Z, the largest
    rise in a decade`: the writer's comment); the rest
    of the sentence for a fragment the parse did not attach. None when no word is left."""
    phrase_start = phrase.i
    head = phrase.head if phrase.head.i != phrase.i else phrase
    while head.pos_ not in VERB_TAGS and head.head.i != head.i:
        head = head.head
    # `..., the candidate is leading`: the parse may hang the phrase on an auxiliary; and a clause a
    # verb that reports nothing takes is part of that verb's clause (`X would see incomes go up`)
    para = ctx.paragraph(phrase.idx)
    while head.head.i != head.i and ctx.paragraph(head.head.idx) == para and (
        head.dep_ in ("aux", "auxpass")
        or (head.dep_ in ("ccomp", "xcomp") and head.head.pos_ in VERB_TAGS and not is_reporting(head.head))
    ):
        head = head.head
    # `A, B and C, according to Z`: the parse hangs a trailing phrase on the last of coordinated
    # clauses, but it attributes them all
    while head.dep_ == "conj" and head.i < phrase.i and head.head.pos_ in VERB_TAGS \
            and ctx.paragraph(head.head.idx) == para:
        head = head.head
    clause = next((c for c in head.children if c.dep_ == "ccomp"), None)
    if is_reporting(head) and clause is not None and phrase.lower_ != "according":  # `X said Y, in a poll`: Y
        head = clause
    first, last = head.left_edge.i, head.right_edge.i
    if head.i == phrase.i:  # a fragment the parse did not attach: the rest of its sentence
        first, last = phrase.sent.start, phrase.sent.end - 1
    doc = ctx.doc
    while last > first and (doc[last].is_punct or doc[last].is_space):  # the sentence's full stop
        last -= 1
    if phrase_start <= first:
        first = phrase_end + 1
    elif phrase_end >= last or (phrase_start > head.i and doc[phrase_start - 1].text == ","
                                and not _clause_goes_on(head, phrase_end)):
        # `A, according to Z, more than twice what ...`: what follows the phrase is the writer's comment
        last = phrase_start - 1
    return content_span(ctx, first, last, phrase.i)


def _clause_goes_on(head: Token, phrase_end: int) -> bool:
    """Whether the words after a phrase of attribution inside a clause complete the clause's verb (`G4S
    receives, according to one report, $234 million`: its object, complement or adverbial clause)
    rather than comment on it (`..., according to a poll, virtually the same as ...`, `..., even as ...`)."""
    doc = head.doc
    nxt = phrase_end + 1
    while nxt < len(doc) and doc[nxt].is_punct:
        nxt += 1
    if nxt >= len(doc):
        return False
    part = next((c for c in head.children if c.left_edge.i <= nxt <= c.right_edge.i), None)
    if part is None:
        return False
    if part.dep_ == "advcl":
        return not writers_clause(part)
    return part.dep_ in _COMPLETING


def noun_statements(ctx: FieldContext, noun: Token) -> Iterator[Statement]:
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
    lemma = noun.lemma_.lower()
    source = _noun_source(ctx, noun, clause.i)
    attribution = None if source is None else resolve_speaker(ctx, source, lemma)
    yield Statement(span[0], span[1], lemma, "noun", ATTRIBUTION_NOUNS[lemma], attribution)


def noun_object_statements(ctx: FieldContext, noun: Token, table: CueTable = NOUN_OBJECTS) -> Iterator[Statement]:
    """`her support for the treaty`, `his attacks on the press`: the object of a preposition that
    a noun of attribution_noun_objects.tsv takes (the table gives the prepositions), or its
    infinitive where the table lists `infinitive` (`Obama's decision to jump-start relations`). Only with a
    source (the noun's possessor, a name compounded with it, a `by`/`from` object, or who issues
    it: `voiced support for`), since without one the phrase attributes nothing."""
    lemma = noun.lemma_.lower()
    for prep in noun.children:
        if prep.dep_ == "acl" and prep.i > noun.i and _infinitive(prep):  # `her decision to run`
            kind, obj, first = "infinitive", prep, prep.left_edge
        elif prep.dep_ == "prep":
            kind, obj = prep.lower_, next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
            first = obj.left_edge if obj is not None else prep
        else:
            continue
        cue_class = table.get((lemma, kind))
        if obj is None or cue_class is None:
            continue
        source = _noun_source(ctx, noun, prep.i)
        span = content_span(ctx, first.i, trimmed_end(first, obj.right_edge).i, noun.i)
        if source is not None and span is not None:
            yield Statement(span[0], span[1], lemma, kind, cue_class, resolve_speaker(ctx, source, lemma))


def _infinitive(verb: Token) -> bool:
    """`to jump-start relations`: a verb with its own `to`."""
    return verb.pos_ in VERB_TAGS and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children if c.i < verb.i)


def _noun_source(ctx: FieldContext, noun: Token, content: int) -> Token | None:
    """The source of a noun cue whose content starts at token `content`: its possessor, a name
    compounded with it (`the Trump claim`), a `by`/`from`/`of` object before the content, else who
    issues it (_issuer); None when none or quoted."""
    source = None
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
            source = c
        elif c.dep_ == "prep" and c.lower_ in _NOUN_SOURCE_PREPS and c.i < content:
            source = next((g for g in c.children if g.dep_ == "pobj"), source)
    if source is None:
        source = _issuer(ctx, noun)
    return None if source is None or ctx.quoted(source) else source


def _issuer(ctx: FieldContext, noun: Token) -> Token | None:
    """Who made the statement a noun cue names without a possessor: the subject of the verb that
    issues it (`made the claim that`, `repeated the warning that`; ISSUING_VERBS) or reports in it
    (`said in a statement that`)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in VERB_TAGS and is_reporting(head.head):
        verb = head.head
    elif noun.dep_ == "dobj" and head.lemma_.lower() in ISSUING_VERBS:
        verb = head
    else:
        verb = holder_verb(noun)  # `entered the debate with an argument that`, `have an argument that`
        if verb is None:
            return None
    return subject_of(verb, ctx.quoted)
