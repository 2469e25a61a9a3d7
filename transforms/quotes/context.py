"""The field being read: its Doc, its quote spans and the token bookkeeping every rule shares.

Quote extraction works one field (headline, standfirst, body) at a time. FieldContext holds what the
rules of cues, attribution, speakers, titles, inheritance and quote_type look up over and over: which
quote a token is in, where paragraphs start, which entity a token names. It is built once per field,
in time linear in the field's tokens and mentions, so that no rule rescans the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from transforms.entities import Entity
from transforms.entities.gender import title_gender
from transforms.nlp import doc_text
from transforms.quotes.spans import RawSpan, scan_quotes

# Characters of quotation-mark tokens; a token of nothing else is a mark, never a word.
_MARK_CHARS = "\"“”‘’'"


class FieldContext:
    """One field's Doc with its quotes (`spans`, their tokens `token_spans`, `quote_of` per token),
    its paragraph starts, and its entity mentions indexed by token (`entity_of`, `mentions`)."""

    def __init__(self, field: str, doc: Doc, entities: Sequence[Entity]) -> None:
        self.field, self.doc = field, doc
        self.text = doc_text(doc)
        self.spans = scan_quotes(self.text)
        self.para_starts = paragraph_starts(self.text)
        self.quote_of = [-1] * len(doc)  # token index -> index of the quote holding it, -1 if none
        self.token_spans: list[Span] = []
        for n, raw in enumerate(self.spans):
            span = doc.char_span(raw.start, raw.end, alignment_mode="expand")
            self.token_spans.append(span)
            for t in span:
                self.quote_of[t.i] = n
        self.entity_of: dict[int, Entity] = {}
        self.mentions: list[tuple[int, Entity]] = []  # (token index of the mention's last token, entity)
        for ent in entities:
            for m in ent.mentions:
                if m.field == field:
                    self._index_mention(m.start, m.end, ent)
        self.mentions.sort(key=lambda x: x[0])
        self.entities = list(entities)

    def _index_mention(self, start: int, end: int, ent: Entity) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        for t in span:
            self.entity_of.setdefault(t.i, ent)  # the first entity listed keeps a token both claim
        self.mentions.append((span[-1].i, ent))

    @cached_property
    def titled_gender(self) -> dict[str, str]:
        """Entity id -> `f` or `m` for the people a title or kinship word at a mention in this field shows
        to be a woman or a man (`Mrs. Clinton`, `Mr. Trump`, `her husband, Bill Clinton`: the entities
        transform's title_gender), when all such words agree. Pronouns need it to agree (`she` is not
        Mr. Trump). Worked out on first use: only fields with a pronoun to resolve need it."""
        found: dict[str, str] = {}
        for ent in self.entities:
            if ent.label != "PERSON":
                continue
            seen = set()
            for m in ent.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand") if m.field == self.field else None
                if span is not None and len(span):
                    seen.add(title_gender(self.doc[max(0, span.start - 6) : span.start]) or title_gender(span[:1]))
            seen.discard("")
            if len(seen) == 1:
                found[ent.entity_id] = seen.pop()
        return found

    def paragraph(self, char: int) -> int:
        """The 0-based paragraph of the field holding the character offset `char`."""
        return bisect.bisect_right(self.para_starts, char) - 1

    def quoted(self, t: Token) -> bool:
        """A quoted word or a quotation mark: never part of the narrative that attributes a quote."""
        return self.quote_of[t.i] >= 0 or is_mark(t)

    def in_narrative(self, t: Token) -> bool:
        """A word of the narrative around the quotes (not quoted, not a mark, not a line break)."""
        return not self.quoted(t) and "\n" not in t.text

    def opens_paragraph(self, raw: RawSpan) -> bool:
        """The quote's words start their paragraph, after at most its opening mark and spaces."""
        start = self.para_starts[self.paragraph(raw.start)]
        return raw.start - start <= 4 and not self.text[start : raw.start].strip(" \"“‘'")


def is_mark(t: Token) -> bool:
    """A token made only of quotation marks (`"`, `“`, `’`, ...)."""
    return not t.text.strip(_MARK_CHARS)  # (strip: a per-character test in C)


def paragraph_starts(text: str) -> list[int]:
    """The offset of each paragraph's first character: 0, and after every run of line breaks."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        j = i
        while j < len(text) and text[j] == "\n":
            j += 1
        starts.append(j)
        i = text.find("\n", j)
    return starts
