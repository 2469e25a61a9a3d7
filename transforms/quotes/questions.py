"""Questions put to the addressee: `Do you think the plan will work?`, `Would you vote for Tabb?`.

A reporting verb whose subject is the `you` of a question asks for the addressee's view; it reports
no one's statement, so it gives no row (the asker's words, when quoted, keep their own quotation
row). A question about a third party (`Did Tabb say the plan would work?`) is left alone: it still
names who holds the content, and PolNeAR's annotators mostly mark it.
"""

from __future__ import annotations

from spacy.tokens import Token

_CLOSERS = "\"'”’»)]} \n"


def asks_the_addressee(verb: Token) -> bool:
    """True when the verb's subject is `you` and its sentence is a question (ends with `?`, closing
    quotation marks and brackets aside)."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children):
        return False
    return verb.sent.text.rstrip(_CLOSERS).endswith("?")
