"""Quote type: 'direct' for a whole quoted statement, 'partial' for words quoted inside a sentence."""

from __future__ import annotations

from transforms.quotes.context import FieldContext
from transforms.quotes.cues import REPORTING_FORMS
from transforms.quotes.spans import RawSpan

# How a statement is given: a whole quoted statement, words quoted inside a sentence, or reported
# speech without quotation marks (warehouse.schema.QUOTE_TYPES holds the same values).
QUOTE_TYPES = ("direct", "partial", "indirect")
DIRECT, PARTIAL, INDIRECT = QUOTE_TYPES


def quote_type(ctx: FieldContext, raw: RawSpan) -> str:
    """'direct' when the quote is a whole statement standing in the clause's place: it opens the
    paragraph or follows a colon, comma, sentence end or reporting verb, starts with a capital and ends at
    punctuation; 'partial' for words quoted inside a sentence."""
    text = ctx.text
    opens = ctx.opens_paragraph(raw)
    before = text[max(0, raw.start - 40) : raw.start].rstrip(" \"“‘'")  # a bounded look back
    after = text[raw.end : raw.end + 3].lstrip("\"”’' ")
    starts = opens or (before and (before[-1] in ":,—.!?" or before.split()[-1].lower() in REPORTING_FORMS))
    ends = text[raw.end - 1] in ".,!?;:…—-" or not after or after[0] in ",.!?;:—–-\n"
    # a paragraph-opening quote may begin in lower case when it continues an open quote
    capital = text[raw.start].isupper() or opens
    return DIRECT if starts and ends and capital else PARTIAL
