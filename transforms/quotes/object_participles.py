"""A participle right after a content's noun phrase that the parse hangs on the reporting verb.

`decried a rash of angry speech bubbling to the surface`, `warned against the forces of hate once
again brewing in the port`, `recalled his years serving on the board`: a participle phrase (or its
adverbs) straight after the object, with no comma, no subject and no subordinator of its own, is a
reduced relative clause describing the object (`speech that is bubbling ...`), though the parser
often makes it an adverbial of the verb. A reader quoting what was decried takes it in, and so do
PolNeAR's annotators. After a comma it is the source's own act or the writer's aside (`criticized the
plan, pointing to its cost`, `..., fundraising for three candidates`) and stays out; so does a
reporting participle (reported.py reads it as a statement of its own).
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.cues import is_reporting

_PARTICIPLES = frozenset({"VBG", "VBN"})
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "mark"})


def with_participle(verb: Token, end: Token) -> Token:
    """The last token of an object content ending at `end` with the participle phrase of the reporting
    verb `verb` that starts right after it (no punctuation between), or `end` when there is none."""
    if end.is_punct:
        return end
    for c in verb.children:
        if c.dep_ != "advcl" or c.left_edge.i != end.i + 1 or c.tag_ not in _PARTICIPLES:
            continue
        if any(d.dep_ in _OWN_CLAUSE for d in c.children) or is_reporting(c):
            continue
        return c.right_edge
    return end
