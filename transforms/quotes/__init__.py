"""Quotations in an article's fields and who said them, from the quotation marks and the spaCy parse.

Each quotation-mark span (spans.py) becomes one Quote (types.py). Its own speaker comes from the
first of these that applies, within the quote's clause (back and forward to a sentence end, a line
break or another quote; attribution.py):
1. the classic frames: `"...," X said`, `"...," said X`, `X said: "..."`, `"...," the agency's
   spokesman, X, tweeted`;
2. the reporting verb that governs the quoted words in the dependency parse (`Clinton says it means
   Trump "may not have paid a dime"` -> Clinton);
3. the nearest reporting verb of the clause, a main verb before a relative clause's;
4. `according to X`;
5. a bare name next to the quote with no verb (`Kim "left ...," the official news agency`);
6. the person or organisation whose verb the quoted words belong to (`Clinton opposes "pay
   freezes"`).
Quotes that name things (`on "Meet the Press"`) and quoted numbers or dates keep no speaker
(titles.py). Any other quote without its own speaker takes the speaker of the quote it continues
(one quote running over paragraphs), else of the nearest earlier attributed quote or reporting
clause in its paragraph (or the next quote there), else, in a paragraph of nothing but quotation,
the last speaker of the paragraph before (inheritance.py). The speaker is the subject of the
reporting verb (cues.py lists those verbs); pronouns resolve to a recent salient entity, names and
short names to the article's entities (speakers.py). Each quote is 'direct' or 'partial'
(quote_type.py). The rules share one FieldContext per field (context.py).

The word lists behind the rules (reporting verbs, title words, speaker labels) are data files in
transforms/lexicon/.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from transforms.entities import Entity
from transforms.quotes.attribution import own_attribution
from transforms.quotes.context import FieldContext
from transforms.quotes.cues import REPORTING_VERBS
from transforms.quotes.inheritance import inherit
from transforms.quotes.quote_type import quote_type
from transforms.quotes.spans import RawSpan, find_quote_spans, scan_quotes
from transforms.quotes.speakers import SPEAKER_LABELS
from transforms.quotes.titles import is_unspoken
from transforms.quotes.types import Attribution, Quote

__all__ = [
    "REPORTING_VERBS",
    "SPEAKER_LABELS",
    "Quote",
    "RawSpan",
    "extract_quotes",
    "field_quotes",
    "find_quote_spans",
    "scan_quotes",
]


def extract_quotes(docs: Mapping[str, Doc], entities: Sequence[Entity]) -> list[Quote]:
    """One Quote per quotation-mark span in each annotated field, with its speaker when known."""
    quotes: list[Quote] = []
    for name, doc in docs.items():
        quotes.extend(field_quotes(name, doc, entities))
    return quotes


def field_quotes(field: str, doc: Doc, entities: Sequence[Entity]) -> list[Quote]:
    """The quotes of one field, in text order: unspoken ones first set aside, then each other
    quote's own attribution, then inheritance for those still without a speaker."""
    ctx = FieldContext(field, doc, entities)
    count = len(ctx.spans)
    unspoken = {n for n in range(count) if is_unspoken(ctx, n)}
    own = [None if n in unspoken else own_attribution(ctx, n) for n in range(count)]
    attributions = inherit(ctx, own, unspoken)
    return [_quote(ctx, n, attributions[n]) for n in range(count)]


def _quote(ctx: FieldContext, n: int, attr: Attribution | None) -> Quote:
    raw = ctx.spans[n]
    return Quote(
        field=ctx.field,
        paragraph_index=ctx.paragraph(raw.start),
        char_start=raw.start,
        char_end=raw.end,
        text=ctx.text[raw.start : raw.end],
        quote_type=quote_type(ctx, raw),
        speaker=attr.speaker if attr else None,
        speaker_mention=attr.mention if attr else None,
        speaker_entity_id=attr.entity.entity_id if attr and attr.entity else None,
        cue=attr.cue if attr else None,
    )
