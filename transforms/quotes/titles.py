"""Quotes nobody said: names in quotation marks (`on "Meet the Press"`), numbers, dates and markup.

These keep no speaker, not even one inherited from a neighbouring quote (see inheritance). A
title-case quote counts as a name only where it stands as one; `called her "Crooked Hillary"` is
still attributed, since a reporting verb governs it.
"""

from __future__ import annotations

import re

from transforms.lexicon import word_list
from transforms.quotes.context import FieldContext, is_mark

# Words a title leaves in lower case.
TITLE_SMALL_WORDS = word_list("title_small_words.txt")
# Words right before a title-case quote that make it a name (`on "Meet the Press"`, `NBC's "Today"`).
WORDS_BEFORE_TITLES = word_list("words_before_titles.txt")
# `name="` or `name = '` right before the opening mark: an attribute of markup left in the text.
_ATTRIBUTE = re.compile(r"[A-Za-z_][\w:-]*\s*=\s*$")
_DATE = re.compile(r"(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})")


def is_unspoken(ctx: FieldContext, n: int) -> bool:
    """Quote `n` is not anybody's words: a title where it stands, a number, a date or markup."""
    return _title_in_context(ctx, n) or _not_words(ctx, n)


def _not_words(ctx: FieldContext, n: int) -> bool:
    """Quoted things nobody said: numbers, dates, and attribute values of markup left in the text
    (`tweet_id="6942..."`)."""
    raw = ctx.spans[n]
    text = ctx.text[raw.start : raw.end]
    return (
        is_attribute_value(ctx, n)
        or not any(c.isalpha() for c in text)
        or bool(_DATE.fullmatch(text.rstrip(".,")))
    )


def is_attribute_value(ctx: FieldContext, n: int) -> bool:
    """Quote `n` is the value of a markup attribute left by scraping (`<tweet author="JebBush"
    tweet_id="6721...">`): not a quotation at all, so it gets no row."""
    start = ctx.spans[n].start
    before = ctx.text[max(0, start - 48) : start].rstrip()[:-1]  # up to the opening mark
    return bool(_ATTRIBUTE.search(before))


def is_title_case(text: str) -> bool:
    """A name in quotation marks (a show, a book, a slogan), written in title case: one to eight
    words, each capitalised or a small word of titles (`Meet the Press`)."""
    words = [w for w in text.split() if w[0].isalpha()]
    return 0 < len(words) <= 8 and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def _title_in_context(ctx: FieldContext, n: int) -> bool:
    """A title-case quote that names something where it stands: `on "Meet the Press"`, `the
    "Avatar" star`; these are not anybody's words."""
    if not is_title_case(ctx.text[ctx.spans[n].start : ctx.spans[n].end]):
        return False
    span = ctx.token_spans[n]
    root = next((t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i), span[-1])
    if len(span.text.split()) < 2:  # one capitalised word is as often a nickname or a loaded term
        before = [t for t in ctx.doc[max(0, span.start - 3) : span.start] if not is_mark(t)]
        return bool(before) and before[-1].lower_ in ("on", "'s", "’s")
    if root.dep_ in ("compound", "nmod", "amod", "poss") or (
        root.dep_ == "pobj" and root.head.lower_ in WORDS_BEFORE_TITLES
    ):
        return True
    before = [t for t in ctx.doc[max(0, span.start - 3) : span.start] if not is_mark(t)]
    return bool(before) and before[-1].lower_ in WORDS_BEFORE_TITLES
