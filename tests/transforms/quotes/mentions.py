"""Hand-made entities for quote tests: the speakers a test names, found wherever their spellings occur."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from transforms.entities import Entity, Mention
from transforms.quotes.context import FieldContext

# Fictional people the quote tests name: (canonical name, label, surface forms).
MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])
COUNCIL = ("Harbour Council", "ORG", ["Harbour Council"])


def reported_rows(nlp: Language, text: str, *specs: tuple[str, str, list[str]]) -> list[tuple[str, str, str | None]]:
    """(cue, text, speaker) of each reported statement field_quotes finds in a body text that mentions the
    given entities."""
    from transforms.quotes import INDIRECT, field_quotes

    doc = nlp(text)
    return [(q.cue, q.text, q.speaker) for q in field_quotes("body", doc, entities({"body": doc}, *specs))
            if q.quote_type == INDIRECT]


def word(ctx: FieldContext, text: str, nth: int = 0) -> Token:
    """The `nth` token of a FieldContext's doc whose text is `text`."""
    return [t for t in ctx.doc if t.text == text][nth]


def entities(docs: dict[str, Doc], *specs: tuple[str, str, list[str]]) -> list[Entity]:
    """Entities (name, label, surface forms) mentioned wherever a surface form occurs as a word."""
    found = []
    for name, label, forms in specs:
        ent = Entity(name, label)
        for fld, doc in docs.items():
            taken: set[int] = set()
            for form in sorted(forms, key=len, reverse=True):
                for m in re.finditer(rf"\b{re.escape(form)}\b", doc.text):
                    if not taken & set(range(m.start(), m.end())):
                        taken |= set(range(m.start(), m.end()))
                        ent.mentions.append(Mention(fld, m.start(), m.end(), form))
        found.append(ent)
    return found
