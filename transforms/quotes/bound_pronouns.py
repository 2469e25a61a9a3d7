"""Bound pronouns: the subject pronoun of a clause that another verb's subject governs.

`Some Democrats said they fear a long fight`, `The company said it will appeal`, `Most voters believe
they were misled`: the subject of a verb's clausal complement (`ccomp`) that is a pronoun agreeing
with the governing verb's own subject stands for that subject (the logophoric reading of reported
speech, which a careful reader takes without a second thought). speakers.resolve_speaker asks here
before looking back through the last sentences for an entity (antecedents.py), which misses common
nouns (`the company`, `some Democrats`) and picks the wrong group when several are about.

Agreement is by number and kind: `they` for a plural noun, a coordination, a share of a plural
(`most of the voters`, `62 percent`) or a quantifier pronoun (`many`, `some`); `it` for a singular
common noun or an organisation's or a place's name; `he`/`she` for a person's name of no other
gender the text shows. Anything else is left to antecedents.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.context import FieldContext

# Quantifier pronouns that stand for a group of people as a clause's subject (`Many said they ...`):
# a closed class of the grammar, kept in code like the personal pronouns (speakers.py).
_QUANTIFIERS = frozenset({"many", "most", "some", "others", "both", "all", "few", "several", "none"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_SINGULAR_TAGS = frozenset({"NN", "NNP"})
_GROUP_LABELS = frozenset({"ORG", "NORP"})
_IT_LABELS = frozenset({"ORG", "GPE"})
_GENDER = {"he": "m", "she": "f"}


def bound_subject(ctx: FieldContext, pronoun: Token) -> Token | None:
    """The subject the pronoun stands for, when the pronoun is the subject of a verb's clausal
    complement and agrees with that verb's own subject (see the module); None otherwise."""
    low = pronoun.lower_
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ != "ccomp":
        return None
    outer = pronoun.head.head
    subject = next((c for c in outer.children if c.dep_ == "nsubj" and not ctx.quoted(c)), None)
    if subject is None or subject.i > pronoun.i:
        return None
    if low == "they":
        return subject if _plural(ctx, subject) else None
    if low == "it":
        return subject if _a_thing(ctx, subject) else None
    gender = _GENDER.get(low)
    entity = ctx.entity_of.get(subject.i)
    if gender is None or entity is None or entity.label != "PERSON" or subject.pos_ != "PROPN":
        return None
    return subject if ctx.titled_gender.get(entity.entity_id, gender) == gender else None


def _plural(ctx: FieldContext, subject: Token) -> bool:
    """A group: a plural noun, a coordination, a share of a plural, a quantifier pronoun, an
    organisation or a nationality's name (`Democrats`)."""
    if subject.pos_ in ("PRON", "DET", "ADJ"):
        return subject.lower_ in _QUANTIFIERS
    if subject.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if subject.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in subject.children):
        return True
    if any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in subject.children):
        return True  # `62 percent said they`
    entity = ctx.entity_of.get(subject.i)
    if entity is not None and entity.label in _GROUP_LABELS:
        return True
    share = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = None if share is None else next((g for g in share.children if g.dep_ == "pobj"), None)
    return whole is not None and whole.tag_ in _PLURAL_TAGS


def _a_thing(ctx: FieldContext, subject: Token) -> bool:
    """A singular common noun (`the company`) or an organisation's or a place's name."""
    if subject.tag_ not in _SINGULAR_TAGS or any(c.dep_ == "conj" for c in subject.children):
        return False
    entity = ctx.entity_of.get(subject.i)
    if entity is not None:
        return entity.label in _IT_LABELS
    return subject.pos_ == "NOUN"
