"""Who holds the statement an attribution noun names when the noun has no owner of its own.

`Cruz entered the debate with an argument that 2016 is a two-man race`, `Democrats persisted in
arguments that the panel overreached`, `He stayed in the race in hopes that the others would fail`,
`Rivals cling to the hope that ...`, `The Democrats have a decent argument that ...`: the noun has no
possessor and no `by` phrase, but the subject of the verb it completes carries it (as PolNeAR's
annotators take it). Two ways in: the noun as the object of a preposition of that verb
(holder_prepositions.txt: with, in, to, under) or as the object of a holding verb
(holding_verbs.txt: have, hold). A preposition of cause or concession (`despite complaints that`,
`amid concerns that`) and a verb that takes up another's statement (`investigated complaints that`)
give no holder. reported_nouns._issuer asks this module after its own rules (issuing verbs,
`said in a statement that`).
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.lexicon import word_list

HOLDER_PREPOSITIONS = word_list("holder_prepositions.txt")
HOLDING_VERBS = word_list("holding_verbs.txt")
_VERB_TAGS = frozenset({"VERB", "AUX"})


def holder_verb(noun: Token) -> Token | None:
    """The verb whose subject holds the noun's statement, by the module's rules; None otherwise."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in HOLDER_PREPOSITIONS:
        verb = head.head
        if verb.pos_ == "ADV" and verb.dep_ == "advmod":  # `veered close to an admission that`
            verb = verb.head
        return verb if verb.pos_ in _VERB_TAGS else None
    if noun.dep_ == "dobj" and head.pos_ in _VERB_TAGS and head.lemma_.lower() in HOLDING_VERBS:
        return head
    return None
