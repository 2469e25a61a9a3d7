"""Impersonal subjects: a reporting verb whose only subject is an impersonal `it`, `this` or `that` of
a copula up the tree says nothing on anyone's behalf.

`It is difficult to predict how voters will react`, `That's not to suggest the plan failed`, `It's
worth noting that the vote was close`: the infinitive or gerund has no subject of its own, and the
subject the parse would lend it (speakers.subject_of follows a subjectless verb up to its head) is
the pronoun of an extraposition or a demonstrative, whose act it is not: the reporting verb's
subject is anybody (the writer, people in general). The statement keeps its row (the content is
still marked as such) but has no speaker, as an impersonal passive (`it was reported that ...`) has
none. A relative `that` (`a group that is eager to say ...`) is no such pronoun.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.understood_subjects import outer_reporting_verb

_IMPERSONAL = frozenset({"it", "this", "that"})
# Links by which a subjectless verb hangs on the word whose subject the parse would lend it.
_UP = frozenset({"xcomp", "acomp", "prep", "pcomp", "advcl", "conj", "ccomp"})
_OWN_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
_MAX_STEPS = 3  # a few links up, never a walk over the sentence


def has_impersonal_subject(verb: Token) -> bool:
    """True when the verb has no subject of its own and, a few links up (`xcomp`, `acomp`, `prep`,
    ...), the first word with a subject is the copula `be` whose subject is `it`, `this` or `that`
    (not a relative pronoun). Never for a participle that goes on with an outer attribution (`X
    insisted it was too early to back Y while adding ...`: X adds; understood_subjects.py)."""
    if outer_reporting_verb(verb) is not None:
        return False
    t = verb
    for _ in range(_MAX_STEPS + 1):
        subject = next((c for c in t.children if c.dep_ in _OWN_SUBJECT), None)
        if subject is not None:
            return (
                t is not verb
                and t.lemma_.lower() == "be"
                and subject.dep_ == "nsubj"
                and subject.lower_ in _IMPERSONAL
                and t.dep_ != "relcl"
            )
        adverb = t is not verb and t.pos_ == "ADV" and t.dep_ == "advmod"  # `It is too soon to say`
        if (t.dep_ not in _UP and not adverb) or t.head.i == t.i:
            return False
        t = t.head
    return False
