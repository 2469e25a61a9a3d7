"""A quotation introduced by a clause that ends in a colon: the clause's subject said it.

`Senator Jo Ames issued the following statement:` ending a paragraph, then the statement in quotation
marks as the next paragraph; `Hoff's letter makes a libertarian case: "..."`, `Ames went on: "..."`.
Whatever the clause's verb (issue, make, release, deliver, continue, go on, put it), the quotation
that the colon introduces is its subject's words: the convention needs no reporting verb. The parse
of such a clause is often poor around the colon (the quotation taken for an apposition of the
object), so the rule reads the clause itself: its main verb before the colon, and that verb's
subject as speakers.subject_of finds it (or the name a main verb read as its participle modifies).
A clause without a verb (`And from Chairwoman Jane Doe:`) is conventions.lead_in's own case; a
copula (`The message was clear:`) or a subject that names no one (`Here is what we know:`) gives no
speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.context import FieldContext
from transforms.quotes.speakers import PERSONAL_PRONOUNS, resolve_speaker, subject_of
from transforms.quotes.types import Attribution

# Pronouns that may name a speaker here besides `he` and `she` (resolved or kept as the text gives them).
_SPEAKING_PRONOUNS = PERSONAL_PRONOUNS | frozenset({"they", "we", "i"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
# Verbs that are no clause's main verb: auxiliaries and modifiers (`issued the following statement:`).
_NOT_MAIN = frozenset({"aux", "auxpass", "amod", "relcl", "compound", "pcomp"})


def colon_clause_speaker(ctx: FieldContext, colon: int) -> Attribution | None:
    """The speaker of a quotation introduced by the clause whose colon is at character `colon`: the
    subject of the clause's main verb (the last verb of the sentence before the colon, its root if the
    root is before it), resolved; None when the clause has no verb, its verb is `be`, or its subject
    is no noun or speaking pronoun (or is quoted)."""
    span = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    end = span.start
    sent = ctx.doc[end].sent
    clause = [t for t in ctx.doc[sent.start : end] if ctx.in_narrative(t)]
    verbs = [t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ not in _NOT_MAIN]
    if not verbs:
        return None
    root = sent.root
    verb = root if root.i < end and root in verbs else verbs[-1]
    if verb.lemma_.lower() == "be":
        return None
    subject = subject_of(verb, ctx.quoted)
    if subject is None and verb.dep_ == "acl" and verb.head.i < verb.i:
        subject = verb.head  # `Romney, the party's nominee, tweeted in response:` read as a participle of Romney
    if subject is None or not _speaking(subject) or subject.i >= end or "\n" in subject.text:
        return None
    return resolve_speaker(ctx, subject, verb.lemma_.lower())


def _speaking(subject: Token) -> bool:
    return subject.pos_ in _NOMINAL or subject.lower_ in _SPEAKING_PRONOUNS
