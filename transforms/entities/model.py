"""What the entities transform produces (Entity, Mention) and the mention record its rules work on
(RawMention): the data model shared by the rule modules of this package."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from transforms.article import TEXT_FIELDS
from transforms.lexicon import table

# spaCy labels that name things; dates, times, numbers and quantities are not entities here (rule 1).
# A one-field table rather than a word list: the labels keep their file order.
ENTITY_LABELS: tuple[str, ...] = tuple(table("entity_labels.txt", 1))
# Fields in reading order: "most recently named" and "first named" follow this order.
_FIELD_ORDER = TEXT_FIELDS


@dataclass(frozen=True)
class Mention:
    """One mention: character offsets into the text of `field` (headline, standfirst or body)."""

    field: str
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One named thing of an article: its canonical name and label, and its mentions in reading order."""

    name: str
    label: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def entity_id(self) -> str:
        """The entity's id across articles (see entity_id)."""
        return entity_id(self.name, self.label)

    @property
    def surface_forms(self) -> list[str]:
        """The distinct spellings of its mentions, sorted."""
        return sorted({m.text for m in self.mentions})


@lru_cache(maxsize=1 << 14)  # the rules ask for the same few entities' ids over and over
def entity_id(name: str, label: str) -> str:
    """The same id for the same canonical name and label in every article."""
    return hashlib.sha256(f"{label}\x1f{name}".encode()).hexdigest()[:16]


def entity_at(entities: list[Entity], fld: str, start: int, end: int) -> Entity | None:
    """The entity with a mention in `fld` overlapping the characters start..end, if any."""
    for ent in entities:
        for m in ent.mentions:
            if m.field == fld and m.start < end and start < m.end:
                return ent
    return None


@dataclass
class RawMention:
    """A trimmed spaCy mention on its way to an entity: the rules relabel it (rule 3), cut it (rule 6)
    and point its key at the group it belongs to (rules 4-7) before grouping makes it a Mention."""

    field: str
    start: int
    end: int
    text: str
    label: str
    order: tuple[int, int]  # (field rank, start): reading order
    paragraph: tuple[int, int]  # (field rank, paragraph index)
    key: str = ""  # normalised spelling, then the group it belongs to
    tags: tuple[str, str] = ("", "")  # fine-grained tags of the first and last token
    capitalised: bool = False  # capitalised by position: headline, sentence start, after a quote mark
    gender: str = ""  # "f" after `Mrs`, `Ms`, `her sister`, ...; "m" after `Mr`, `her husband`, ...


def raw_mention(fld: str, start: int, end: int, text: str, label: str, breaks: list[int]) -> RawMention:
    """A RawMention of `text` at start..end of field `fld`, placed in reading order and in its paragraph
    (counted from `breaks`, the field's paragraph_breaks)."""
    paragraph = sum(1 for b in breaks if b < start)
    return RawMention(fld, start, end, text, label, (_rank(fld), start), (_rank(fld), paragraph))


def _rank(fld: str) -> int:
    """A field's place in reading order; unknown fields come last."""
    return _FIELD_ORDER.index(fld) if fld in _FIELD_ORDER else len(_FIELD_ORDER)


def paragraph_breaks(text: str) -> list[int]:
    """Offsets of the paragraph breaks of a field's text."""
    return [m.start() for m in re.finditer(r"\n\s*\n", text)]
