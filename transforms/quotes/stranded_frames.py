"""A closing reporting frame whose content the parse left unattached.

`Those who borrow heavily struggle, even with a good job, he said.`: spaCy often fails to make the
words before `, he said` the verb's clausal complement (it hangs their pieces on the verb as `dep`,
`prep` or `advmod`, or makes them a separate fragment), so the frame has no clause to report. A reader
still takes everything from the sentence's start to the comma before the frame as what the source
said, as with a parsed inverted frame (`The deal is off, he said`).

The frame is the verb, its subject right after a comma (or dash), and at most circumstantial words
after the verb (`he said Tuesday`, `she said in an interview`) up to the sentence's end. A verb
with a clause, an infinitive or an object of its own is not stranded. Read from the parse the
pipeline already has; constant work per verb plus the content's length.
"""

from __future__ import annotations

from spacy.tokens import Token

# Dependents that make a verb's own complement: such a verb reports that, not what comes before it.
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "oprd", "attr", "acomp", "dative"})
# Dependents after the verb that only place the frame in time or circumstance (`he said Tuesday`).
_CIRCUMSTANCES = frozenset({"npadvmod", "advmod", "prep", "punct"})
# Marks that set a closing frame off from its content.
_FRAME_MARKS = frozenset({",", "—", "–", "--"})
# Fewer words than this before the frame are an answer or an aside (`Sorry, he said`), rarely content.
_MIN_WORDS = 3
# Tags of a sentence's first word that open a subordinate clause or a participle (`If ...`, `As ...`,
# `Asked whether ...`): the words before the frame are then not a statement of their own.
_SUBORDINATE_OPENINGS = frozenset({"IN", "WRB", "VBN", "VBG", "TO"})
# Tags of a finite verb: the words before the frame must hold one to be a statement.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def stranded_content(verb: Token) -> tuple[Token, Token] | None:
    """(first, last) token of the content before a closing frame `..., SUBJECT VERB.` whose verb
    is the sentence's root and has no complement of its own, or None."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or any(c.dep_ in _COMPLEMENTS for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None:
        return None
    sent = verb.sent
    mark = subject.left_edge.i - 1
    if mark <= sent.start or doc[mark].text not in _FRAME_MARKS:
        return None
    # only the subject (with its modifiers) and auxiliaries stand between the mark and the verb
    if any(not (subject.left_edge.i <= t.i <= subject.right_edge.i) and t.dep_ not in ("aux", "neg", "advmod")
           for t in doc[mark + 1 : verb.i]):
        return None
    for c in verb.children:
        if c.i > verb.i and c.dep_ not in _CIRCUMSTANCES:
            return None
    if any(not t.is_punct for t in doc[verb.right_edge.i + 1 : sent.end]) or doc[sent.end - 1].text == ":":
        return None  # `In a speech, he said:` opens what follows
    first, last = doc[sent.start], doc[mark - 1]
    words = doc[first.i : last.i + 1]
    opening = next((t for t in words if t.dep_ != "cc" and not t.is_punct), first)
    if opening.tag_ in _SUBORDINATE_OPENINGS:
        return None  # `If the two met, neither side said.`: a fronted clause, the content went unsaid
    # a clause: a phrase alone (`In a 1963 speech, he said ...`) frames what follows, it is not content
    if sum(t.is_alpha for t in words) < _MIN_WORDS or not any(t.tag_ in _FINITE for t in words):
        return None
    return first, last
