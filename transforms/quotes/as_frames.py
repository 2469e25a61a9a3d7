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
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Marks that close the frame before its content.
_FRAME_MARKS = frozenset({",", "—", "–", "--"})


def fronted_as_content(verb: Token) -> tuple[Token, Token] | None:
    """(first, last) token of the main clause after a frame `As SOURCE VERB, ...`, or None."""
    doc = verb.doc
    head = verb.head
    if head.dep_ in _SUBJECTS and head.i < verb.i < head.head.i:
        # `The harbour, as Tabb noted, needs repairs`: the parse hangs the frame on the subject; the
        # statement is the clause around it, one span with the frame's words (as reported.py does
        # for `The economy, he said, is in trouble`)
        clause = head.head
        if _is_frame(verb) and clause.pos_ in ("VERB", "AUX") and doc[verb.left_edge.i - 1].text in _FRAME_MARKS:
            return clause.left_edge, clause.right_edge
        return None
    if head.i <= verb.i or head.pos_ not in ("VERB", "AUX") or not _is_frame(verb):
        return None
    mark = verb.right_edge.i  # the parse may hang the closing comma on the frame's verb or on the head
    if doc[mark].text not in _FRAME_MARKS:
        mark += 1
    if mark >= head.i or doc[mark].text not in _FRAME_MARKS:
        return None
    return doc[mark + 1], head.right_edge


def _is_frame(verb: Token) -> bool:
    """Whether an adverbial clause is `as SOURCE VERB` with a subject and no content of its own."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in _OWN_CONTENT for c in verb.children)
        and any(c.dep_ in _SUBJECTS for c in verb.children)
    )
