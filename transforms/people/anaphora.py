"""Roles given in epithets: a definite description that stands for a person the article named
(`Mike Pence says ...` then `The Republican vice presidential nominee was speaking Friday`), read as
a description of that person.

An epithet is `the`, then description words (lower-case modifiers, party, nationality or place
words) of which one says which one (a capitalised word or `former`: `the tall officer` may be
anyone), then a singular role noun (role_nouns.txt) in lower case: `The GOP nominee`, `The
Democratic presidential candidate's call`, `The former secretary of state`; a word that makes it
another holder of the role or one not known yet (`the other nominee`, `the next candidate`:
epithet_other_words.txt) makes it nobody's. It must be the subject
of its sentence's main verb (or that subject's possessor): an object (`Trump cast the former
secretary of state as ...`) or a subordinate clause's subject is as often someone else. Not one:
a phrase with a possessive or an organisation in it (`the company's spokeswoman`), one before a
name or in apposition to one (`the Republican nominee Donald Trump`, `X, the nominee's daughter,`),
nor one whose role someone in the article already holds (`Sen. Ada Pike` ... `the Ohio senator`):
that is theirs and says nothing new.

It refers back, as a reader takes it, to the subject of the nearest sentence before it that has a
person (a PERSON with a full name) as subject, within three sentences, when that person fits: no
role of another kind in the article (a spokeswoman is no nominee), no other party or country, and
no other gender (`businessman`; `began her speech`). Otherwise to nobody. Its description ranks
below every description at the person's own name (roles.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from transforms.entities import Entity
from transforms.lexicon import mapping, word_list
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
# How many sentences back a subject may be.
_SENTENCES_BACK = 3
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Where an epithet takes up the person a text is about: the subject of a sentence's main verb (`The
# GOP nominee complained`), or its possessor (`The Democratic candidate's call came`). An object
# (`Trump cast the former secretary of state as`) or a subordinate clause's subject (`as the
# Democratic nominee looks`) is as often someone else; `Trump would be the next president` says
# what someone is.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# An epithet says which one: a party, place or nationality word, or `former` (`the former secretary
# of state`); `the black plainclothes officer` may be anyone.
_FORMER = frozenset({"former", "ex"})
# `the other Republican nominee`, `the next candidate`: another holder of the role, or one not known yet.
_OTHER_HOLDER = word_list("epithet_other_words.txt")
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
        if start is None or not _main_subject(t):
            continue
        words = doc[start + 1 : t.i]
        office = doc[end + 1] if end + 1 < len(doc) and doc[end].lower_ == "of" else None
        if office is not None and office.is_lower and office.pos_ in ("NOUN", "PROPN"):
            end += 2  # `the former secretary of state`
        if any(w.lower_ in _OTHER_HOLDER for w in words):
            continue
        if any(not w.is_lower and w.is_alpha or w.lower_ in _FORMER for w in words):
            out.append(doc[start:end])
    return out


def _main_subject(t: Token) -> bool:
    """The subject of its sentence's main verb, or that subject's possessor."""
    if t.dep_ == "poss":
        t = t.head
    return t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ROOT"


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
            if not d.role or _apposed(doc, span, entity_of) or _claimed(d, own):
                continue
            sex = _SEXES.get(GENDERED_NOUNS.get(span.root.lower_, "")) or _pronoun_after(span)
            fitting = [s for s in subjects if not sex or genders.get(s[2], sex) == sex]
            pid = _refers_to(span, d, fitting, own)
            if pid is not None:
                out.setdefault(pid, []).append(((order.get(field, len(order)), span.start_char), d))
    return out


def _apposed(doc: Doc, span: Span, entity_of: EntityIndex) -> bool:
    """`Ann Marsh, the Republican nominee's daughter,` or `the Republican candidate, Carl Odom`: an
    apposition to a name, which descriptions.py reads (or which describes someone else)."""
    before = span.start >= 2 and doc[span.start - 1].text == "," and _is_person(entity_of, span.start - 2)
    # `the Republican nominee, Gov. Mike Pence,`: a title may come first
    after = span.end < len(doc) and doc[span.end].text == "," and any(
        _is_person(entity_of, i) for i in range(span.end + 1, min(span.end + 4, len(doc))))
    return before or after


def _is_person(entity_of: EntityIndex, i: int) -> bool:
    return i in entity_of and entity_of[i][1] == "PERSON"


def _claimed(epithet: Description, own: Mapping[str, Sequence[Description]]) -> bool:
    """Someone in the article already has the epithet's role (`Sen. Ada Pike` ... `the Ohio
    senator`): the epithet is theirs, and says nothing new; nor is it another person's."""
    words = _role_words(epithet.role or "")
    for found in own.values():
        for d in found:
            if d.role and words <= _role_words(d.role) and not _other_party(epithet, [d]):
                return True
    return False


def _role_words(role: str) -> set[str]:
    return set(role.split()) - _NOT_ROLE_WORDS


def _pronoun_after(span: Span) -> str | None:
    """The gender of the first personal pronoun after the epithet in its sentence (`The former
    governor began her speech`): the epithet's own."""
    for t in span.doc[span.end : span.sent.end]:
        if t.lower_ in _PRONOUNS:
            return _PRONOUNS[t.lower_]
    return None


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
    """The first fitting subject of the nearest sentence before the epithet's that has a person as
    subject, within a few sentences; None when it does not fit."""
    doc = span.doc
    window = []
    start = span.sent.start
    while start > 0 and len(window) < _SENTENCES_BACK:
        start = doc[start - 1].sent.start
        window.append(start)
    before = [s for s in subjects if s[0] in window]
    if not before:
        return None
    nearest = max(s for s, _, _ in before)
    return next((eid for sent, _, eid in before if sent == nearest and _fits(d, own.get(eid, ()))), None)


def _role_nouns(role: str) -> set[str]:
    return {w for w in role.replace("-", " ").split() if w in _NOUNS}


def _fits(epithet: Description, own: Sequence[Description]) -> bool:
    """No role of another kind and no other party or country in the person's own descriptions."""
    nouns = _role_nouns(epithet.role or "")
    roles = [d.role for d in own if d.role]
    if roles and not any(nouns & _role_nouns(r) for r in roles):
        return False
    return not _other_party(epithet, own)


def _other_party(epithet: Description, own: Sequence[Description]) -> bool:
    """The person's own descriptions name a party or country, and not the epithet's."""
    if not (epithet.affiliation and epithet.affiliation in _BODIES):
        return False
    theirs = {d.affiliation for d in own if d.affiliation in _BODIES}
    return bool(theirs) and epithet.affiliation not in theirs


_BODIES = frozenset(AFFILIATION_WORDS.values())
_NOUNS = ROLE_NOUNS | frozenset(w for v in ROLE_TITLES.values() for w in v.split())
_NOT_ROLE_WORDS = frozenset({"former", "ex", "of", "the", "then"})
_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
             "she": "female", "her": "female", "hers": "female", "herself": "female"}
