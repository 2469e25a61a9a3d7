"""Antecedents: the entity a personal or group pronoun refers to, for speakers.py.

A reporting verb's pronoun subject (`he said`, `it warned`) names the most salient compatible mention
of the last few sentences of the narrative (see antecedent_of): mentions inside quotes do not count,
and a person titled otherwise (`Mr.` for `she`) is passed over.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from transforms.entities import Entity
from transforms.quotes.context import FieldContext
from transforms.quotes.cues import is_reporting

# Pronouns stay in code, not in a word list: a closed class of the grammar (see speakers.py).
PERSONAL_PRONOUNS = frozenset({"he", "she"})
_FAR_SENTENCES = 12
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}


def antecedent_of(ctx: FieldContext, pronoun: Token, labels: frozenset[str]) -> Entity | None:
    """The entity a pronoun refers to: in the nearest of the last four sentences that has a
    compatible mention, the most salient one (see salience), the later on a tie; for `he`/`she` with
    none there, of the last twelve (sentences of quotation come between). Mentions inside quotes do
    not count: the people a quote talks about are rarely its speaker."""
    found = _antecedent_within(ctx, pronoun, labels, 4)
    # a pronoun after long quotation (`"...," he continued` paragraphs after `Rubio said`): further back
    return found if found is not None or pronoun.lower_ not in PERSONAL_PRONOUNS else _antecedent_within(
        ctx, pronoun, labels, _FAR_SENTENCES)


def _antecedent_within(ctx: FieldContext, pronoun: Token, labels: frozenset[str], sentences: int) -> Entity | None:
    starts = [pronoun.sent.start]
    while len(starts) < sentences and starts[-1] > 0:
        starts.append(ctx.doc[starts[-1] - 1].sent.start)
    lo = bisect.bisect_left(ctx.mentions, starts[-1], key=lambda x: x[0])
    hi = bisect.bisect_left(ctx.mentions, pronoun.i, key=lambda x: x[0])
    best: tuple[tuple[int, int], Entity] | None = None
    agrees = _PRONOUN_GENDER.get(pronoun.lower_)
    for i, ent in ctx.mentions[lo:hi]:
        if ent.label not in labels or ctx.quoted(ctx.doc[i]):
            continue
        if agrees and ctx.titled_gender.get(ent.entity_id, agrees) != agrees:
            continue  # `she` is not the person the text calls `Mr.`
        key = (-sum(i < start for start in starts), salience(ctx.doc[i]))
        if best is None or key >= best[0]:
            best = (key, ent)
    return best[1] if best else None


def salience(t: Token) -> int:
    """How likely a mention is what a later pronoun refers to: the subject of a reporting verb (3),
    of the main clause (2), of another clause (1), anything else (0)."""
    while t.dep_ in ("compound", "flat") and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    if is_reporting(t.head):
        return 3
    return 2 if t.head.dep_ == "ROOT" else 1
