"""Who a person is, as one mention's surroundings say it: the role, what the person speaks for
(affiliation) and any gendered noun, from the words around a name in the parse.

Four places describe a name, all read from the article's own words:
- premodifiers: `Kremlin spokesman Dmitry Peskov`, `Republican presidential nominee Donald Trump`,
  `Sen. Ted Cruz` (role_titles.tsv), `Hillary Clinton's campaign manager Robby Mook`;
- a party-state tag right after the name: `Ted Cruz (R-Texas)`, `Pat McCrory (R)` (party_tags.tsv);
- an apposition after it: `Dmitry Peskov, the Kremlin's spokesman,`, `Alan Cole, an economist at
  the Tax Foundation`, `Charles E. Grassley, Republican of Iowa`;
- an apposition before it: `Apple's chief executive, Tim Cook,`, `An attorney for Pagliano, Mark MacDougall,`.
A role is headed by a role noun (role_nouns.txt) or a title (role_titles.tsv), with the modifiers
before it (lower-case words, or role_modifiers.txt); the first role of a premodifier run wins
(`Republican vice-presidential nominee Gov. Mike Pence` is a vice-presidential nominee). The
affiliation is, first, the party of a tag; then the object of `for`/`of`/`at`/`to` after the role
(an entity's name when it holds one); then a possessive or capitalised premodifier (`the Kremlin's`,
`White House press secretary`). Party and nationality words name their body (affiliation_words.tsv:
`Republican` -> Republican Party, `French` -> France).

How a run of words reads as a role and affiliation is role_phrases.py's; appositions are
appositions.py's; this module finds the words around a name and puts the parts together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from spacy.tokens import Doc, Span, Token

from transforms.lexicon import mapping
from transforms.nlp import doc_text
from transforms.people.appositions import apposition_after, apposition_before
from transforms.people.role_phrases import (
    AFFILIATION_WORDS,
    BOUNDARY,
    HONORIFICS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    ROLE_TITLES,
    Description,
    EntityIndex,
    analyse,
    entity_named,
    is_role_head,
    key,
    role_word,
)

__all__ = [  # what other modules read from here
    "AFFILIATION_WORDS", "ROLE_NOUNS", "ROLE_TITLES", "Description", "EntityIndex", "describe", "is_role_head",
]

PARTY_TAGS = mapping("party_tags.tsv")
# `(R-Texas)`, `(D-N.Y.)`, `(R)`, `(R-IN)`, `(D, Mass.)`: a party letter, maybe a state.
_PARTY_TAG = re.compile(r"\s*\(([A-Z])(?:[-–,]\s?[A-Z][A-Za-z. ]{0,14})?\)")


class _Without(Mapping):
    """An entity index read without one entity's entries, in the index's order. A view, not a copy:
    describing each mention would otherwise copy the article's whole index (quadratic)."""

    def __init__(self, index: EntityIndex, entity_id: str) -> None:
        self._index, self._id = index, entity_id

    def __getitem__(self, i: int) -> tuple[str, str, str, Span]:
        entry = self._index[i]
        if entry[2] == self._id:
            raise KeyError(i)
        return entry

    def __iter__(self) -> Iterator[int]:
        return (i for i, e in self._index.items() if e[2] != self._id)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def describe(doc: Doc, span: Span, entity_of: EntityIndex, self_id: str | None = None) -> Description:
    """The description of the name at `span` (a PERSON mention, or a common noun phrase naming an
    unnamed speaker) from its premodifiers, party tag and appositions (see the module doc). The
    entity `self_id` (the person described) is never its own affiliation."""
    entity_of = _Without(entity_of, self_id) if self_id else entity_of
    pre = _premodifiers(doc, span, entity_of)
    if not pre:
        pre = _conjunct_title(doc, span, entity_of)
    parts = [analyse(pre, entity_of, doc)] if pre else []
    if span.root.pos_ != "PROPN":  # `a senior administration official`: the phrase describes itself
        parts.append(analyse(list(span), entity_of, doc))
    end = span.end_char
    tag = _PARTY_TAG.match(doc_text(doc), end)
    party = PARTY_TAGS.get(tag.group(1)) if tag else None
    if tag:
        after = doc.char_span(tag.end(), tag.end(), alignment_mode="expand")
        end_token = after.start if after is not None else span.end
    else:
        end_token = span.end
    parts.append(apposition_after(doc, end_token, entity_of, span))
    parts.append(apposition_before(doc, span, entity_of))
    role = next((p.role for p in parts if p.role), None)
    words = tuple(w for p in parts for w in p.words)
    if party:
        return Description(role, party, entity_named(entity_of, party), words)
    with_aff = next((p for p in parts if p.affiliation), None)
    if with_aff is None:
        return Description(role, None, None, words)
    return Description(role, with_aff.affiliation, with_aff.affiliation_entity_id, words)


def _conjunct_title(doc: Doc, span: Span, entity_of: EntityIndex) -> list[Token]:
    """`Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)`, `Senators Charles E. Grassley, Republican
    of Iowa, and Patrick J. Leahy`: a name in a list shares the plural title before the list's first name."""
    i = span.start - 1
    if i < 1 or doc[i].lower_ not in ("and", ","):
        return []
    j = i - 1
    if doc[j].text == ")":  # the previous name's party tag
        while j > 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    elif doc[j].text == "," and (j not in entity_of or entity_of[j][1] != "PERSON"):
        # the previous name's apposition: `Sens. Charles E. Grassley, Republican of Iowa, and ...`
        k = j - 1
        while k > j - 8 and k > 0 and doc[k].text not in (",", ".") and entity_of.get(k, ("", ""))[1] != "PERSON":
            k -= 1
        if k > 0 and doc[k].text == "," and k - 1 in entity_of and entity_of[k - 1][1] == "PERSON":
            j = k - 1
    if j < 0 or j not in entity_of or entity_of[j][1] != "PERSON":
        return []
    first = entity_of[j][3]
    while first.start > 0 and doc[first.start - 1].i in entity_of and entity_of[doc[first.start - 1].i][1] == "PERSON":
        first = entity_of[first.start - 1][3]
    pre = _premodifiers(doc, first, entity_of)
    plural = [t for t in pre if is_role_head(t) and key(t) != role_word(t)]
    if plural:
        return pre
    return _conjunct_title(doc, first, entity_of) if first.start < span.start else []



def _premodifiers(doc: Doc, span: Span, entity_of: EntityIndex) -> list[Token]:
    """The run of words right before the name that may describe it: titles, role nouns, modifiers,
    names of organisations and places, possessives; not across a determiner, verb or punctuation
    (but across `of`/`the` inside `Secretary of State`, `Speaker of the House`)."""
    out: list[Token] = []
    i = span.start - 1
    while i >= 0 and len(out) < 10:
        t = doc[i]
        if ("\n" in t.text or t.text in BOUNDARY or t.is_quote) and t.tag_ != "POS":  # `Fox News' Megyn Kelly`
            break
        inside_role = t.lower_ in ("of", "the") and i > 0 and (is_role_head(doc[i - 1]) or doc[i - 1].lower_ == "of")
        # `Sens.`, `Lt. Gen.`: the full stop of a title, not a sentence's end
        abbreviation = t.text == "." and i > 0 and (key(doc[i - 1]) in ROLE_TITLES or key(doc[i - 1]) in HONORIFICS)
        if t.text == "." and not abbreviation:
            break
        if t.tag_ == "POS" or abbreviation or (out and inside_role):
            out.insert(0, t)
        elif t.pos_ in ("DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT", "ADV", "PART", "INTJ"):
            if not (t.pos_ == "VERB" and (key(t) in ROLE_MODIFIERS or t.is_title and i in entity_of)):
                break
            out.insert(0, t)
        else:
            out.insert(0, t)
        i -= 1
    while out and (out[0].lower_ in ("of", "the") or out[0].tag_ == "POS"):
        out.pop(0)
    return [t for t in out if t.text != "."]
