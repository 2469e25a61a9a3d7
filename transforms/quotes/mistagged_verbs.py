"""Verbs the tagger calls nouns: `The findings point to growing momentum`, `Republicans support
Trump`, `Critics claim the plan fails`.

en_core_web_sm's tagger and parser disagree now and then on words that are both a noun and a verb
(point, support, claim, call, back, report): the tagger says NOUN while the parser gives the word a
subject, as only a verb has. The parse is then a verb's, and so is its reading: such a word is a
verb cue with the complements the parser hangs on it. A noun with a subject of its own is a
misreading in spaCy's English scheme (a predicate noun hangs on its copula: `he is a supporter`).
"""

from __future__ import annotations

from spacy.tokens import Token

# The dependents only a verb has: a subject, active or passive.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def parsed_as_verb(token: Token) -> bool:
    """Whether a token tagged NOUN has a subject in the parse (is read as a verb by the parser)."""
    return token.pos_ == "NOUN" and any(c.dep_ in _SUBJECTS for c in token.children)
