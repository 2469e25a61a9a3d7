"""The understood subject of a headline-style `Says ...`: the article's leading person.

Headlines, subheads and summary lines drop their subject: `'2nd Amendment people' his secret weapon,
Trump hints;` then `Says Clinton would stack Supreme Court against gun advocates.` The reporting
verb opens its sentence, capitalised, finite (`Says`, `Warns`, `Claims`) and with no subject in the
parse; the one who says is the person the headline is about. This rule applies only there: in the
headline, the standfirst, or the body's first paragraph (where scraped subheads land), and gives the
person named in the headline (the last one, the headline's speaker is most often named near its end:
`..., Trump hints`), else nobody: an article whose headline names no person gives no guess. A person
named inside the statement itself (a headline `Says Trump will lose`: Trump is what is said, not who
says it) is never its speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.quotes.context import FieldContext
from transforms.quotes.types import Attribution

_FINITE = frozenset({"VBZ", "VBD", "VBP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def headline_speaker(ctx: FieldContext, verb: Token) -> Attribution | None:
    """The headline's person for a subjectless, capitalised, finite reporting verb that opens its
    sentence in a headline, standfirst or the body's first paragraph; None otherwise."""
    first = next((t for t in verb.sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.i != verb.i or not verb.text[:1].isupper() or verb.tag_ not in _FINITE:
        return None
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    if ctx.field == "body" and ctx.paragraph(verb.idx) > 0:
        return None
    if ctx.field not in ("headline", "standfirst", "body"):
        return None
    # the verb's own words (its subtree) are what is said: a person named there is not the one saying it
    own = (verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)) if ctx.field == "headline" else (0, 0)
    named = [(m.start, m.text, e) for e in ctx.entities if e.label == "PERSON" for m in e.mentions
             if m.field == "headline" and not (own[0] <= m.start < own[1])]
    if not named:
        return None
    _, words, person = max(named, key=lambda x: x[0])  # the mention's words: the headline names the speaker
    return Attribution(mention=words, speaker=person.name, entity=person, cue=verb.lemma_.lower())
