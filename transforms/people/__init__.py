"""Who the people of an article are, in its own words: each statement's speaker_role and
speaker_affiliation (roles.py, from the descriptions of descriptions.py) and each PERSON entity's
gender with its evidence (gender.py). Identity across articles is the warehouse's (warehouse/people.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from transforms.entities import Entity
from transforms.people.descriptions import Description, EntityIndex
from transforms.people.gender import person_genders
from transforms.people.roles import Described, mention_descriptions, quote_description, with_epithets
from transforms.quotes import INDIRECT, Quote

__all__ = ["Description", "PeopleFacts", "describe_people"]


@dataclass(frozen=True)
class PeopleFacts:
    """Per quote (same order as the quotes given) its speaker's Description; per PERSON entity id
    its (gender, evidence) when the article shows one."""

    quotes: list[Description]
    genders: dict[str, tuple[str, str]]


def entity_index(docs: Mapping[str, Doc], entities: Sequence[Entity]) -> dict[str, EntityIndex]:
    """field -> token index -> (name, label, entity_id, mention span) for every entity mention."""
    index: dict[str, dict] = {f: {} for f in docs}
    for ent in entities:
        for m in ent.mentions:
            doc = docs.get(m.field)
            span = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None else None
            if span is None:
                continue
            for t in span:
                index[m.field].setdefault(t.i, (ent.name, ent.label, ent.entity_id, span))
    return index


def describe_people(docs: Mapping[str, Doc], entities: Sequence[Entity], quotes: Sequence[Quote]) -> PeopleFacts:
    """Roles and affiliations of the quotes' speakers, and genders of the PERSON entities."""
    index = entity_index(docs, entities)
    described = mention_descriptions(docs, entities, index)
    # genders from the people's own names and pronouns: an epithet must agree with them (`the
    # businessman` is not a woman), and gives none itself
    genders = person_genders(docs, entities, quotes, described, index)
    # a quoted speaker's words (`"But, Governor Pence, ..."`) describe a person only where the
    # article itself does not
    described = _mark_quoted(described, quotes)
    described = with_epithets(described, docs, entities, index, {e: g for e, (g, _) in genders.items()})
    return PeopleFacts([quote_description(q, docs, described, index) for q in quotes], genders)


def _mark_quoted(described: Mapping[str, list[Described]], quotes: Sequence[Quote]) -> dict[str, list[Described]]:
    """The descriptions, those inside quotation marks marked `quoted` (a reported statement's words
    are the article's)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for q in quotes:
        if q.quote_type != INDIRECT:
            spans.setdefault(q.field, []).append((q.char_start, q.char_end))
    return {eid: [replace(d, quoted=True) if any(a <= d.start < b for a, b in spans.get(d.field, ())) else d
                  for d in found] for eid, found in described.items()}
