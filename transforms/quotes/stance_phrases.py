"""Reported stances that a phrase of `in` with a noun of stance gives: `Tabb voted in favor of the
levy`, `Lindqvist spoke out in support of the ferry`, `Tabb was always in favor of strict rules`.

The phrase (stance_phrases.tsv: noun, its preposition, class) hangs on a verb; its object is what
the verb's subject stands for or against, as with the verb cue (`Tabb favors the levy`), and
PolNeAR's annotators mark it so. The content is the preposition's object, the source the verb's
subject (speakers.subject_of). A phrase on a noun (`a rally in support of Tabb`) names no one who
holds the stance and gives nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from transforms.lexicon import LexiconError, entries
from transforms.quotes.context import FieldContext
from transforms.quotes.cue_table import CUE_CLASSES
from transforms.quotes.passive_participles import is_passive_participle_clause
from transforms.quotes.reported_span import VERB_TAGS, content_span, trimmed_end
from transforms.quotes.speakers import resolve_speaker, subject_of
from transforms.quotes.types import Statement


def stance_table(name: str = "stance_phrases.tsv", *, text: str | None = None) -> dict[str, tuple[str, str]]:
    """noun lemma -> (preposition, class), from lines `noun<TAB>preposition<TAB>class`. Raises
    LexiconError naming the file's path and line for a row of the wrong shape, a noun or preposition
    that is not one lower-case word, a noun seen before or an unknown class."""
    table: dict[str, tuple[str, str]] = {}
    where, lines = entries(name, text=text)
    for number, entry in lines:
        values = [v.strip() for v in entry.split("\t")]
        if len(values) != 3 or not all(values) or values[2] not in CUE_CLASSES:
            raise LexiconError(f"{where}:{number}: expected noun, preposition and one of "
                               f"{', '.join(CUE_CLASSES)}, tab-separated; got {entry!r}")
        for value in values[:2]:
            if len(value.split()) != 1 or value != value.lower():
                raise LexiconError(f"{where}:{number}: {value!r} is not one lower-case word (no token could match it)")
        if values[0] in table:
            raise LexiconError(f"{where}:{number}: {values[0]!r} is already defined above")
        table[values[0]] = (values[1], values[2])
    return table


STANCE_PHRASES = stance_table()


def stance_statements(ctx: FieldContext, noun: Token) -> Iterator[Statement]:
    """The statement of `in NOUN PREP X` hanging on a verb: X, with the verb's subject as source."""
    lemma = noun.lemma_.lower()
    found = STANCE_PHRASES.get(lemma)
    in_ = noun.head
    if found is None or noun.dep_ != "pobj" or in_.lower_ != "in" or in_.head.pos_ not in VERB_TAGS:
        return
    preposition, cue_class = found
    if any(c.dep_ in ("det", "poss", "amod") for c in noun.children):  # `in the favor of`, `in his support of`
        return
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    obj = None if prep is None else next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return
    verb = in_.head
    if is_passive_participle_clause(verb):
        return
    span = content_span(ctx, obj.left_edge.i, trimmed_end(obj.left_edge, obj.right_edge).i, noun.i)
    subject = subject_of(verb, ctx.quoted)
    if span is None or subject is None:
        return
    attribution = resolve_speaker(ctx, subject, lemma)
    if attribution is not None:
        yield Statement(span[0], span[1], lemma, preposition, cue_class, attribution)
