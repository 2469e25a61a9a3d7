"""Passive participle clauses, whose understood subject receives the act instead of doing it.

`Asked about the plan, Tabb said it was dead`: the participle `Asked` has no subject of its own, and
the subject it shares with the main verb (Tabb) is the one who was asked, not the one who asked. The
question's source is not in the text (PolNeAR's annotators leave it without a source), so the
statement of such a participle has no speaker, as an impersonal passive (`It was reported that ...`)
has none. The parser often tags such a participle as a past tense (VBD); a past tense verb with
neither subject nor auxiliary in an adverbial clause can only be a participle.

Likewise the infinitive of a requesting verb in the passive (`Tabb was asked to comment on the plan`,
requesting_verbs.txt): what was asked of the subject is not yet the subject's statement.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.lexicon import word_list

REQUESTING_VERBS = word_list("requesting_verbs.txt")

# Dependents that give the verb a subject or a tense of its own, or name its doer (`by X`).
_OWN_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "agent", "aux", "auxpass"})


def is_passive_participle_clause(verb: Token) -> bool:
    """True for a verb read as an adverbial clause (`advcl`), tagged as a past participle or a past
    tense, without a subject, an auxiliary or an agent of its own: `Asked about the plan, ...`,
    `When pressed on the vote, ...`. Its subject is who received the act, never the source."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in _OWN_SUBJECT for c in verb.children)
    )


def is_requested_act(verb: Token) -> bool:
    """True for an infinitive (`xcomp`) of a requesting verb in the passive without an agent: `Tabb
    was asked to comment on the plan` (comment), `voters were urged to reject it` (reject)."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in REQUESTING_VERBS
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
        and not any(c.dep_ == "agent" for c in head.children)
    )
