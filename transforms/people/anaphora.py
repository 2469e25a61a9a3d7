"""Roles given in epithets: a definite description that stands for a person the article named
(`Mike Pence says ...` then `The Republican vice presidential nominee was speaking Friday`, `the
Republican nominee's disrespect for women`), read as a description of that person.

An epithet is `the`, then description words (lower-case modifiers, party, nationality or place
words), then a singular role noun (role_nouns.txt) in lower case: `the GOP nominee`, `the Democratic
presidential candidate`, `the Indiana governor`. Not one: a phrase with a possessive or an
organisation in it (`the company's spokeswoman`, `the State Department spokesman` speak for
someone the article may not name), nor one before a name (`the Republican nominee Donald Trump` is
a premodifier, read where that name is described).

It refers back, as a reader takes it, to the subject of the nearest sentence before it (its own
sentence first, up to the epithet) that names a person the epithet fits: a PERSON with a full
name who, elsewhere in the article, has no role of another kind (a spokeswoman is no nominee) and
no affiliation of another party or country. No such subject within a few sentences: nobody.
Its description ranks below every description at the person's own name (roles.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from transforms.entities import Entity
from transforms.lexicon import mapping
from transforms.people.descriptions import describe
from transforms.people.role_phrases import (
    AFFILIATION_WORDS,
    ROLE_NOUNS,
    ROLE_TITLES,
    Description,
    EntityIndex,
    is_role_head,
)

# `businessman`: an epithet of a man, never of a person the article calls `she`.
GENDERED_NOUNS = mapping("gendered_nouns.tsv")
_SEXES = {"f": "female", "m": "male"}
# How many sentences back (the epithet's own included) a subject may be.
_SENTENCES_BACK = 4
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Where an epithet names someone (a subject, possessor or object), not where it says what someone
# is or will be (`Trump would be the next president`: attr; `Lester Holt, the anchor`: appos).
_REFERRING = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "pobj"})
# An epithet says which one: a party, place or nationality word, or `former` (`the former secretary
# of state`); `the black plainclothes officer` may be anyone.
_FORMER = frozenset({"former", "ex"})
# Entity labels that may sit inside an epithet (`the Indiana governor`, `the French president`).
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})


def epithet_spans(doc: Doc, entity_of: EntityIndex) -> list[Span]:
    """The epithets of one field (see the module doc), in reading order."""
    out: list[Span] = []
    for t in doc:
        if not (t.is_lower and is_role_head(t) and t.tag_ == "NN" and t.i not in entity_of):
            continue
        end = t.i + 1
        if end < len(doc) and is_role_head(doc[end]):
            continue  # not the head yet: `press secretary`
        if end < len(doc) and (end in entity_of and entity_of[end][1] == "PERSON" or doc[end].pos_ == "PROPN"):
            continue  # a title before a name
        start = _start(doc, t, entity_of)
        if start is None or t.dep_ not in _REFERRING:
            continue
        words = doc[start + 1 : t.i]
        office = doc[end + 1] if end + 1 < len(doc) and doc[end].lower_ == "of" else None
        if office is not None and office.is_lower and office.pos_ in ("NOUN", "PROPN"):
            end += 2  # `the former secretary of state`
        if any(not w.is_lower and w.is_alpha or w.lower_ in _FORMER for w in words):
            out.append(doc[start:end])
    return out


def _start(doc: Doc, head: Token, entity_of: EntityIndex) -> int | None:
    """The index of the `the` that opens the epithet headed by `head`, or None."""
    i = head.i - 1
    while i >= 0:
        t = doc[i]
        if t.lower_ == "the":
            return i
        if t.tag_ == "POS" or t.is_punct and t.text != "-":
            return None
        if i in entity_of and entity_of[i][1] not in _PLACE_LABELS:
            return None
        if not (t.is_lower and t.pos_ in ("ADJ", "NOUN", "VERB") or t.text == "-" or i in entity_of
                or t.ent_type_ in _PLACE_LABELS
                or t.lower_ in AFFILIATION_WORDS or t.lower_.rstrip(".") in ROLE_TITLES):
            return None
        i -= 1
    return None


def epithet_descriptions(
    docs: Mapping[str, Doc], entities: Sequence[Entity], index: Mapping[str, EntityIndex],
    own: Mapping[str, Sequence[Description]], order: Mapping[str, int], genders: Mapping[str, str],
) -> dict[str, list[tuple[tuple[int, int], Description]]]:
    """entity_id -> ((field order, char offset), Description) of each epithet that refers back to
    the person (see the module doc). `own` holds each entity's descriptions at its own mentions;
    `order` ranks the fields in reading order; `genders` (entity_id -> female|male) is what the
    article shows of each person's gender."""
    people = {e.entity_id: e for e in entities if e.label == "PERSON" and " " in e.name}
    out: dict[str, list[tuple[tuple[int, int], Description]]] = {}
    if not people:
        return out
    for field, doc in docs.items():
        entity_of = index.get(field, {})
        spans = epithet_spans(doc, entity_of)
        if not spans:
            continue
        subjects = _subjects(doc, entity_of, people)
        for span in spans:
            d = describe(doc, span, entity_of)
            if not d.role:
                continue
            sex = _SEXES.get(GENDERED_NOUNS.get(span.root.lower_, ""))
            pid = _refers_to(span, d, [s for s in subjects if not sex or genders.get(s[2], sex) == sex], own)
            if pid is not None:
                out.setdefault(pid, []).append(((order.get(field, len(order)), span.start_char), d))
    return out


def _subjects(doc: Doc, entity_of: EntityIndex, people: Mapping[str, Entity]) -> list[tuple[int, int, str]]:
    """(sentence start token, token index, entity id) of each full-named person's mention that is
    a clause's subject, in reading order."""
    out = []
    seen: set[int] = set()
    for _, label, eid, span in entity_of.values():
        if label != "PERSON" or eid not in people or span.start in seen:
            continue
        seen.add(span.start)
        if span.root.dep_ in _SUBJECTS:
            out.append((span.root.sent.start, span.start, eid))
    return sorted(out, key=lambda s: s[1])


def _refers_to(span: Span, d: Description, subjects: list[tuple[int, int, str]],
               own: Mapping[str, Sequence[Description]]) -> str | None:
    sent_starts = sorted({s for s, _, _ in subjects if s <= span.sent.start} | {span.sent.start}, reverse=True)
    allowed = set(sent_starts[:_SENTENCES_BACK])
    before = [s for s in subjects if s[1] < span.start and s[0] in allowed]
    # nearest sentence first; within a sentence its main subject (the first) first
    for sent in sorted({s for s, _, _ in before}, reverse=True):
        for _, _, eid in [s for s in before if s[0] == sent]:
            if _fits(d, own.get(eid, ())):
                return eid
    return None


def _role_nouns(role: str) -> set[str]:
    return {w for w in role.replace("-", " ").split() if w in _NOUNS}


def _fits(epithet: Description, own: Sequence[Description]) -> bool:
    """No role of another kind and no other party or country in the person's own descriptions."""
    nouns = _role_nouns(epithet.role or "")
    roles = [d.role for d in own if d.role]
    if roles and not any(nouns & _role_nouns(r) for r in roles):
        return False
    if epithet.affiliation and epithet.affiliation in _BODIES:
        theirs = {d.affiliation for d in own if d.affiliation in _BODIES}
        if theirs and epithet.affiliation not in theirs:
            return False
    return True


_BODIES = frozenset(AFFILIATION_WORDS.values())
_NOUNS = ROLE_NOUNS | frozenset(w for v in ROLE_TITLES.values() for w in v.split())
