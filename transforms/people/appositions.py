"""Appositions that describe a name: after it (`Dmitry Peskov, the Kremlin's spokesman,`, `Charles
E. Grassley, Republican of Iowa`) and before it (`Apple's chief executive, Tim Cook,`).

An apposition agrees in number with what it describes: one name takes a singular role, a list of
names (`two Vermont developers, Ann Quill and Roy Stamm,`) a plural one, which each name of the
list takes in the singular (developer). So `... clawed back from responsible executives, Jane Roe
said` gives Jane Roe no role, nor does a phrase opening with a preposition (`Roy Stamm, with
defrauding investors`): it is no apposition.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from transforms.people.role_phrases import (
    AFFILIATION_PREPS,
    AFFILIATION_WORDS,
    BOUNDARY,
    Description,
    EntityIndex,
    analyse,
    entity_named,
    is_role_head,
)

# Words that end a description: the clause goes on (`who runs`, `said`).
_CLAUSE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "and", "or", "but"})
# A relative clause that gives a role: `X, who served as ambassador`, `X, who is the director of`.
_RELATIVE_ROLE = (("who", "served", "as"), ("who", "serves", "as"), ("who", "is"), ("who", "was"),
                  ("who", "became"))


def apposition_after(doc: Doc, i: int, entity_of: EntityIndex, span: Span | None = None) -> Description:
    """`Dmitry Peskov, the Kremlin's spokesman,`; `Charles E. Grassley, Republican of Iowa`: the
    words after token i (the end of the name at `span`, or of its party tag), or after the list of
    names the name is in (`Ann Quill and Roy Stamm, two Vermont developers,`: each name's)."""
    bounds = _listed(doc, span, entity_of) if span is not None else None
    listed = span is not None and bounds != (span.start, span.end)
    if listed and bounds is not None and bounds[1] > i:
        i = bounds[1]
    if i >= len(doc) or doc[i].text != ",":
        return Description()
    i += 1
    if i < len(doc) and doc[i].pos_ == "ADP":  # `Roy Stamm, with defrauding investors`
        return Description()
    words = [t.lower_ for t in doc[i : i + 3]]
    for lead in _RELATIVE_ROLE:  # `Derek Mitchell, who served as U.S. ambassador to Burma,`
        if words[: len(lead)] == list(lead):
            i += len(lead)
            break
    phrase = _phrase(doc, i, 1)
    return _apposition(phrase, entity_of, doc, plural=listed)


def apposition_before(doc: Doc, span: Span, entity_of: EntityIndex) -> Description:
    """`Apple's chief executive, Tim Cook, called`: a role phrase, a comma, then the name (or a list
    of names with it), followed by a comma or a verb."""
    first, last = _listed(doc, span, entity_of)
    i = first - 1
    if i < 1 or doc[i].text != "," or last >= len(doc):
        return Description()
    nxt = doc[last]
    if not (nxt.text == "," or nxt.pos_ in ("VERB", "AUX")):
        return Description()
    phrase = _phrase(doc, i - 1, -1)
    return _apposition(phrase, entity_of, doc, plural=(first, last) != (span.start, span.end))


def _listed(doc: Doc, span: Span, entity_of: EntityIndex) -> tuple[int, int]:
    """The first token and the end of the list of PERSON names (`A, B and C`) the name at `span`
    is in; the name's own bounds when it stands alone (also in `An attorney for A, B,`: no `and`)."""
    first, last = span.start, span.end
    while first >= 2 and doc[first - 1].lower_ in (",", "and") and _person(entity_of, first - 2):
        first = entity_of[first - 2][3].start
    while last + 1 < len(doc) and doc[last].lower_ in (",", "and") and _person(entity_of, last + 1):
        last = entity_of[last + 1][3].end
    if not any(t.lower_ == "and" for t in doc[first:last]):
        return span.start, span.end
    return first, last


def _person(entity_of: EntityIndex, i: int) -> bool:
    return i in entity_of and entity_of[i][1] == "PERSON"


def _phrase(doc: Doc, i: int, step: int) -> list[Token]:
    """The words from token i onwards (step 1) or backwards (step -1) up to a boundary: punctuation,
    a verb, a relative pronoun or conjunction, a line break; at most 12 words."""
    out: list[Token] = []
    while 0 <= i < len(doc) and len(out) < 12:
        t = doc[i]
        if "\n" in t.text or t.text in BOUNDARY or t.is_quote or (t.text == "." and t.is_sent_end):
            break
        if t.lower_ in _CLAUSE_WORDS or (t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG")):
            break
        out.append(t)
        i += step
    return out if step > 0 else out[::-1]


def _apposition(phrase: list[Token], entity_of: EntityIndex, doc: Doc, plural: bool = False) -> Description:
    """An apposition's words as a description, when they describe (a role noun or a party word
    heads them) and agree in number with the names (`plural`: a list): a determiner first is dropped."""
    while phrase and (phrase[0].pos_ == "DET" or phrase[0].tag_ == "PRP$"):
        phrase = phrase[1:]
    if not phrase:
        return Description()
    head = next((t for t in phrase if is_role_head(t)), None)
    if head is not None:
        if (head.tag_ == "NNS") != plural:  # `responsible executives, Jane Roe said`
            return Description()
        # a possessive before the role: `the Kremlin's spokesman`
        return analyse(phrase, entity_of, doc)
    first = phrase[0]
    nouns = [t for t in phrase if t.pos_ in ("PROPN", "NOUN") and t.lower_ not in AFFILIATION_PREPS]
    party = next((AFFILIATION_WORDS[t.lower_] for t in nouns if t.lower_ in AFFILIATION_WORDS and
                  t.lower_ in ("republican", "democrat", "libertarian")), None)
    if party and (first.lower_ in AFFILIATION_WORDS or len(phrase) <= 5):
        return Description(None, party, entity_named(entity_of, party), tuple(t.lower_ for t in phrase))
    return Description()
