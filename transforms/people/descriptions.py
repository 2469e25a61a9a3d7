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
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from transforms.lexicon import mapping, word_list
from transforms.nlp import doc_text

ROLE_NOUNS = word_list("role_nouns.txt")
ROLE_MODIFIERS = word_list("role_modifiers.txt")
ROLE_TITLES = mapping("role_titles.tsv")
PARTY_TAGS = mapping("party_tags.tsv")
AFFILIATION_WORDS = mapping("affiliation_words.tsv")
# Honorifics give a gender (gender_words.tsv) but no role.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam"})
# `(R-Texas)`, `(D-N.Y.)`, `(R)`, `(R-IN)`, `(D, Mass.)`: a party letter, maybe a state.
_PARTY_TAG = re.compile(r"\s*\(([A-Z])(?:[-–,]\s?[A-Z][A-Za-z. ]{0,14})?\)")
# Prepositions after a role whose object is what the person speaks for.
_AFFILIATION_PREPS = frozenset({"for", "of", "at", "to", "with"})
# Words that end a description: the clause goes on (`who runs`, `said`).
_CLAUSE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "and", "or", "but"})
# `Secretary of State`, `Chief of Staff`: offices named with `of` that are roles, not affiliations.
_OF_OFFICES = frozenset({"state", "defense", "staff", "homeland"})
# A relative clause that gives a role: `X, who served as ambassador`, `X, who is the director of`.
_RELATIVE_ROLE = (("who", "served", "as"), ("who", "serves", "as"), ("who", "is"), ("who", "was"),
                  ("who", "became"))
# spaCy entity types that are never what a person speaks for (`said Monday`).
_NOT_AFFILIATIONS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_BOUNDARY = frozenset({",", ";", ":", "(", ")", "—", "–", "\"", "“", "”", "‘", "’", "'", "?", "!"})


@dataclass(frozen=True)
class Description:
    """What one place in the text says of a person: role (lower case), affiliation (as written, or
    the body a party/nationality word names), the affiliation's entity id when it is an entity, and
    the role or apposition words (for gendered nouns)."""

    role: str | None = None
    affiliation: str | None = None
    affiliation_entity_id: str | None = None
    words: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.role or self.affiliation)


def _key(t: Token) -> str:
    return t.lower_.rstrip(".")


def is_role_head(t: Token) -> bool:
    """A role noun (`spokesman`) or role title (`Sen.`); plurals of role nouns too (`senators`)."""
    k = _key(t)
    return k in ROLE_NOUNS or k in ROLE_TITLES or (k.endswith("s") and k[:-1] in ROLE_NOUNS and t.pos_ != "PROPN")


def _role_word(t: Token) -> str:
    k = _key(t)
    if k in ROLE_TITLES:
        return ROLE_TITLES[k]
    if k not in ROLE_NOUNS and k.endswith("s") and k[:-1] in ROLE_NOUNS:
        return k[:-1]
    return t.lower_


def _is_modifier(t: Token) -> bool:
    """A word that belongs to the role before its head: lower-case adjectives and nouns, listed
    capitalised words, hyphens."""
    if _key(t) in ROLE_MODIFIERS or t.text in ("-",):
        return True
    return t.is_lower and t.pos_ in ("ADJ", "NOUN", "NUM", "VERB", "PROPN") and t.tag_ not in ("VBD", "VBZ", "VBP")


EntityIndex = Mapping[int, tuple[str, str, str, Span]]  # token index -> (name, label, entity_id, mention span)


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
    parts = [_analyse(pre, entity_of, doc)] if pre else []
    if span.root.pos_ != "PROPN":  # `a senior administration official`: the phrase describes itself
        parts.append(_analyse(list(span), entity_of, doc))
    end = span.end_char
    tag = _PARTY_TAG.match(doc_text(doc), end)
    party = PARTY_TAGS.get(tag.group(1)) if tag else None
    if tag:
        after = doc.char_span(tag.end(), tag.end(), alignment_mode="expand")
        end_token = after.start if after is not None else span.end
    else:
        end_token = span.end
    parts.append(_apposition_after(doc, end_token, entity_of))
    parts.append(_apposition_before(doc, span, entity_of))
    role = next((p.role for p in parts if p.role), None)
    words = tuple(w for p in parts for w in p.words)
    if party:
        return Description(role, party, _entity_named(entity_of, party), words)
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
    plural = [t for t in pre if is_role_head(t) and _key(t) != _role_word(t)]
    if plural:
        return pre
    return _conjunct_title(doc, first, entity_of) if first.start < span.start else []


def _entity_named(entity_of: EntityIndex, name: str) -> str | None:
    return next((eid for n, _, eid, _ in entity_of.values() if n == name), None)


def _premodifiers(doc: Doc, span: Span, entity_of: EntityIndex) -> list[Token]:
    """The run of words right before the name that may describe it: titles, role nouns, modifiers,
    names of organisations and places, possessives; not across a determiner, verb or punctuation
    (but across `of`/`the` inside `Secretary of State`, `Speaker of the House`)."""
    out: list[Token] = []
    i = span.start - 1
    while i >= 0 and len(out) < 10:
        t = doc[i]
        if ("\n" in t.text or t.text in _BOUNDARY or t.is_quote) and t.tag_ != "POS":  # `Fox News' Megyn Kelly`
            break
        inside_role = t.lower_ in ("of", "the") and i > 0 and (is_role_head(doc[i - 1]) or doc[i - 1].lower_ == "of")
        # `Sens.`, `Lt. Gen.`: the full stop of a title, not a sentence's end
        abbreviation = t.text == "." and i > 0 and (_key(doc[i - 1]) in ROLE_TITLES or _key(doc[i - 1]) in _HONORIFICS)
        if t.text == "." and not abbreviation:
            break
        if t.tag_ == "POS" or abbreviation or (out and inside_role):
            out.insert(0, t)
        elif t.pos_ in ("DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT", "ADV", "PART", "INTJ"):
            if not (t.pos_ == "VERB" and (_key(t) in ROLE_MODIFIERS or t.is_title and i in entity_of)):
                break
            out.insert(0, t)
        else:
            out.insert(0, t)
        i -= 1
    while out and (out[0].lower_ in ("of", "the") or out[0].tag_ == "POS"):
        out.pop(0)
    return [t for t in out if t.text != "."]


def _analyse(tokens: list[Token], entity_of: EntityIndex, doc: Doc) -> Description:
    """Role and affiliation in a run of description words (no verbs): the first role with its
    modifiers; the affiliation from the object of a preposition after it, or else from entities,
    capitalised words or a possessive before it."""
    heads = [k for k, t in enumerate(tokens) if is_role_head(t) and _key(t) not in _HONORIFICS]
    role = None
    aff_tokens: list[Token] = []
    first_head = len(tokens)
    if heads:
        h = heads[0]
        # a multi-word role: `press secretary`, `chief executive`, `secretary of state`
        while h + 1 < len(tokens) and is_role_head(tokens[h + 1]) and tokens[h + 1].is_title == tokens[h].is_title:
            h += 1
        if h + 2 < len(tokens) and tokens[h + 1].lower_ == "of":
            rest = [t.lower_ for t in tokens[h + 2 : h + 4]]
            if rest[:1] and rest[0] in _OF_OFFICES:
                h += 2
            elif rest == ["the", "house"]:  # `Speaker of the House`
                h += 3
        s = heads[0]
        while s > 0 and _is_modifier(tokens[s - 1]) and (s - 1) not in _entity_positions(tokens, entity_of):
            s -= 1
        first_head = s
        role = " ".join(_role_word(t) if t.i in [x.i for x in tokens[heads[0] : h + 1]] else t.lower_
                        for t in tokens[s : h + 1] if t.text != ".")
        # `Washington-based developer`: where the person is based is no part of the role
        role = re.sub(r"^-\S*\s*", "", re.sub(r"\s*-\s*", "-", role)).strip() or None
        after = tokens[h + 1 :]
        if after and after[0].lower_ in _AFFILIATION_PREPS:
            aff_tokens = [t for t in after[1:] if not (t.pos_ == "DET" and t is after[1])]
    if not aff_tokens:
        before = tokens[:first_head]
        aff_tokens = [t for t in before if t.tag_ != "POS" and not (
            t.i + 1 < len(doc) and doc[t.i + 1].text == "-")]  # not `Washington` of `Washington-based`
    if not heads and not aff_tokens:
        return Description()
    affiliation, eid = _affiliation(aff_tokens, entity_of, doc, capitalised=bool(heads))
    words = tuple(t.lower_ for t in tokens)
    return Description(role, affiliation, eid, words)


def _entity_positions(tokens: list[Token], entity_of: EntityIndex) -> set[int]:
    return {k for k, t in enumerate(tokens) if t.i in entity_of and entity_of[t.i][1] != "PERSON" or
            (t.i in entity_of and not t.is_lower)}


def _affiliation(
    tokens: list[Token], entity_of: EntityIndex, doc: Doc, capitalised: bool = True
) -> tuple[str | None, str | None]:
    """What the words name as an affiliation: an entity among them (the last one: `the Tax
    Foundation's policy center` -> Tax Foundation), a party or nationality word, else (with
    `capitalised`, i.e. before a role noun) the capitalised words (`Homeland Security`)."""
    tokens = [t for t in tokens if t.ent_type_ not in _NOT_AFFILIATIONS]
    if not tokens:
        return None, None
    ents = [entity_of[t.i] for t in tokens if t.i in entity_of]
    if ents:
        name, label, eid, _ = ents[0] if tokens[0].i in entity_of else ents[-1]
        if label == "NORP":
            body = AFFILIATION_WORDS.get(name.lower()) or AFFILIATION_WORDS.get(name.lower().rstrip("s"))
            return (body, None) if body else (name, eid)
        return name, eid
    for t in tokens:
        body = AFFILIATION_WORDS.get(t.lower_)
        if body and t.is_title:
            return body, None
    if not capitalised:
        return None, None
    caps = []
    for t in tokens:
        if t.pos_ in ("DET", "PRON"):
            continue
        if t.is_title or t.is_upper and len(t.text) > 1:
            if _key(t) in ROLE_MODIFIERS or _key(t) in _HONORIFICS or is_role_head(t):
                if caps:
                    break
                continue
            caps.append(t)
        elif caps and t.lower_ not in ("of", "&", "and", "-"):
            break
        elif caps:
            caps.append(t)
    while caps and not caps[-1].is_title:
        caps.pop()
    if caps:
        return doc[caps[0].i : caps[-1].i + 1].text, None
    return None, None


def _apposition_after(doc: Doc, i: int, entity_of: EntityIndex) -> Description:
    """`Dmitry Peskov, the Kremlin's spokesman,`; `Charles E. Grassley, Republican of Iowa`."""
    if i >= len(doc) or doc[i].text != ",":
        return Description()
    i += 1
    words = [t.lower_ for t in doc[i : i + 3]]
    for lead in _RELATIVE_ROLE:  # `Derek Mitchell, who served as U.S. ambassador to Burma,`
        if words[: len(lead)] == list(lead):
            i += len(lead)
            break
    phrase = _phrase(doc, i, 1)
    return _apposition(phrase, entity_of, doc)


def _apposition_before(doc: Doc, span: Span, entity_of: EntityIndex) -> Description:
    """`Apple's chief executive, Tim Cook, called`: a role phrase, a comma, then the name, followed
    by a comma or a verb (so that a list `..., Tim Cook and ...` is not read as one)."""
    i = span.start - 1
    if i < 1 or doc[i].text != "," or span.end >= len(doc):
        return Description()
    nxt = doc[span.end]
    if not (nxt.text == "," or nxt.pos_ in ("VERB", "AUX")):
        return Description()
    phrase = _phrase(doc, i - 1, -1)
    return _apposition(phrase, entity_of, doc)


def _phrase(doc: Doc, i: int, step: int) -> list[Token]:
    """The words from token i onwards (step 1) or backwards (step -1) up to a boundary: punctuation,
    a verb, a relative pronoun or conjunction, a line break; at most 12 words."""
    out: list[Token] = []
    while 0 <= i < len(doc) and len(out) < 12:
        t = doc[i]
        if "\n" in t.text or t.text in _BOUNDARY or t.is_quote or (t.text == "." and t.is_sent_end):
            break
        if t.lower_ in _CLAUSE_WORDS or (t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG")):
            break
        out.append(t)
        i += step
    return out if step > 0 else out[::-1]


def _apposition(phrase: list[Token], entity_of: EntityIndex, doc: Doc) -> Description:
    """An apposition's words as a description, when they describe (a role noun or a party word
    heads them): a determiner first is dropped."""
    while phrase and (phrase[0].pos_ == "DET" or phrase[0].tag_ == "PRP$"):
        phrase = phrase[1:]
    if not phrase:
        return Description()
    if any(is_role_head(t) for t in phrase):
        # a possessive before the role: `the Kremlin's spokesman`
        return _analyse(phrase, entity_of, doc)
    first = phrase[0]
    nouns = [t for t in phrase if t.pos_ in ("PROPN", "NOUN") and t.lower_ not in _AFFILIATION_PREPS]
    party = next((AFFILIATION_WORDS[t.lower_] for t in nouns if t.lower_ in AFFILIATION_WORDS and
                  t.lower_ in ("republican", "democrat", "libertarian")), None)
    if party and (first.lower_ in AFFILIATION_WORDS or len(phrase) <= 5):
        return Description(None, party, _entity_named(entity_of, party), tuple(t.lower_ for t in phrase))
    return Description()
