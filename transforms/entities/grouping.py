"""Rule 8 of the entities transform, and the last step: untagged occurrences of the entities'
spellings become mentions, then mentions are grouped into one Entity per canonical name and label."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import numpy as np
from spacy.attrs import TAG
from spacy.tokens import Doc, Token

from transforms.entities.model import Entity, Mention, RawMention, paragraph_breaks, raw_mention

_PROPER_TAGS = ("NNP", "NNPS")


def untagged_mentions(docs: Mapping[str, Doc], texts: dict[str, str], raws: list[RawMention]) -> list[RawMention]:
    """Rule 8: occurrences of the entities' spellings that spaCy did not tag. An occurrence must be a whole
    run of proper nouns (so `State` in an untagged `Islamic State` is not one), outside any spaCy
    entity; a spelling shared by two entities (`Clinton` for Bill and Hillary) is not searched."""
    keys: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        keys[r.text].add(r.key)
    by_first: dict[str, list[str]] = defaultdict(list)
    for text, ks in keys.items():
        if len(ks) == 1 and len(text) > 1:
            by_first[text.split()[0]].append(text)
    extra: list[RawMention] = []
    for fld, doc in docs.items():
        text_of, breaks = texts[fld], paragraph_breaks(texts[fld])
        inside = {t.i for ent in doc.ents for t in ent}
        for r in raws:
            if r.field == fld:
                inside.update(t.i for t in doc.char_span(r.start, r.end, alignment_mode="expand"))
        for i in _proper_run_starts(doc):
            t = doc[i]
            if t.i in inside or t.text not in by_first:
                continue
            for spelled in sorted(by_first[t.text], key=len, reverse=True):
                span = doc.char_span(t.idx, t.idx + len(spelled))
                if (
                    span is not None
                    and text_of[span.start_char : span.end_char] == spelled
                    and not any(x.i in inside for x in span)
                    and not (span.end < len(doc) and (_proper(doc[span.end]) or doc[span.end].text == "-"))
                ):
                    r = raw_mention(fld, span.start_char, span.end_char, spelled, "", breaks)
                    r.key = next(iter(keys[spelled]))
                    extra.append(r)
                    inside.update(x.i for x in span)
                    break
    return extra


def _proper(t: Token) -> bool:
    """A proper noun by its fine-grained tag."""
    return t.tag_ in _PROPER_TAGS


def _proper_run_starts(doc: Doc) -> list[int]:
    """Indices of the proper nouns (as _proper) not right after another: where a run of them starts.
    Read from the Doc's tag array: a field is mostly other words, not worth a Token each."""
    tags = doc.to_array(TAG)
    if not len(tags):
        return []
    proper = np.zeros(len(tags), dtype=bool)
    for tag in _PROPER_TAGS:
        proper |= tags == doc.vocab.strings[tag]
    proper[1:] &= ~proper[:-1]
    return np.flatnonzero(proper).tolist()


def group_entities(raws: list[RawMention], names: dict[str, tuple[str, str]]) -> list[Entity]:
    """One Entity per canonical name and label, in order of first mention. A mention overlapping an
    earlier one is dropped: a token belongs to one entity, which the quotes transform relies on."""
    entities: dict[tuple[str, str], Entity] = {}
    reached: dict[str, int] = {}  # field -> end of the last mention kept
    for r in sorted(raws, key=lambda r: (r.order, -r.end)):
        if r.start < reached.get(r.field, 0):
            continue
        reached[r.field] = r.end
        name, label = names[r.key]
        ent = entities.setdefault((name, label), Entity(name, label))
        ent.mentions.append(Mention(r.field, r.start, r.end, r.text))
    return list(entities.values())
