"""Rule 5 of the entities transform: `the Korean Central News Agency (KCNA)` defines an acronym, and
every `KCNA` of the article is a mention of the expansion."""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc

from transforms.entities.model import RawMention, paragraph_breaks, raw_mention
from transforms.entities.names import spelling_key

_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,9}")


def defined_acronyms(texts: dict[str, str], raws: list[RawMention]) -> dict[str, str]:
    """Rule 5: acronym -> key of its expansion, for every `Expansion (ACR)` in the article."""
    found: dict[str, str] = {}
    for r in raws:
        text = texts[r.field]
        m = re.match(rf"\s*\(\s*({_ACRONYM.pattern})\b", text[r.end : r.end + 16])
        if m and _abbreviates(m.group(1), r.text):
            found.setdefault(m.group(1), spelling_key(r.text))
    return found


def _abbreviates(acronym: str, name: str) -> bool:
    """True when the capitals of `acronym` are initials of `name`'s words, in order."""
    initials = [w[0].upper() for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    letters = [c for c in acronym if c.isupper()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    k = 0
    for c in letters:
        while k < len(initials) and initials[k] != c:
            k += 1
        if k == len(initials):
            return False
        k += 1
    return True


def acronym_mentions(
    docs: Mapping[str, Doc], texts: dict[str, str], raws: list[RawMention], acronyms: dict[str, str]
) -> list[RawMention]:
    """Rule 5: every occurrence of a defined acronym as a whole token that is not yet a mention, with
    the label of its expansion (also where spaCy tagged nothing)."""
    if not acronyms:
        return []
    label_of = {spelling_key(r.text): r.label for r in raws}
    taken = {(r.field, r.start) for r in raws}
    extra: list[RawMention] = []
    for fld, doc in docs.items():
        breaks = paragraph_breaks(texts[fld])
        for t in doc:
            if t.text in acronyms and (fld, t.idx) not in taken:
                extra.append(raw_mention(fld, t.idx, t.idx + len(t), t.text, label_of[acronyms[t.text]], breaks))
    return extra
