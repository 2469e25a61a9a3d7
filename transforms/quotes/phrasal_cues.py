"""Phrasal cues: a verb with its particle that attributes content (`Tabb laid out his plan`,
`Lindqvist spoke out against the levy`, `Tabb fired back at his critics`), from the rule table
attribution_phrasal_cues.tsv in transforms/lexicon/ (see its header for the format).

The phrase, not the verb, is the cue: `laid out a plan` says something, `laid off workers` and
`laid a wreath` do not. The particle is the verb's `prt` dependent, or the adverb the parse hangs on
the verb in its place (`fired back`: advmod); the complements are the verb's, as for any verb cue
(reported.complements). A verb with no listed particle is cued, or not, by attribution_cues.tsv.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.cue_table import cue_table

# ('lay out', 'object') -> 'speech': the phrasal cues, in cue_table's format with `verb particle` keys.
PHRASAL_CUES = cue_table("attribution_phrasal_cues.tsv")
# The phrases the table lists (`lay out`) and the verbs that take them (`lay`).
PHRASES = frozenset(phrase for phrase, _ in PHRASAL_CUES)
PHRASAL_VERBS = frozenset(phrase.split()[0] for phrase in PHRASES)
# The dependents that hold a particle: `prt`, and `advmod` where the parse reads it as an adverb.
_PARTICLE_DEPS = ("prt", "advmod")


def phrasal_cue(verb: Token) -> str | None:
    """The verb with its particle (`lay out`) when the table lists the phrase, else None."""
    lemma = verb.lemma_.lower()
    if lemma not in PHRASAL_VERBS:
        return None
    for c in verb.children:
        if c.dep_ in _PARTICLE_DEPS:
            phrase = f"{lemma} {c.lower_}"
            if phrase in PHRASES:
                return phrase
    return None
