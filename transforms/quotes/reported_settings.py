"""Reported statements whose cue is a setting: `in` with a noun of attribution_settings.tsv before
or after a clause. `In the latest poll, Clinton led Trump 47 percent to 39` attributes the clause to
the poll (evidence: the noun is the source); `In Trump's mind, the wall is already built` to Trump
(belief: the noun's possessor is the source, and without one nothing is attributed).

The content is the clause the phrase attaches to, without the phrase, as for `according to`
(reported_nouns.clause_around). A setting of a reporting verb (`In a new poll, 42% say ...`,
`In a statement, X said ...`) is no cue of its own: the verb's row has the statement and its source;
nor is a phrase inside its clause (`Trump leads in the polls` says where he leads): a setting stands
at the clause's start with a comma after it, or after a comma.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Token

from transforms.quotes.context import FieldContext
from transforms.quotes.cue_table import CUE_LEMMAS, noun_table
from transforms.quotes.cues import is_reporting
from transforms.quotes.reported_nouns import clause_around
from transforms.quotes.reported_span import VERB_TAGS
from transforms.quotes.speakers import resolve_speaker
from transforms.quotes.types import Statement

# noun lemma -> class: the nouns whose `in` phrase is a setting of attribution.
SETTINGS: Mapping[str, str] = noun_table("attribution_settings.tsv")
# The preposition that makes such a noun a setting.
_SETTING_PREPOSITION = "in"


def setting_statements(ctx: FieldContext, noun: Token, table: Mapping[str, str] = SETTINGS) -> Iterator[Statement]:
    """The statement a setting noun (`poll` in `In the latest poll, ...`) attributes: the clause its
    `in` phrase attaches to, with the noun (evidence) or its possessor (belief) as source; nothing
    for a noun outside `table`, not the object of `in`, without a source, or setting a reporting verb."""
    lemma = noun.lemma_.lower()
    cue_class = table.get(lemma)
    prep = noun.head
    if cue_class is None or noun.dep_ != "pobj" or prep.lower_ != _SETTING_PREPOSITION or ctx.quoted(noun):
        return
    source = noun if cue_class == "evidence" else next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None or not _set_off(prep) or _sets_a_report(prep):
        return
    span = clause_around(ctx, prep, prep.right_edge.i)
    attribution = resolve_speaker(ctx, source, lemma)
    if span is not None and attribution is not None:
        yield Statement(span[0], span[1], lemma, _SETTING_PREPOSITION, cue_class, attribution)


def _set_off(prep: Token) -> bool:
    """`In the latest poll, ...` or `..., in the survey.`: a setting stands apart from its clause,
    by a comma after it or before it; `Trump leads in the polls` says where he leads, nothing more."""
    doc = prep.doc
    start, end = prep.i, prep.right_edge.i
    after = doc[end + 1] if end + 1 < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    opening = start == prep.sent.start or (before is not None and before.is_punct and before.text != ",")
    return (opening and after is not None and after.text == ",") or (before is not None and before.text == ",")


def _sets_a_report(prep: Token) -> bool:
    """`In a new poll, 42% say ...`: the phrase's verb reports or cues a statement of its own."""
    head = prep.head
    while head.pos_ not in VERB_TAGS and head.head.i != head.i:
        head = head.head
    return is_reporting(head) or head.lemma_.lower() in CUE_LEMMAS
