"""Epithets as speakers: `the 22-year-old said`, `the defender added`, `the Frenchman`, `the prime
minister said` after `Prime Minister Jane Doe`.

Sports and politics copy names a person once and then attributes with a definite description. An
epithet is a speaker mention `the ...` whose last word is an age noun (age_nouns.tsv), `N-year-old`,
a role noun (role_nouns.txt) or a nationality's word (nationalities.tsv). It describes an age, role
words and a nationality. Each person of the article (a PERSON entity with a full name) is described
by the words the article introduces them with: the title or role words right before a mention
(`striker Theo Marchand`, `Prime Minister Jane Doe`, `French midfielder X`), an age after it
(`Marchand, 19,`), an apposition (`X, a 22-year-old defender,`).

The epithet resolves to the one person every one of whose described facts fits it (the age in the
range, all the role words among the person's, the same nationality). A past role (`the former Wales
captain`) is history the article need not have introduced: when nobody fits, such an epithet with a
cue that continues a statement (`added`: continuation_cues.txt) refers back to the person named last
before it (within two paragraphs), if nothing the article says about them contradicts it (another
age or nationality): newsroom variation for the person just quoted (`Manager Colin Hardwick said
...` then `"...," the former Wales captain added`). Otherwise the
speaker stays the description (`the company's spokeswoman` is nobody the article named), or the
person the parse found for it (`The judge, Mr Justice X, said`), unless several people fit it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from transforms.entities import Entity
from transforms.entities.names import TITLE_WORDS
from transforms.lexicon import mapping, table, word_list
from transforms.nlp import doc_text
from transforms.quotes.types import Quote

ROLE_NOUNS = word_list("role_nouns.txt")
NATIONALITIES = mapping("nationalities.tsv")
AGE_NOUNS = {k: (int(v[0]), int(v[1])) for k, v in table("age_nouns.tsv", 3).items()}
# Cues that continue the last speaker's words (`"...," the former Wales captain added`).
CONTINUATION_CUES = word_list("continuation_cues.txt")
_YEAR_OLD = re.compile(r"(\d{1,3})-year-old")
# Parts of speech that end the title phrase before a name (`and`, `the`, `said`, `with`).
_NOT_TITLE = frozenset({"DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ", "ADV", "NUM"})
_FORMER = frozenset({"former", "ex", "ex-", "one-time", "erstwhile"})
_AGE_AFTER = re.compile(r"\s*,\s*(\d{1,3})\s*[,.]")
_APPOSITION = re.compile(r"\s*,\s*(?:a|an|the)\s+([^,.;\n]{1,60})")


@dataclass
class Description:
    """What an epithet, or the article's introductions of a person, say about them."""

    ages: set[int] | tuple[int, int] | None = None
    roles: set[str] = field(default_factory=set)
    nationalities: set[str] = field(default_factory=set)
    former: bool = False


def parse_epithet(mention: str | None, headline: bool = False) -> Description | None:
    """The description an epithet mention gives (`the former Wales captain` -> role captain,
    nationality welsh, former), or None when the mention is no epithet. In a headline the article
    is dropped (`'...', says minister`, `'...': health chief on ...`)."""
    pattern = r"(?i)(?:the\s+)?(.+)$" if headline else r"(?i)the\s+(.+)$"
    m = re.match(pattern, (mention or "").strip())
    if not m:
        return None
    words = m.group(1).split()
    head = words[-1]
    low = head.lower()
    if not (low in AGE_NOUNS or _YEAR_OLD.fullmatch(low) or low in ROLE_NOUNS or head in NATIONALITIES):
        return None
    d = Description()
    for w in words:
        lw = w.lower().rstrip(",")
        if lw in _FORMER or lw.startswith("ex-"):
            d.former = True
            lw = lw.removeprefix("ex-")
        if w in NATIONALITIES:
            d.nationalities.add(NATIONALITIES[w])
        elif lw in AGE_NOUNS:
            d.ages = AGE_NOUNS[lw]
        elif age := _YEAR_OLD.fullmatch(lw):
            d.ages = (int(age.group(1)), int(age.group(1)))
        elif w.islower() and lw not in _FORMER:
            d.roles.add(lw)
    return d


def describe_people(docs: Mapping[str, Doc], entities: Sequence[Entity]) -> dict[str, Description]:
    """entity_id -> what the article says about each person with a full name (see the module doc)."""
    people: dict[str, Description] = {}
    for ent in entities:
        if ent.label != "PERSON" or " " not in ent.name:
            continue
        d = people.setdefault(ent.entity_id, Description(ages=set()))
        for m in ent.mentions:
            doc = docs.get(m.field)
            if doc is None:
                continue
            text = doc_text(doc)
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            before = [t for t in doc[max(0, span.start - 5) : span.start]][::-1]
            for t in before:  # the title phrase right before the name, nearest first
                role = t.lower_ in ROLE_NOUNS or t.lower_.rstrip(".") in TITLE_WORDS  # whatever its tag
                if t.is_punct or t.is_space or (t.pos_ in _NOT_TITLE and not role) or t.ent_type_ == "PERSON":
                    break
                _add_word(d, t.text, title=True)
            if age := _AGE_AFTER.match(text, m.end):
                d.ages.add(int(age.group(1)))
            if app := _APPOSITION.match(text, m.end):
                for w in app.group(1).split():
                    _add_word(d, w)
    return people


def _add_word(d: Description, word: str, title: bool = False) -> None:
    """One word of a person's introduction: an age, a nationality or a role word (any word of the
    title phrase before the name: `Health` of `Health Secretary`)."""
    low = word.lower()
    if word in NATIONALITIES:
        d.nationalities.add(NATIONALITIES[word])
    elif age := _YEAR_OLD.fullmatch(low):
        d.ages.add(int(age.group(1)))
    elif low in ROLE_NOUNS or low in TITLE_WORDS or ((title or word.islower()) and word.isalpha()):
        d.roles.add(low)


def _fits(epithet: Description, person: Description) -> bool:
    """Every fact of the epithet is one the article gave the person."""
    told = False
    if epithet.ages is not None:
        lo, hi = epithet.ages
        if not any(lo <= a <= hi for a in person.ages):
            return False
        told = True
    if epithet.nationalities:
        if not epithet.nationalities & person.nationalities:
            return False
        told = True
    if epithet.roles and not epithet.former:
        if not epithet.roles <= person.roles:
            return False
        told = True
    return told


def _contradicts(epithet: Description, person: Description) -> bool:
    """The article says something about the person that the epithet cannot be."""
    ages = epithet.ages
    if ages is not None and person.ages and not any(ages[0] <= a <= ages[1] for a in person.ages):
        return True
    if epithet.nationalities and person.nationalities and not epithet.nationalities & person.nationalities:
        return True
    nouns = {r for r in person.roles if r in ROLE_NOUNS}
    return bool(epithet.roles and nouns and not epithet.former and not epithet.roles & nouns)


def resolve_epithets(quotes: list[Quote], docs: Mapping[str, Doc], entities: Sequence[Entity]) -> list[Quote]:
    """The quotes with each epithet speaker resolved to its person where the article allows it."""
    if not any(_epithet(q) for q in quotes):
        return quotes
    people = describe_people(docs, entities)
    by_id = {e.entity_id: e for e in entities}
    out = []
    for q in quotes:
        epithet = _epithet(q)
        if epithet is not None:
            person = _resolve(q, epithet, people, by_id, docs)
            if person is not None:
                q = replace(q, speaker=person.name, speaker_entity_id=person.entity_id)
            elif q.speaker_entity_id is not None and (
                q.speaker_entity_id not in people or _several_fit(epithet, people)
            ):  # a word inside the description (`Wales`) is not the speaker; nor is one of several who fit
                q = replace(q, speaker=q.speaker_mention, speaker_entity_id=None)
        out.append(q)
    return out


def _epithet(q: Quote) -> Description | None:
    """The epithet of a quote's speaker mention; a headline's bare role (`minister`) counts when it
    names no entity."""
    headline = q.field == "headline" and q.speaker_entity_id is None
    return parse_epithet(q.speaker_mention, headline=headline)


def _several_fit(epithet: Description, people: dict[str, Description]) -> bool:
    return sum(_fits(epithet, d) for d in people.values()) > 1


def _resolve(q: Quote, epithet: Description, people: dict[str, Description], by_id: dict[str, Entity],
             docs: Mapping[str, Doc]) -> Entity | None:
    fits = [pid for pid, d in people.items() if _fits(epithet, d)]
    if len(fits) == 1:
        return by_id[fits[0]]
    if fits or not epithet.former or q.cue not in CONTINUATION_CUES:
        return None
    last = _named_last(q, people, by_id, docs)
    return last if last is not None and not _contradicts(epithet, people[last.entity_id]) else None


def _named_last(q: Quote, people: dict[str, Description], by_id: dict[str, Entity],
                docs: Mapping[str, Doc]) -> Entity | None:
    """The person whose mention comes last before the quote in its field, within two paragraphs."""
    best: tuple[int, Entity] | None = None
    for pid in people:
        for m in by_id[pid].mentions:
            if m.field == q.field and m.end <= q.char_start and (best is None or m.start > best[0]):
                best = (m.start, by_id[pid])
    if best is None:
        return None
    between = doc_text(docs[q.field])[best[0] : q.char_start]
    return best[1] if len(re.findall(r"\n\s*\n", between)) <= 2 else None
