"""Indirect questions after the one asked: `Tabb asked the council if the harbour would close`.

spaCy's small model hangs an `if` or `whether` clause after a questioning verb's object on the verb
as an adverbial clause (a condition), so the verb has no clausal complement; a reader takes the
question, with its `if`, as the content the asker put. Only the verbs of questioning_verbs.txt read
so: after other verbs `if` opens a condition (`said if elected she would ...`).
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.lexicon import word_list

QUESTIONING_VERBS = word_list("questioning_verbs.txt")
_QUESTION_MARKS = frozenset({"if", "whether"})


def asked_question(verb: Token) -> Token | None:
    """The verb of an indirect question that `if`/`whether` opens after a questioning verb (the
    content runs from its mark to its right edge), or None."""
    if verb.lemma_.lower() not in QUESTIONING_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.lower_ in _QUESTION_MARKS and c.left_edge.dep_ == "mark":
            return c
    return None
