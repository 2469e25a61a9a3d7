"""Phrases that place an act rather than complete what it acts on: after a cue's object, a preposition
whose object is an occasion or a medium (`claimed victory in a tweet`, `invoked his rights before a
congressional panel`) or a date (`endorsed Canova in late May`) says where or when the source acted.
reported.py reads such a phrase as no completion of the object: the content is the object alone, as
PolNeAR's annotators mark it (`victory`, `his rights`, `Canova`).

The prepositions and what their object must be are in occasion_prepositions.tsv, the occasion nouns in
occasion_nouns.txt.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.lexicon import mapping, word_list

OCCASION_NOUNS = word_list("occasion_nouns.txt")
OCCASION_PREPOSITIONS = mapping("occasion_prepositions.tsv", values=("occasion", "date", "both"))
# The parser's entity labels of a date or a time of day.
_TIME_LABELS = frozenset({"DATE", "TIME"})


def is_occasion_phrase(prep: Token) -> bool:
    """Whether a preposition heads a phrase of occasion or time (`in a tweet`, `before a congressional
    panel`, `in late May`): its object is an occasion noun or a date or time, as the preposition takes
    (occasion_prepositions.tsv)."""
    takes = OCCASION_PREPOSITIONS.get(prep.lower_)
    if takes is None:
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    occasion = obj.lemma_.lower() in OCCASION_NOUNS or obj.lower_ in OCCASION_NOUNS
    date = obj.ent_type_ in _TIME_LABELS
    return (takes in ("occasion", "both") and occasion) or (takes in ("date", "both") and date)
