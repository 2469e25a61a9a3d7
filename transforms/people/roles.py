"""Each statement's speaker_role and speaker_affiliation: what the article says of its speaker at
the attribution (`Kremlin spokesman Dmitry Peskov said`), else the same person's nearest earlier
description in the article (`Peskov` after `Dmitry Peskov, the Kremlin's spokesman`), else their
first later one, else an epithet that refers back to them (`The Republican vice presidential
nominee was speaking` after `Mike Pence says`: anaphora.py). An unnamed speaker (`a senior
administration official`) is described by the words naming it when they hold a role; without one
they name the body that speaks (`Donald Trump's campaign`, `the city of Phoenix`), which has no
affiliation. Role and affiliation are taken
separately, each from the first of these that has one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from transforms.article import TEXT_FIELDS
from transforms.entities import Entity
from transforms.nlp import doc_text
from transforms.people.anaphora import epithet_descriptions
from transforms.people.descriptions import Description, EntityIndex, describe
from transforms.quotes import Quote

_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "who"})


@dataclass(frozen=True)
class Described:
    """A description of one mention, placed in reading order."""

    order: tuple[int, int]
    field: str
    start: int
    end: int
    description: Description
    epithet: bool = False  # an epithet that refers back to the person (anaphora.py), not their name
    quoted: bool = False  # inside quotation marks: a quoted speaker's words, not the article's


def mention_descriptions(
    docs: Mapping[str, Doc], entities: Sequence[Entity], index: Mapping[str, EntityIndex]
) -> dict[str, list[Described]]:
    """entity_id -> the descriptions of each PERSON entity's mentions, in reading order."""
    out: dict[str, list[Described]] = {}
    for ent in entities:
        found = []
        for m in ent.mentions:
            doc = docs.get(m.field)
            span = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None else None
            if span is None or not len(span):
                continue
            d = describe(doc, span, index[m.field], ent.entity_id)
            if ent.label != "PERSON":  # a person the model mislabelled: only when a role says so
                d = d if d.role else Description()
            found.append(Described(_order(m.field, m.start), m.field, m.start, m.end, d))
        out[ent.entity_id] = sorted(found, key=lambda d: d.order)
    return out


def with_epithets(
    described: Mapping[str, list[Described]], docs: Mapping[str, Doc], entities: Sequence[Entity],
    index: Mapping[str, EntityIndex], genders: Mapping[str, str],
) -> dict[str, list[Described]]:
    """`described` (from mention_descriptions) with the epithets that refer back to each person
    (anaphora.py) added after their own descriptions; `genders`: entity_id -> female|male."""
    own = {eid: [d.description for d in found] for eid, found in described.items()}
    fields = {f: k for k, f in enumerate(TEXT_FIELDS)}
    out = dict(described)
    for eid, epithets in epithet_descriptions(docs, entities, index, own, fields, genders).items():
        # after every description at the person's own name (see _entity_description)
        out[eid] = out.get(eid, []) + [Described(order, "", -1, -1, d, epithet=True)
                                       for order, d in sorted(epithets, key=lambda e: e[0])]
    return out


def _order(field: str, start: int) -> tuple[int, int]:
    return (TEXT_FIELDS.index(field) if field in TEXT_FIELDS else len(TEXT_FIELDS), start)


def quote_description(
    q: Quote, docs: Mapping[str, Doc], described: Mapping[str, list[Described]], index: Mapping[str, EntityIndex]
) -> Description:
    """The role and affiliation of a statement's speaker (see the module doc); empty when unknown."""
    if q.speaker_entity_id in described:
        epithet = _epithet(q, docs, index)  # `the Republican nominee said`, resolved to the person
        return _entity_description(q, described[q.speaker_entity_id], epithet, docs)
    if q.speaker_entity_id is None and q.speaker_mention and q.speaker_mention.lower() not in _PRONOUNS:
        doc = docs.get(q.field)
        if doc is None:
            return Description()
        span = _mention_span(doc, q)
        if span is not None and span.root.pos_ != "PROPN":
            described = describe(doc, span, index[q.field])
            # without a role the words name the body itself (`Donald Trump's campaign`, `the city of
            # Phoenix`), which speaks for no one else: no affiliation
            return described if described.role else Description()
    return Description()


def _epithet(q: Quote, docs: Mapping[str, Doc], index: Mapping[str, EntityIndex]) -> Description:
    """The description in the words naming the speaker at the attribution when they are not a name
    or pronoun (`A former Democratic National Committee chairman says`)."""
    doc = docs.get(q.field)
    if doc is None or not q.speaker_mention or q.speaker_mention.lower() in _PRONOUNS:
        return Description()
    span = _mention_span(doc, q)
    if span is None or span.root.pos_ == "PROPN" or any(t.i in index[q.field] for t in span):
        return Description()
    return describe(doc, span, index[q.field], q.speaker_entity_id)


def _entity_description(
    q: Quote, found: list[Described], epithet: Description, docs: Mapping[str, Doc]
) -> Description:
    here = _order(q.field, q.char_start)
    # the mention at the attribution: in the statement's paragraph, the nearest to its words
    text = doc_text(docs[q.field]) if q.field in docs else ""
    named = [d for d in found if not d.epithet and not d.quoted]
    local = [d for d in named if d.field == q.field
             and "\n" not in text[min(d.end, q.char_start) : max(d.start, q.char_end)]]
    at = min(local, key=lambda d: min(abs(d.start - q.char_end), abs(d.end - q.char_start)), default=None)
    before = [d for d in named if d.order <= here][::-1]
    after = [d for d in named if d.order > here]
    referred = [d for d in found if d.epithet and d.order <= here][::-1] + [
        d for d in found if d.epithet and d.order > here]
    quoted = [d for d in found if d.quoted and d.order <= here][::-1] + [
        d for d in found if d.quoted and d.order > here]
    ranked = [epithet] + [d.description for d in ([at] if at is not None else []) + before + after + referred + quoted]
    role = next((d.role for d in ranked if d.role), None)
    source = next((d for d in ranked if d.affiliation), None)
    words = tuple(w for d in ranked for w in d.words)
    if source is None:
        return Description(role, None, None, words)
    return Description(role, source.affiliation, source.affiliation_entity_id, words)


def _mention_span(doc: Doc, q: Quote):
    """The speaker_mention's words in the field, the occurrence nearest the statement."""
    text, mention = doc_text(doc), q.speaker_mention or ""
    best, pos = None, text.find(mention)
    while pos >= 0:
        dist = min(abs(pos - q.char_end), abs(pos + len(mention) - q.char_start))
        if best is None or dist < best[0]:
            best = (dist, pos)
        pos = text.find(mention, pos + 1)
    if best is None:
        return None
    span = doc.char_span(best[1], best[1] + len(mention), alignment_mode="expand")
    return span if span is not None and len(span) else None
