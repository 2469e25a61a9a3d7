"""Cues: the reporting verbs that tell who said a quote (`said`, `warned`, `tweeted`).

The verbs are newsroom vocabulary, kept in word lists under transforms/lexicon/ (see each file's
header for how to extend it); this module reads them once and decides, token by token, whether a
verb reports speech and whether it may stand before its speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.lexicon import word_list
from transforms.quotes.context import is_mark
from transforms.quotes.cue_table import CUE_LEMMAS

# Lemmas of verbs that report speech or writing; the quote's speaker is their subject.
REPORTING_VERBS = word_list("reporting_verbs.txt")
# Reporting verbs whose object after them is the speaker when they follow a quote (`," added X`);
# the others take an addressee there (`," told reporters`, `called it`).
INVERTIBLE_VERBS = word_list("reporting_verbs_invertible.txt")
# Surface forms of reporting verbs that may directly precede a direct quote (`said "We ...`).
REPORTING_FORMS = word_list("reporting_verb_forms.txt")


def is_reporting(t: Token) -> bool:
    """A verb that reports speech: a reporting verb's lemma, used as a verb, and `call` only when it
    has an object or a clause (it then names or quotes rather than telephones)."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in REPORTING_VERBS:
        return False
    # `called it "a disaster"` names; `were calling "every 15 minutes"` telephones
    return t.lemma_.lower() != "call" or any(c.dep_ in ("dobj", "oprd", "ccomp", "xcomp") for c in t.children)


def is_cue_verb(t: Token) -> bool:
    """A verb the cue table makes a cue for some complement (`praise` an object, `warn` a clause):
    wider than the reporting verbs that introduce a quotation."""
    return t.pos_ == "VERB" and t.lemma_.lower() in CUE_LEMMAS


def may_precede_speaker(verb: Token) -> bool:
    """Whether the verb may come before its subject: a finite `said` (`"...," said X`), or another
    invertible reporting verb right after the quote (`"...," added X`), never a participle
    (`adding a plug`)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    before = verb.doc[verb.i - 1] if verb.i else verb
    return verb.lemma_ == "say" or (verb.lemma_ in INVERTIBLE_VERBS and (is_mark(before) or before.text == ","))
