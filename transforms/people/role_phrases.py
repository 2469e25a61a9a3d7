"""The words of a role phrase read as a description: which word heads a role (role_nouns.txt,
role_titles.tsv), which words before it belong to it, and what the phrase names as the person's
affiliation (an entity, a party or nationality word, capitalised words). Shared by the places a
person is described (descriptions.py, appositions.py, anaphora.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from transforms.lexicon import mapping, word_list

ROLE_NOUNS = word_list("role_nouns.txt")
ROLE_MODIFIERS = word_list("role_modifiers.txt")
ROLE_TITLES = mapping("role_titles.tsv")
PLACE_OFFICES = word_list("place_offices.txt")
AFFILIATION_WORDS = mapping("affiliation_words.tsv")
# Honorifics give a gender (gender_words.tsv) but no role.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam"})
# Prepositions after a role whose object is what the person speaks for.
AFFILIATION_PREPS = frozenset({"for", "of", "at", "to", "with"})
# `Secretary of State`, `Chief of Staff`: offices named with `of` that are roles, not affiliations.
_OF_OFFICES = frozenset({"state", "defense", "staff", "homeland"})
# spaCy entity types that are never what a person speaks for (`said Monday`).
_NOT_AFFILIATIONS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
BOUNDARY = frozenset({",", ";", ":", "(", ")", "—", "–", "\"", "“", "”", "‘", "’", "'", "?", "!"})


@dataclass(frozen=True)
class Description:
    """What one place in the text says of a person: role (lower case), affiliation (as written, or
    the body a party/nationality word names), the affiliation's entity id when it is an entity, and
    the role or apposition words (for gendered nouns)."""

    role: str | None = None
    affiliation: str | None = None
    affiliation_entity_id: str | None = None
    words: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.role or self.affiliation)


def key(t: Token) -> str:
    return t.lower_.rstrip(".")


def is_role_head(t: Token) -> bool:
    """A role noun (`spokesman`) or role title (`Sen.`); plurals of role nouns too (`senators`). A role
    noun used as an adjective heads nothing (`the official news agency`, `an executive order`)."""
    k = key(t)
    if k in ROLE_TITLES:
        return True
    if t.pos_ == "ADJ" and t.dep_ == "amod":
        return False
    return k in ROLE_NOUNS or (k.endswith("s") and k[:-1] in ROLE_NOUNS and t.pos_ != "PROPN")


def role_word(t: Token) -> str:
    k = key(t)
    if k in ROLE_TITLES:
        return ROLE_TITLES[k]
    if k not in ROLE_NOUNS and k.endswith("s") and k[:-1] in ROLE_NOUNS:
        return k[:-1]
    return t.lower_


def _is_modifier(t: Token) -> bool:
    """A word that belongs to the role before its head: lower-case adjectives and nouns, listed
    capitalised words, hyphens."""
    if key(t) in ROLE_MODIFIERS or t.text in ("-",):
        return True
    return t.is_lower and t.pos_ in ("ADJ", "NOUN", "NUM", "VERB", "PROPN") and t.tag_ not in ("VBD", "VBZ", "VBP")


EntityIndex = Mapping[int, tuple[str, str, str, Span]]  # token index -> (name, label, entity_id, mention span)


def entity_named(entity_of: EntityIndex, name: str) -> str | None:
    return next((eid for n, _, eid, _ in entity_of.values() if n == name), None)



def analyse(tokens: list[Token], entity_of: EntityIndex, doc: Doc) -> Description:
    """Role and affiliation in a run of description words (no verbs): the first role with its
    modifiers; the affiliation from the object of a preposition after it, or else from entities,
    capitalised words or a possessive before it."""
    heads = [k for k, t in enumerate(tokens) if is_role_head(t) and key(t) not in HONORIFICS]
    role = None
    aff_tokens: list[Token] = []
    first_head = len(tokens)
    if heads:
        h = heads[0]
        # a multi-word role: `press secretary`, `chief executive`, `secretary of state`
        while h + 1 < len(tokens) and is_role_head(tokens[h + 1]) and tokens[h + 1].is_title == tokens[h].is_title:
            h += 1
        if h + 2 < len(tokens) and tokens[h + 1].lower_ == "of":
            rest = [t.lower_ for t in tokens[h + 2 : h + 4]]
            if rest[:1] and rest[0] in _OF_OFFICES:
                h += 2
            elif rest == ["the", "house"]:  # `Speaker of the House`
                h += 3
        s = heads[0]
        while s > 0 and _is_modifier(tokens[s - 1]) and (s - 1) not in _entity_positions(tokens, entity_of):
            s -= 1
        while s < heads[0] and tokens[s].tag_ == "CD":  # `two young voters`: a count, no part of the role
            s += 1
        first_head = s
        role = " ".join(role_word(t) if t.i in [x.i for x in tokens[heads[0] : h + 1]] else t.lower_
                        for t in tokens[s : h + 1] if t.text != ".")
        # `Washington-based developer`: where the person is based is no part of the role
        role = re.sub(r"^-\S*\s*", "", re.sub(r"\s*-\s*", "-", role)).strip() or None
        after = tokens[h + 1 :]
        if after and after[0].lower_ in AFFILIATION_PREPS:
            aff_tokens = [t for t in after[1:] if not (t.pos_ == "DET" and t is after[1])]
    if not aff_tokens:
        before = tokens[:first_head]
        aff_tokens = [t for t in before if t.tag_ != "POS" and not (
            t.i + 1 < len(doc) and doc[t.i + 1].text == "-")]  # not `Washington` of `Washington-based`
    if not heads and not aff_tokens:
        return Description()
    affiliation, eid = _affiliation(aff_tokens, entity_of, doc, capitalised=bool(heads))
    if affiliation and role and aff_tokens[0].i < tokens[first_head].i and _workplace(aff_tokens, eid, role, entity_of):
        affiliation, eid = None, None  # `two Vermont developers`: where they work, not whom they serve
    words = tuple(t.lower_ for t in tokens)
    return Description(role, affiliation, eid, words)


def _workplace(tokens: list[Token], eid: str | None, role: str, entity_of: EntityIndex) -> bool:
    """A place named before a role that is no office of it (place_offices.txt): the entity, or
    without one the words spaCy tags as a place."""
    if eid is not None:
        place = any(t.i in entity_of and entity_of[t.i][2] == eid and entity_of[t.i][1] == "GPE" for t in tokens)
    else:
        place = any(t.ent_type_ == "GPE" for t in tokens) and all(t.ent_type_ in ("GPE", "") for t in tokens)
    return place and role.split()[-1] not in PLACE_OFFICES


def _entity_positions(tokens: list[Token], entity_of: EntityIndex) -> set[int]:
    return {k for k, t in enumerate(tokens) if t.i in entity_of and entity_of[t.i][1] != "PERSON" or
            (t.i in entity_of and not t.is_lower)}


def _affiliation(
    tokens: list[Token], entity_of: EntityIndex, doc: Doc, capitalised: bool = True
) -> tuple[str | None, str | None]:
    """What the words name as an affiliation: an entity among them (the last one: `the Tax
    Foundation's policy center` -> Tax Foundation), a party or nationality word, else (with
    `capitalised`, i.e. before a role noun) the capitalised words (`Homeland Security`)."""
    tokens = [t for t in tokens if t.ent_type_ not in _NOT_AFFILIATIONS]
    if not tokens:
        return None, None
    ents = [entity_of[t.i] for t in tokens if t.i in entity_of]
    if ents:
        name, label, eid, _ = ents[0] if tokens[0].i in entity_of else ents[-1]
        if label == "NORP":
            body = AFFILIATION_WORDS.get(name.lower()) or AFFILIATION_WORDS.get(name.lower().rstrip("s"))
            return (body, None) if body else (name, eid)
        return name, eid
    for t in tokens:
        body = AFFILIATION_WORDS.get(t.lower_)
        if body and t.is_title:
            return body, None
    if not capitalised:
        return None, None
    caps = []
    for t in tokens:
        if t.pos_ in ("DET", "PRON"):
            continue
        if t.is_title or t.is_upper and len(t.text) > 1:
            if key(t) in ROLE_MODIFIERS or key(t) in HONORIFICS or is_role_head(t):
                if caps:
                    break
                continue
            caps.append(t)
        elif caps and t.lower_ not in ("of", "&", "and", "-"):
            break
        elif caps:
            caps.append(t)
    while caps and not caps[-1].is_title:
        caps.pop()
    if caps:
        return doc[caps[0].i : caps[-1].i + 1].text, None
    return None, None

