"""Rule 4 of the entities transform: how spellings compare and which one names an entity; with the
words a person's name is compared by (its words, its surname), which rules 3, 6 and 7 share."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from transforms.entities.model import RawMention
from transforms.lexicon import mapping, table, word_list

# Words of a title before a person's name; stripped from PERSON mentions (compared lower-case,
# without a final full stop). Royal and religious titles (King, Pope, Prince) are part of the name.
TITLE_WORDS = word_list("person_titles.txt")
# Generational suffixes: the surname is the word before them (`Biden` in `Joseph R. Biden Jr.`).
NAME_SUFFIXES = word_list("name_suffixes.txt")
# Closed list of aliases of well-known places, groups and parties: one canonical name in every
# article. Keys are normalised spellings (see spelling_key); values are (canonical name, label).
ALIASES: dict[str, tuple[str, ...]] = table("aliases.tsv", 3)
# AP-style abbreviations of US states, as written (with their full stops): `Calif.` is California.
US_STATES = mapping("us_state_abbreviations.tsv")
_APOSTROPHES = ("’", "‘", "`")  # each written as "'"


def spelling_key(text: str) -> str:
    """Rule 4: spelling compared for identity: case, full stops and apostrophe style do not matter
    (`U.S.` = `us`). Mentions with one key are one entity; aliases.tsv is keyed by it."""
    return folded_spelling_key(fold_apostrophes(text))


def fold_apostrophes(text: str) -> str:
    """The text with one apostrophe style, character for character (offsets are kept): fold a whole
    line once, then key many of its spans with folded_spelling_key."""
    for mark in _APOSTROPHES:  # str.replace finds a character faster than str.translate maps each one
        if mark in text:
            text = text.replace(mark, "'")
    return text


def folded_spelling_key(folded: str) -> str:
    """spelling_key of a text whose apostrophes fold_apostrophes has already folded."""
    return " ".join(folded.replace(".", "").casefold().split())


def name_words(text: str) -> list[str]:
    """A person's name as comparable words (case, full stops and apostrophe style aside). The Arabic
    article opening a family name is left out (`Bashar al-Assad` as `bashar assad`, so that `Assad`
    and `Bashar Assad` are his); a first word keeps it (`Al-Hussein bin Abdullah`)."""
    words = written_name_words(text)
    return [w if n == 0 and len(words) > 1 else _ARABIC_ARTICLE.sub("", w) for n, w in enumerate(words)]


def written_name_words(text: str) -> list[str]:
    """name_words as the text writes them, the Arabic article kept (`al-awlaki`)."""
    return spelling_key(text).replace(",", " ").split()


# `al-`/`el-` before a family name (`al-Assad`, `el-Sisi`), as news writes it with and without.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-\u2010\u2011](?=\w)")  # typeset hyphens too


def surname(words: list[str]) -> str:
    """The family name: the last word before any generational suffix (`Jr.`)."""
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words[-1]


def canonical_names(raws: list[RawMention]) -> dict[str, tuple[str, str]]:
    """Rule 4: key -> (canonical name, label) for each group of same-spelling mentions: an alias or
    US state abbreviation gives the name; otherwise the expansion of an acronym, mixed case over a
    shouted dateline, then the most frequent spelling (NORP names singular)."""
    by_key: dict[str, list[RawMention]] = defaultdict(list)
    for r in raws:
        by_key[r.key].append(r)
    names: dict[str, tuple[str, str]] = {}
    for key, group in by_key.items():
        label = group[0].label
        alias = ALIASES.get(key) or ALIASES.get(_singular(key) if label == "NORP" else key)
        state = next((US_STATES[r.text] for r in group if r.text in US_STATES), None)
        if state and label == "GPE":
            alias = (state, "GPE")
        if alias and label in ("GPE", "ORG", "NORP", "LOC"):
            names[key] = alias
            continue
        counts = Counter(r.text for r in group)
        # The expansion names an acronym's group; then mixed case over a shouted dateline, then frequency.
        name = max(
            counts,
            key=lambda t: (
                spelling_key(t) == key,
                not t.isupper() or len(t) <= 5,
                not re.search(r"\b[A-Z]{2}[a-z]", t),  # `HIllary Clinton` is a typo
                counts[t],
                -group.index(_first(group, t)),
            ),
        )
        if label == "NORP":
            name = _singular(name)
        elif label in ("GPE", "LOC") and name.isupper() and max(len(w) for w in name.split()) > 3:
            name = name.title()  # datelines: `WASHINGTON (AP) -` names Washington
        names[key] = (name, label)
    return names


def _first(group: list[RawMention], text: str) -> RawMention:
    """The first mention of the group spelled `text`."""
    return next(r for r in group if r.text == text)


def _singular(name: str) -> str:
    """`Republicans` -> `Republican`, `Israelis` -> `Israeli`: a group's name is its singular (NORP
    only); `Swiss`, `Druze` and the like have no plural `s` to drop."""
    return name[:-1] if re.search(r"[a-z][^su]s$", name) else name
