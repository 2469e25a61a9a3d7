"""Signed statements: a readers' letters page, where each letter or post is signed by its writer.

A letters page (`LETTERS.` as a paragraph of its own: the labels are in letters_labels.txt) prints
each reader's letter, then a paragraph of nothing but the writer's name (`Jane Doe.`, or a social
media handle, `@jdoe.`), often followed by a short line of the writer's town (`Henderson, Nev.`).
Every paragraph of a letter is the signer's statement in the signer's own words, so each becomes a
'direct' row (as a transcript's answers do) said by the signer, with no cue. A letter runs back from
its signature to the previous signature (and its town line) or to a section label of capitals
(`LETTERS.`, `FACEBOOK.`, `TWITTER.`). A paragraph that is one whole quotation is left to that
quotation's own row.

Only a page that carries a letters label counts: elsewhere a paragraph of a name alone is a byline,
a photo's subject or a list entry, and the text above it is not that person's words.
"""

from __future__ import annotations

import re

from transforms.lexicon import word_list
from transforms.quotes.context import FieldContext
from transforms.quotes.types import Attribution

# Paragraph labels that mark a page of readers' letters (compared lower-cased, without end punctuation).
LETTERS_LABELS = word_list("letters_labels.txt", phrases=True)
_HANDLE = re.compile(r"@\w{1,30}")
_END = " .!:;,\t"
# A writer's town after the signature: a few words, no sentence (`Henderson, Nev.`, `Washington, D.C.`).
_TOWN = re.compile(r"[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3}\.?")
_LABEL = re.compile(r"[A-Z][A-Z'’&-]*(?: [A-Z][A-Z'’&-]*){0,3}\.?")


def signed_statements(ctx: FieldContext) -> list[tuple[int, int, Attribution]]:
    """(start, end, attribution) of each paragraph of each signed letter in the field, in text
    order; [] unless the field has a letters label paragraph."""
    paragraphs = _paragraphs(ctx)
    texts = [ctx.text[a:b] for a, b in paragraphs]
    if not any(t.strip(_END).lower() in LETTERS_LABELS for t in texts):
        return []
    found: list[tuple[int, int, Attribution]] = []
    letter: list[int] = []  # paragraphs of the letter being read
    after_signature = False
    for k, (start, end) in enumerate(paragraphs):
        text = texts[k]
        signer = _signer(ctx, start, end)
        if signer is not None:
            found.extend((paragraphs[j][0], paragraphs[j][1], signer) for j in letter)
            letter, after_signature = [], True
            continue
        label = _LABEL.fullmatch(text) or text.strip(_END).lower() in LETTERS_LABELS
        if label or (after_signature and _TOWN.fullmatch(text)):
            letter, after_signature = [], False
            continue
        after_signature = False
        if not _whole_quotation(ctx, start, end):
            letter.append(k)
    return found


def _paragraphs(ctx: FieldContext) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph, trailing spaces left out."""
    out = []
    for k, start in enumerate(ctx.para_starts):
        end = ctx.para_starts[k + 1] if k + 1 < len(ctx.para_starts) else len(ctx.text)
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _signer(ctx: FieldContext, start: int, end: int) -> Attribution | None:
    """The writer a paragraph of nothing but a signature names: one PERSON mention, or a handle."""
    words = ctx.text[start:end].rstrip(_END)
    if _HANDLE.fullmatch(words):
        return Attribution(words, words, None, None)
    span = ctx.doc.char_span(start, start + len(words), alignment_mode="expand")
    if span is None or not len(span):
        return None
    people = {ctx.entity_of[t.i].entity_id if t.i in ctx.entity_of and ctx.entity_of[t.i].label == "PERSON"
              else None for t in span}
    if len(people) != 1 or None in people:
        return None
    entity = ctx.entity_of[span[0].i]
    return Attribution(words, entity.name, entity, None)


def _whole_quotation(ctx: FieldContext, start: int, end: int) -> bool:
    """The paragraph is one quotation, marks and end punctuation aside."""
    return any(raw.start - start <= 2 and end - raw.end <= 3 for raw in ctx.spans if start <= raw.start < end)
