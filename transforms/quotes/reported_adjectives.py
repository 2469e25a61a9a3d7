"""Reported stances whose cue is an adjective: `Tabb was critical of the plan`, `she is confident
that the levy will pass`, `he made clear that he would stay`, `they are eager to leave`.

The adjectives and their complements come from attribution_adjectives.tsv (cue_table's format). The
adjective complements a verb (a copula, `seem`, `make`): the content is the adjective's clause,
infinitive or preposition's object, or a that-clause the parse hangs on that verb after the
adjective; the source is that verb's subject, resolved as a verb cue's is. A participle the tagger
reads as a verb complementing a copula (`is opposed to`) is read as an adjective too.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from transforms.quotes.context import FieldContext
from transforms.quotes.cue_table import ADJECTIVE_CUES, CueTable
from transforms.quotes.reported_span import VERB_TAGS, across_paragraphs, content_span, trimmed_end
from transforms.quotes.speakers import resolve_speaker, subject_of
from transforms.quotes.types import Statement

# How an adjective attaches to the verb whose subject holds the stance.
_COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "ccomp", "xcomp"})
# Verbs that link a subject to an adjective: with `it` they anticipate a clause (`it is clear that`).
_LINKING = frozenset({"be", "become", "seem", "appear", "remain", "look", "sound"})


def adjective_statements(ctx: FieldContext, adjective: Token, table: CueTable = ADJECTIVE_CUES) -> Iterator[Statement]:
    """The statements an attribution adjective gives, with the subject of the verb it complements
    as the source; nothing when it complements no verb or that verb has no subject."""
    verb = adjective.head
    if adjective.dep_ not in _COMPLEMENT_DEPS or verb.pos_ not in VERB_TAGS or verb.i == adjective.i:
        return
    lemma = adjective.lemma_.lower()
    found = []
    for kind, content in _complements(adjective, verb):
        cue_class = table.get((lemma, kind))
        if cue_class is None:
            continue
        span = content_span(ctx, content.left_edge.i, trimmed_end(content.left_edge, content.right_edge).i, adjective.i)
        if span is not None:
            found.append((span, kind, cue_class))
    if not found:
        return
    subject = subject_of(verb, ctx.quoted)
    if subject is None or across_paragraphs(ctx, verb, subject):
        return
    if subject.lower_ == "it" and verb.lemma_.lower() in _LINKING:
        # `It is clear that ...`: the pronoun stands for the clause, no source holds it
        found = [f for f in found if f[1] != "clause"]
    attribution = resolve_speaker(ctx, subject, lemma)
    for (start, end), kind, cue_class in found:
        yield Statement(start, end, lemma, kind, cue_class, attribution)


def _complements(adjective: Token, verb: Token) -> Iterator[tuple[str, Token]]:
    """(kind, head of the content) of each complement: the adjective's own clause, infinitive or
    preposition's object, and a that-clause hung on the verb after the adjective (`is confident
    that`, `made clear that`)."""
    for c in adjective.children:
        if c.dep_ == "ccomp" or (c.dep_ == "advcl" and c.i > adjective.i and _opens_with_that(c)):
            yield "clause", c  # `made clear that ...`: the parse may read the clause as an adverbial
        elif c.dep_ == "xcomp" and c.pos_ in VERB_TAGS:
            yield "infinitive", c
        elif c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                yield c.lower_, obj
    for c in verb.children:
        if c.i > adjective.i and c.dep_ in ("ccomp", "advcl") and _opens_with_that(c):
            yield "clause", c


def _opens_with_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children if m.i < clause.i)
