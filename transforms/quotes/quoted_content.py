"""Reported statements whose content is mostly quotation: which stand as statements of their own.

A reported statement may hold a quotation (PolNeAR's `mixed` attributions: `Graham said that Carson
is a "good, decent man"`). When the quotation holds most of the content's words the quotation's own
row may already stand for it; what decides is the words outside the quotation marks:
- none but function words (`that`, `to`, `the`, punctuation: `said that "the plan is dead"`,
  `pledged to "end the war"`): the content is the quotation, and its row stands for it;
- the writer's own words around it (a subject and verb: `Carson is a "good, decent man"`, an object
  the quotation describes: `called it "a disgrace"`, `accused her of "lying"`): a statement of its
  own, which holds the quotation's row as `partial`;
- the quotation's own frame (`Instead, Axelrod said, "..."`, `"...," she said`): the statement is
  the quotation told twice; its row stands for it, unless the statement is `according to` another
  source (`"...," she said, according to the minutes`: the source's report of the quotation).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from transforms.quotes.context import FieldContext
from transforms.quotes.cues import is_reporting
from transforms.quotes.types import Statement

__all__ = ["modifies_a_noun", "mostly_quoted", "stands_for_quotation"]

# Dependencies of a phrase that only qualifies a noun (`the union's "final offer" demand`).
_NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod"})

# Share of a content's words in quotations past which its quotations' own rows may stand for it.
_QUOTED_SHARE = 0.75
# Parts of speech of the writer's own words: a subject, verb, object or description of the content
# (determiners, prepositions, particles, conjunctions and adverbs only join the quotation on).
_OWN_WORDS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "NUM"})


def mostly_quoted(ctx: FieldContext, s: Statement) -> bool:
    """Whether quotations hold most of the content's words: half of them in one quotation, or three
    quarters in several (`"A," she said, "B"`)."""
    words = _words(ctx, s)
    per_quote = Counter(ctx.quote_of[t.i] for t in words if ctx.quote_of[t.i] >= 0)
    return max(per_quote.values(), default=0) * 2 >= len(words) or sum(per_quote.values()) >= _QUOTED_SHARE * len(words)


def stands_for_quotation(ctx: FieldContext, s: Statement) -> bool:
    """Whether the statement is its quotations' words and no more, so that their own rows stand for
    it: mostly quoted, and the words outside the quotation marks are no content of the writer's own
    (only function words) or are the quotation's own reporting frame (`she said`)."""
    if not mostly_quoted(ctx, s):
        return False
    own = [t for t in _words(ctx, s) if ctx.quote_of[t.i] < 0]
    if not any(t.pos_ in _OWN_WORDS for t in own):
        return True
    # `"...," Tabb said, according to the minutes`: another source's report of the quotation and its frame
    return s.cue != "according to" and any(_frames(t, own) for t in own)


def _frames(t: Token, own: list[Token]) -> bool:
    """`she said`: a reporting verb among the words outside the quotation, with its subject there too."""
    return is_reporting(t) and any(c.dep_ in ("nsubj", "nsubjpass") and c in own for c in t.children)


def _words(ctx: FieldContext, s: Statement) -> list[Token]:
    span = ctx.doc.char_span(s.start, s.end, alignment_mode="expand")
    return [t for t in span if t.is_alpha or t.is_digit]


def modifies_a_noun(ctx: FieldContext, n: int) -> bool:
    """Quotation `n` qualifies a noun outside it (`rejects the union's "final offer" demand`, `the
    "fair share" plan`): a label the writer borrows, whose words are not the source's who acts on
    the noun phrase."""
    span = ctx.token_spans[n]
    if span is None or not len(span):
        return False
    heads = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return len(heads) == 1 and heads[0].dep_ in _NOUN_MODIFIERS and heads[0].head.pos_ in ("NOUN", "PROPN") \
        and heads[0].head.i >= span.end
