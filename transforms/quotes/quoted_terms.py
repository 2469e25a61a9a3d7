"""Quoted terms: a word or short phrase in quotation marks that nobody is reported as saying.

Writers put quotation marks around a term they hold at a distance (`she ran as the "establishment"
choice`), a title (`he starred in "Apollo 13,"`), a label (`a "super PAC"`), a phrase without a verb
(`promised "a fairer deal for the islands"`). When no reported
statement holds such a quotation and no reporting verb of its own governs it, the speaker the other
rules would give it (the nearest earlier speaker of the paragraph, a name next to it with no verb) is
a guess, and a careful reader does not count the term as anyone's statement. On the polnear-dev
annotations such rows (at most three words and no clause's verb, inside a sentence, no statement
around them, no cue of their own) were an annotated attribution about one time in ten, and so were
such phrases of four to ten words (2 of 20); a statement around the quotation
(`Peskov said the leaders would ignore "warnings"`) or its own reporting verb (`he called the plan
"reckless"`) keeps its speaker, and so does a short quoted clause (`and later "stay home."`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from transforms.quotes.types import Attribution

_TERM_WORDS = 10  # a term, title, label or phrase without a verb; a longer quotation is somebody's words


def is_quoted_term(words: Span) -> bool:
    """True for quoted words that name or qualify rather than state: at most ten words (punctuation
    ignored) and no verb of a clause among them (`"stay home."`, `"Lock her up!"` are statements; a
    participle qualifying a noun, `"rigged" economy`, is not a clause's verb)."""
    content = [t for t in words if any(c.isalnum() for c in t.text)]
    clause_verb = any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _QUALIFIERS for t in content)
    return 0 < len(content) <= _TERM_WORDS and not clause_verb


_QUALIFIERS = frozenset({"amod", "compound", "nmod"})


def unspoken_terms(
    texts: Sequence[Span], partial: Sequence[bool], held: Sequence[bool], own: Sequence[Attribution | None]
) -> set[int]:
    """Indices of quotations that are nobody's statement: the quoted words (`texts`) inside a sentence
    (`partial`), held by no reported statement (`held`), whose own attribution (`own`, None when
    the speaker was inherited or guessed) has no cue, and short enough to be a term."""
    return {
        n for n, words in enumerate(texts)
        if partial[n] and not held[n] and (own[n] is None or own[n].cue is None) and is_quoted_term(words)
    }
