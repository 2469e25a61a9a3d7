"""Rule 3a of the entities transform: what the article itself says about a name outranks spaCy's label,
and words spaCy took for names that are not names are dropped.

The small English model labels a name from its few neighbouring words, so one wrong label splits a
person (`Belinda Marsh` ORG beside `Marsh` PERSON) or loses a speaker (`chair Maja Sundin` LOC). The
evidence used, in this order (the first that applies decides):
1. the name's shape: a last word of org_suffixes.txt makes it an organisation (`Harbour City FC`
   tagged GPE, `Skyward Air` tagged FAC, `The Daily Herald` tagged PERSON);
2. a newspaper's context: a one-word PERSON after `the` that ends its phrase (`the Guardian
   reported`) is an organisation;
3. a person's context: a title inside the mention's start (`Sgt Lily Hart` tagged ORG: cut to the
   name), a title or role word right before the name (`chair Maja Sundin`,
   `Councillor X`), a reporting verb or `who` right after it (`Belinda Marsh, told reporters`), or
   its last word used alone as a PERSON, or after `Mr`/`Ms`, elsewhere in the article;
4. a city's context: a one-word ORG or PERSON before `'s mayor` is handled with place_nouns.txt in
   labels.py.
Spurious mentions: a single common noun capitalised only by its position (`Commuters in Berlin`,
`Farmers' groups`; spaCy's own tag says NN/NNS), and a portfolio word before a title (`Finance` in
`Finance Minister Petra Lindqvist`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc

from transforms.entities.model import RawMention, paragraph_breaks, raw_mention
from transforms.entities.names import TITLE_WORDS, name_words, spelling_key
from transforms.lexicon import word_list

# Last words of organisations' names (`FC`, `Air`, `Herald`).
ORG_SUFFIXES = word_list("org_suffixes.txt")
# Suffixes dropped on second mention (`Harbour City` for `Harbour City FC`).
ORG_SHORT_SUFFIXES = word_list("org_short_suffixes.txt")
# Fields of offices (`Finance` in `Finance Minister`).
PORTFOLIO_WORDS = word_list("portfolio_words.txt")
# Role nouns written before a person's name in lower case (`chair Maja Sundin`, `striker X`).
ROLE_NOUNS = frozenset(word_list("role_nouns.txt"))
# Titles of elected members that a party's name goes before (`Labour MP Lucia Bergamo`).
AFFILIATION_TITLES = word_list("affiliation_titles.txt")
# Surface forms of reporting verbs (`said`, `told`): a name right before one is its speaker.
_REPORTING_FORMS = word_list("reporting_verb_forms.txt")
_REPORTING_LEMMAS = word_list("reporting_verbs.txt")
_PERSON_LABELS = ("ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$")


def drop_spurious(raws: list[RawMention], texts: dict[str, str]) -> list[RawMention]:
    """The mentions without the words that only look like names: a one-word common noun capitalised
    by its position (spaCy's own tag NN/NNS: `Commuters`, `Farmers'`), and a portfolio word before a
    title word (`Finance` of `Finance Minister`)."""
    kept = []
    for r in raws:
        one_word = " " not in r.text
        if one_word and r.tags[0] in ("NN", "NNS") and r.label != "PERSON" and _starts_sentence(texts[r.field], r):
            continue
        if one_word and r.text.casefold() in PORTFOLIO_WORDS and _next_word(texts[r.field], r.end) in TITLE_WORDS:
            continue
        kept.append(r)
    return kept


def _starts_sentence(text: str, r: RawMention) -> bool:
    """Capitalised by position: a headline, a sentence's or a quote's first word (the parse's
    sentence starts miss some after a paragraph break)."""
    before = text[max(0, r.start - 10) : r.start].rstrip(" \"“‘'(")
    return r.capitalised or not before or before[-1] in ".!?:\n"


def affiliation_mentions(docs: Mapping[str, Doc], texts: dict[str, str], raws: list[RawMention]) -> list[RawMention]:
    """A party before a member's title before a person (`Labour MP Lucia Bergamo`, `Tory councillor
    X`): the party, a proper noun by spaCy's tag, is an organisation mention, whether or not spaCy
    tagged it as an entity."""
    taken = {(r.field, r.start) for r in raws}
    ends = {(r.field, r.end) for r in raws}
    extra = []
    for r in raws:
        if r.label != "PERSON":
            continue
        text = texts[r.field]
        m = re.search(r"\b([A-Z][a-z]+)\s+([A-Za-z]+)\.?\s+$", text[max(0, r.start - 40) : r.start])
        if not m or m.group(2).lower() not in AFFILIATION_TITLES or m.group(1).lower() in TITLE_WORDS:
            continue
        start = max(0, r.start - 40) + m.start(1)
        end = start + len(m.group(1))
        word = docs[r.field].char_span(start, end)
        if (r.field, start) in taken or (r.field, end) in ends or word is None or word[0].tag_ not in ("NNP", "NNPS"):
            continue
        extra.append(raw_mention(r.field, start, end, m.group(1), "ORG", paragraph_breaks(text)))
        taken.add((r.field, start))
    return extra


def org_shaped(text: str) -> bool:
    """A name of two or more words whose last word names a kind of organisation (`Harbour City FC`)."""
    words = text.split()
    return len(words) > 1 and words[-1] in ORG_SUFFIXES


def correct_labels(raws: list[RawMention], texts: dict[str, str]) -> None:
    """Relabel mentions by the article's evidence (see the module doc), in place."""
    alone = {spelling_key(r.text) for r in raws if r.label == "PERSON" and " " not in r.text}
    for text in texts.values():  # `Ms Marsh`: an honorific makes the word after it a surname
        alone.update(m.group(1).casefold() for m in re.finditer(r"\b(?:Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)", text))
    for r in raws:
        if org_shaped(r.text):
            if r.label != "PERSON" or not _person_context(texts[r.field], r.start, r.end):
                r.label = "ORG"
            continue
        if r.label == "PERSON":
            _strip_inner_title(r)
            if _the_before(texts[r.field], r):  # `told the Guardian.`: a person takes no article
                r.label = "ORG"
                continue
        if r.label != "PERSON" and _strip_title(r):
            r.label = "PERSON"
            continue
        if r.label not in _PERSON_LABELS or r.text.isupper():
            continue
        words = name_words(r.text)
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in r.text.split()):
            continue
        text = texts[r.field]
        if _person_context(text, r.start, r.end) or words[-1] in alone:
            r.label = "PERSON"


def _strip_title(r: RawMention) -> bool:
    """A title before two or more capitalised words (`Sgt Lily Hart` tagged ORG): the mention is cut
    to the name, in place; True when it was. `General Motors` (one word after) is left alone."""
    m = re.match(r"((?:[A-Za-z]+\.?\s+)+?)((?:[A-Z][\w'’-]+\s*){2,4})$", r.text)
    if not m or any(w.lower().rstrip(".") not in TITLE_WORDS for w in m.group(1).split()):
        return False
    cut = m.start(2)
    r.start, r.text = r.start + cut, r.text[cut:]
    _strip_title(r)  # `Mr Justice Owen Barber`: title after title
    return True


def _the_before(text: str, r: RawMention) -> bool:
    """A one-word name after `the` that ends its phrase (`the Guardian reported`, `told the Herald.`):
    a title or an organisation, not a person (`the Trump administration` goes on with a noun)."""
    if " " in r.text or not re.search(r"\b[Tt]he\s+$", text[max(0, r.start - 5) : r.start]):
        return False
    after = re.match(r"(?:['’]s\b)?\s*([a-z]+|[^\w\s]|$)", text[r.end : r.end + 20])
    return bool(after) and (not after.group(1).isalpha() or _reporting_form(after.group(1)))


def _reporting_form(word: str) -> bool:
    """A finite form of a reporting verb (`said`, `reported`, `reveals`), from the verb lists."""
    if word in _REPORTING_FORMS:
        return True
    stems = [word[: -len(end)] for end in ("ed", "d", "es", "s") if word.endswith(end)]
    return any(stem in _REPORTING_LEMMAS for stem in stems)


def _strip_inner_title(r: RawMention) -> None:
    """A place or party and a title before a person's name (`Phoenix Mayor Greg Stanton`, `Labour MP
    Lucia Bergamo`, tagged as one PERSON): the mention is cut, in place, to the name after the last
    title word, when two or more capitalised words follow it."""
    words = list(re.finditer(r"\S+", r.text))
    for k in range(len(words) - 3, 0, -1):
        rest = words[k + 1 :]
        if words[k].group().lower().rstrip(".") in TITLE_WORDS and all(w.group()[0].isupper() for w in rest):
            if any(w.group().lower().rstrip(".") in TITLE_WORDS for w in rest):
                continue
            cut = rest[0].start()
            r.start, r.text = r.start + cut, r.text[cut:]
            return


def _person_context(text: str, start: int, end: int) -> bool:
    """A title or role word before the name, or `who` / a reporting verb after it."""
    before = text[max(0, start - 40) : start]
    if _HONORIFIC.search(before):
        return True
    m = re.search(r"([A-Za-z]+)\.?\s+$", before)
    if m and m.group(1).lower() in (TITLE_WORDS | ROLE_NOUNS) and not m.group(1).isupper():
        return True
    after = re.match(r"\s*,?\s*([a-z]+)", text[end : end + 20])
    return bool(after) and (after.group(1) == "who" or after.group(1) in _REPORTING_FORMS)


def join_short_forms(raws: list[RawMention]) -> None:
    """An organisation's name without its dropped suffix (`Harbour City`) is a mention of the full
    name (`Harbour City FC`), whatever label spaCy gave it: it takes the full name's key and label."""
    full: dict[str, RawMention] = {}
    for r in raws:
        words = r.text.split()
        if len(words) > 1 and words[-1] in ORG_SHORT_SUFFIXES:
            full.setdefault(spelling_key(" ".join(words[:-1])), r)
    if not full:
        return
    for r in raws:
        target = full.get(r.key)
        if target is not None and target is not r:
            r.key, r.label = target.key, target.label


def _next_word(text: str, end: int) -> str:
    """The word after a mention, lower-case, its final full stop dropped."""
    m = re.match(r"\s*([A-Za-z]+)", text[end : end + 30])
    return m.group(1).lower() if m else ""
