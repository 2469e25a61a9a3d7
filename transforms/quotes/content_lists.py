"""A content's later members that the parse hangs on the reporting verb instead of on the content.

`pledged to enact reform, fix the system and end the war`: the parser often makes `fix` (and with
it `end the war`) a conjunct of `pledged` rather than of `enact`. A bare verb cannot be coordinated
with a verb in the past or present tense as a second act of its subject (`pledged ... and fixed`
would be); in that form it shares the infinitive's `to` (or the modal of a clause: `said the firms
must pay more and stop hiding profits`), so it is the content's next member. Likewise a gerund
after a gerund content (`supports eliminating caucuses, limiting the number of delegates and
binding ...`) is the list going on, and a verb with a modal of its own after a clause content of a
reporting verb in the past (`said the workers had doubts, but could not bear to oppose the union`):
the modal is the content's tense shifted back (the source's own next act would be in the past:
`said A and refused to comment`). The reporting verb itself may not take a bare verb: with a modal
or `to` of its own (`would sit Putin down and tell him`) the conjunct is its second predicate
(content_breaks.shares_auxiliary). The annotators of PolNeAR take such lists whole.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.content_breaks import has_subject, shares_auxiliary
from transforms.quotes.cues import is_reporting

# Tags of a reporting verb that a bare verb cannot be coordinated with as its own second act.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Relations the parser gives such a member: a conjunct, an unlabelled dependent (`, then hand over`),
# a second infinitive without its `to`, an adverbial (a gerund).
_MEMBERS = frozenset({"conj", "dep", "xcomp", "advcl"})


def with_list_members(verb: Token, content: Token, end: Token) -> Token:
    """The last token of the content headed by `content` (a complement of the reporting verb `verb`,
    ending at `end`) with the members of its list the parse hangs on `verb` right after it: a bare
    verb without a subject after a content of a bare verb (an infinitive or a clause with a modal),
    or a gerund after a gerund content, each with what follows it. `end` when there are none."""
    doc = verb.doc
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i <= end.i or c.dep_ not in _MEMBERS or has_subject(c) or is_reporting(c):
            continue
        between = doc[end.i + 1 : c.left_edge.i]
        if len(between) > 3 or not all(t.is_punct or t.pos_ in ("CCONJ", "ADV") for t in between):
            return end
        if any("\n" in t.text for t in between):
            return end
        if _same_member(verb, content, c):
            end = c.right_edge
        else:
            return end
    return end


def _same_member(verb: Token, content: Token, c: Token) -> bool:
    if c.tag_ == "VB" and c.dep_ == "conj" and verb.tag_ == "VBD" and content.dep_ == "ccomp" \
            and any(a.tag_ == "MD" for a in c.children if a.i < c.i):
        return True
    if c.tag_ == "VB" and c.dep_ != "advcl":
        return verb.tag_ in _FINITE and not shares_auxiliary(c) and _bare(content) \
            and not any(a.dep_ in ("aux", "auxpass") for a in c.children if a.i < c.i)
    if c.tag_ == "VBG":
        return content.tag_ == "VBG" and verb.tag_ != "VBG"
    return False


def _bare(content: Token) -> bool:
    """A verb in the bare form, after `to` or a modal: `to enact`, `must pay`."""
    return content.tag_ == "VB" and any(
        a.dep_ == "aux" and (a.lower_ == "to" or a.tag_ == "MD") for a in content.children if a.i < content.i)
