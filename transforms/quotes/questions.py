"""Questions put to the addressee: `Do you think the plan will work?`, `Would you vote for Tabb?`.

A reporting verb whose subject is the `you` of a question asks for the addressee's view; it reports
no one's statement, so it gives no row (the asker's words, when quoted, keep their own quotation
row). A question about a third party (`Did Tabb say the plan would work?`) is left alone: it still
names who holds the content, and PolNeAR's annotators mostly mark it.

An open question in a `whether` clause (`asked whether Tabb would support the plan`, `it is unclear
whether the council will accept the offer`, `the debate over whether the city should accept ...`)
puts the verb's act in doubt: nobody is reported as supporting or accepting anything, so a cue there
gives no row either (the question's own cue, `asked`, keeps its row: indirect_questions.py). On the
polnear-dev annotations such rows were an annotated attribution with the right source 6 times in 26.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.discourse_idioms import in_discourse_idiom

_CLOSERS = "\"'”’»)]} \n"


def asks_the_addressee(verb: Token) -> bool:
    """True when the verb's subject is `you` and its sentence is a question (ends with `?`, closing
    quotation marks and brackets aside)."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children):
        return False
    return verb.sent.text.rstrip(_CLOSERS).endswith("?")


def in_open_question(verb: Token) -> bool:
    """True when the verb, or the verb it completes (`whether he would support`), heads a clause that
    `whether` opens."""
    return any(_opens_with_whether(v) for v in (verb, verb.head))


def _opens_with_whether(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children)


def states_nothing(verb: Token) -> bool:
    """True for a cue that reports no statement: a question to the addressee, an open question, or a
    discourse idiom of the writer's (`That said,`: discourse_idioms.py)."""
    return asks_the_addressee(verb) or in_open_question(verb) or in_discourse_idiom(verb)
