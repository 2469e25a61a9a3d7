"""Phrasal cues: a verb with its particle (`Tabb laid out his plan`, `Tabb fired back at his
critics`) or with the noun it takes as its object (`Lindqvist took aim at the levy`, `raised
questions about the budget`) that attributes content, from the rule table
attribution_phrasal_cues.tsv in transforms/lexicon/ (see its header for the format).

The phrase, not the verb, is the cue: `laid out a plan` says something, `laid off workers` and
`laid a wreath` do not; `took aim at X` criticises X, `took a train to X` does not.
- With a particle (the verb's `prt` dependent, or the adverb the parse hangs on the verb in its
  place: `fired back`), the complements are the verb's, as for any verb cue (reported.complements).
- With an object noun (a support-verb phrase: the noun says what is done, the verb little), the
  content is the object of the noun's preposition, whether the parse hangs the preposition on the
  noun (`aim at X`) or on the verb (`took a swipe | at X`): `took aim at the levy` -> `the levy`.
A verb with no listed particle or object noun is cued, or not, by attribution_cues.tsv.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from transforms.quotes.cue_table import cue_table

# ('lay out', 'object') -> 'speech': the phrasal cues, in cue_table's format with `verb word` keys.
PHRASAL_CUES = cue_table("attribution_phrasal_cues.tsv", words=2)
# The phrases the table lists (`lay out`, `take aim`) and the verbs that take them (`lay`, `take`).
PHRASES = frozenset(phrase for phrase, _ in PHRASAL_CUES)
PHRASAL_VERBS = frozenset(phrase.split()[0] for phrase in PHRASES)
# The dependents that hold a particle: `prt`, and `advmod` where the parse reads it as an adverb.
_PARTICLE_DEPS = ("prt", "advmod")


def phrasal_cue(verb: Token) -> str | None:
    """The verb with its particle (`lay out`) or its object noun's lemma (`take aim`) when the
    table lists the phrase, else None."""
    lemma = verb.lemma_.lower()
    if lemma not in PHRASAL_VERBS:
        return None
    for c in verb.children:
        word = c.lower_ if c.dep_ in _PARTICLE_DEPS else c.lemma_.lower() if c.dep_ == "dobj" else None
        if word is not None and f"{lemma} {word}" in PHRASES:
            return f"{lemma} {word}"
    return None


def object_noun_complements(verb: Token) -> Iterator[tuple[str, Token, Token]]:
    """(preposition, first token, last token) of each preposition's object that completes the
    verb's object noun (`took aim at X`, `took a swipe at X`: the preposition under the noun, or
    under the verb after the noun); reported.complements' shape."""
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None:
        return
    preps = [c for c in noun.children if c.dep_ == "prep"]
    preps += [c for c in verb.children if c.dep_ == "prep" and c.i > noun.i]
    for prep in preps:
        pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            yield prep.lower_, pobj.left_edge, pobj.right_edge


def phrasal_complements(verb: Token, phrase: str) -> Iterator[tuple[str, Token, Token]] | None:
    """The complements of a phrase with an object noun (object_noun_complements); None for a
    phrase with a particle, whose complements are the verb's own."""
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None or phrase != f"{verb.lemma_.lower()} {noun.lemma_.lower()}":
        return None
    return object_noun_complements(verb)
