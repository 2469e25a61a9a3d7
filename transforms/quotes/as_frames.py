"""A reporting frame that `as` opens before its content: `As Owen Tabb noted, the harbour needs
repairs`, `As the audit shows, the board met twice`.

The parser hangs such a frame on the main clause's verb as an adverbial clause (`advcl`, with the
mark `as`), so the reporting verb has no complement of its own, yet a reader takes the main clause
as what the source said (the frame after its content, `..., as Tabb noted`, is read like any
inverted frame in reported.py). Only a verb with nothing to report of its own is such a frame: `As
he promised to build a wall, ...` reports the promise, and `As he spoke, ...` is a time.
"""

from __future__ import annotations

from spacy.tokens import Token

# A verb's own content: with one, `as` introduces what it reports, not a frame for the main clause.
_OWN_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "dative", "agent"})
# Marks that close the frame before its content.
_FRAME_MARKS = frozenset({",", "—", "–", "--"})


def fronted_as_content(verb: Token) -> tuple[Token, Token] | None:
    """(first, last) token of the main clause after a frame `As SOURCE VERB, ...`, or None."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "advcl" or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return None
    if any(c.dep_ in _OWN_CONTENT for c in verb.children):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    mark = verb.right_edge.i  # the parse may hang the closing comma on the frame's verb or on the head
    if doc[mark].text not in _FRAME_MARKS:
        mark += 1
    if mark >= head.i or doc[mark].text not in _FRAME_MARKS:
        return None
    return doc[mark + 1], head.right_edge
