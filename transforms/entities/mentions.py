"""Rules 1 and 2 of the entities transform: spaCy's entities as mentions, each trimmed to the name.

A mention is a spaCy entity of one of ENTITY_LABELS, split at brackets, cut at a paragraph break and
trimmed of leading articles, titles, possessives and punctuation, its offsets with it."""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from transforms.entities.gender import title_gender
from transforms.entities.model import ENTITY_LABELS, RawMention, paragraph_breaks, raw_mention
from transforms.entities.names import TITLE_WORDS
from transforms.lexicon import word_list

# Lower-case words that begin a name and stay in it (`de Blasio`, `van Gogh`, `al-Assad`).
NAME_PARTICLES = word_list("name_particles.txt")
_OFFICE_BEFORE = re.compile(r"\bsecretary\s+of\s+$", re.IGNORECASE)
# Tokens after which any word is capitalised: a capital there says nothing about a name.
_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "''", "``", ":", "(", "[", "-", "–", "—"})
_POSSESSIVE = re.compile(r"['’]s?$")
_QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})


def spacy_mentions(docs: Mapping[str, Doc], texts: dict[str, str], image_credit: str | None) -> list[RawMention]:
    """Rules 1 and 2: the trimmed spaCy entities of each field, in reading order, with the tags,
    position and gender hint the later rules need. A mention spelled like the image credit is dropped."""
    credit = (image_credit or "").strip().casefold()
    raws: list[RawMention] = []
    for fld, doc in docs.items():
        breaks = paragraph_breaks(texts[fld])
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            for part in _split_at_brackets(ent):
                span = _trim_to_name(part, ent.label_)
                if span is None or (credit and span.text.casefold() == credit):
                    continue
                if _is_office(texts[fld], span.start_char, ent.label_):
                    continue
                label = ent.label_
                if label in ("GPE", "LOC") and all(t.tag_ == "JJ" for t in span):
                    label = "NORP"  # `Ukrainian` supplies: an adjective of a place names its people
                raws.append(raw_mention(fld, span.start_char, span.end_char, span.text, label, breaks))
                raws[-1].tags = (span[0].tag_, span[-1].tag_)
                raws[-1].capitalised = fld == "headline" or _capitalised(span[0])
                raws[-1].gender = title_gender(doc[max(0, span.start - 6) : span.start])
    raws.sort(key=lambda r: r.order)
    return raws


def _split_at_brackets(ent: Span) -> list[Span]:
    """An entity span split at brackets: spaCy tags `the World Health Organization (WHO` as one."""
    parts, start = [], ent.start
    for t in ent:
        if t.text in ("(", ")", "[", "]"):
            parts.append(ent.doc[start : t.i])
            start = t.i + 1
    parts.append(ent.doc[start : ent.end])
    return [p for p in parts if len(p)]


def _trim_to_name(ent: Span, label: str) -> Span | None:
    """Rule 2: the name inside a spaCy entity span, or None when nothing name-like is left."""
    doc, i, j = ent.doc, ent.start, ent.end
    for t in ent:  # a name never runs over a line or paragraph break
        if "\n" in t.text or t.is_space:
            j = t.i
            break
    marks = [t.i for t in doc[i:j] if t.text in _QUOTE_MARKS]
    if len(marks) == 1 and marks[0] > i:  # `Ana Ruiz “Nobody`: a name runs into the next quote;
        j = marks[0]  # a nickname in marks (`Dwayne "The Rock" Johnson`) pairs them and stays
    person = label == "PERSON"
    if person:  # `Donald Trump's America`: the person is the owner; `Ted Cruz 1`, `Trump - 60 percent`
        j = next((t.i for t in doc[i:j] if t.i > i and (t.tag_ == "POS" or t.like_num or _spaced_dash(t))), j)
    while i < j and (
        doc[i].is_punct
        or doc[i].tag_ in ("DT", "POS", "PRP$")
        or doc[i].lower_ == "the"
        or (doc[i].is_lower and doc[i].lower_ not in NAME_PARTICLES)
        or (person and j - i > 1 and doc[i].lower_.rstrip(".") in TITLE_WORDS)
    ):
        i += 1
    while j > i and (
        doc[j - 1].is_punct or doc[j - 1].tag_ == "POS" or _POSSESSIVE.fullmatch(doc[j - 1].text)
    ):
        j -= 1
    if i == j:
        return None
    span = doc[i:j]
    if not any(c.isupper() for c in span.text) or not any(c.isalpha() for c in span.text):
        return None
    return span


def _capitalised(t: Token) -> bool:
    """True when the token would be capitalised whatever it is: first in a sentence or a quote."""
    return t.i == 0 or bool(t.is_sent_start) or t.doc[t.i - 1].text in _MARKS


def _spaced_dash(t: Token) -> bool:
    """A dash between words (`Trump - and`), not inside a name (`Jong-un`)."""
    return t.text in ("-", "–", "—") and (bool(t.whitespace_) or t.i == 0 or bool(t.doc[t.i - 1].whitespace_))


def _is_office(text: str, start: int, label: str) -> bool:
    """`State` in `Secretary of State` names an office, not an organisation."""
    before = text[max(0, start - 20) : start]
    return label in ("ORG", "GPE") and bool(_OFFICE_BEFORE.search(before))
