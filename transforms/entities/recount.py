"""Rule 8a of the entities transform: once the article's entities are known, mentions spaCy did not tag
are counted too: a person's surname on its own (`Penrose later said`, `Ms Ramsden`, `DOE:` in a
transcript), an organisation's name without its dropped suffix (`Harbour City` for `Harbour City
FC`) and any entity's spelling in an all-capitals line (`MAYOR HALVORSEN VOWS ...`).

Mention counts feed the reports' trends, so a name the model missed in a shouted headline or at a
sentence start must still count. A surname counts only when it names one person of the article and
no other entity is spelled so; an occurrence counts only as a whole word outside every mention, and
not inside a longer run of capitalised words (`Penrose Street`), except in an all-capitals line.
"""

from __future__ import annotations

import re
from collections import defaultdict

from transforms.entities.evidence import ORG_SHORT_SUFFIXES
from transforms.entities.model import RawMention, paragraph_breaks, raw_mention
from transforms.entities.names import (
    TITLE_WORDS,
    fold_apostrophes,
    folded_spelling_key,
    name_words,
    spelling_key,
    surname,
    written_name_words,
)

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def recounted_mentions(texts: dict[str, str], raws: list[RawMention]) -> list[RawMention]:
    """The untagged mentions of known names (see the module doc), as RawMentions keyed to their group."""
    spellings, surnames = _spellings(raws)
    if not spellings:
        return []
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for r in raws:
        taken[r.field].append((r.start, r.end))
    extra: list[RawMention] = []
    longest = max(len(s.split()) for s in spellings)
    surnames_only = {k: spellings[k] for k in surnames}
    # A spelling's first word is a substring of its line once the line is folded the same way (case,
    # full stops, apostrophes): a line holding none of them holds no match, and is not read word by word.
    firsts = {k.split()[0] for k in spellings}
    surname_firsts = {k.split()[0] for k in surnames_only}
    for fld, text in texts.items():
        breaks = paragraph_breaks(text)
        for line_start, line in _lines(text):
            shouted = _shouted(line)
            folded = fold_apostrophes(line)  # once per line, not once per span tried
            plain = folded.replace(".", "").casefold()
            if not any(first in plain for first in (firsts if shouted else surname_firsts)):
                continue
            words = list(_WORD.finditer(line))
            k = 0
            while k < len(words):
                # mixed case: only surnames (rule 8 searched the tagged spellings already)
                found = _match(line, folded, words, k, longest, spellings if shouted else surnames_only, shouted)
                if found is None:
                    k += 1
                    continue
                n, key = found
                start, end = line_start + words[k].start(), line_start + words[k + n - 1].end()
                # a shorter mention inside a longer known name gives way to it (`Harbour` tagged NORP
                # inside `Harbour City`): grouping keeps the longer of overlapping mentions
                if any(s < end and start < e and not (start <= s and e <= end and e - s < end - start)
                       for s, e in taken[fld]):
                    k += n
                    continue
                r = raw_mention(fld, start, end, text[start:end], "", breaks)
                r.key = key
                extra.append(r)
                taken[fld].append((start, end))
                k += n
    return extra


def _spellings(raws: list[RawMention]) -> tuple[dict[str, str], set[str]]:
    """(spelling key -> group key, the surnames among them): every mention's spelling, and each
    person's surname when only that person has it and no other group is spelled so."""
    groups: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        groups[spelling_key(r.text)].add(r.key)
    found = {k: next(iter(v)) for k, v in groups.items() if len(v) == 1}
    surnames: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        words = name_words(r.text)
        if r.label == "PERSON" and len(words) > 1:
            surnames[surname(words)].add(r.key)
            # as written too: `Al-Awlaki` is one word of the text, `Awlaki` (name_words) another
            surnames[surname(written_name_words(r.text))].add(r.key)
    for r in raws:  # an organisation's name without a suffix dropped on second mention (`Harbour City`)
        words = r.text.split()
        if r.label == "ORG" and len(words) > 2 and words[-1] in ORG_SHORT_SUFFIXES:
            surnames[spelling_key(" ".join(words[:-1]))].add(r.key)
    for name, keys in surnames.items():
        if len(keys) == 1 and name not in groups and name not in TITLE_WORDS:
            found[name] = next(iter(keys))
    found = {k: v for k, v in found.items() if len(k) > 2}
    return found, {s for s in surnames if s in found}


def _match(
    line: str, folded: str, words: list[re.Match[str]], k: int, longest: int, spellings: dict[str, str],
    shouted: bool,
) -> tuple[int, str] | None:
    """(number of words, group key) of the longest known spelling starting at word k, or None.
    `folded` is the line after fold_apostrophes (same offsets)."""
    if not shouted and not words[k].group()[0].isupper():
        return None  # whatever spelling starts here, its words are not all capitalised (below)
    start = words[k].start()
    for n in range(min(longest, len(words) - k), 0, -1):
        key = folded_spelling_key(folded[start : words[k + n - 1].end()])
        if key not in spellings:
            continue
        if not shouted:
            if not all(w.group()[0].isupper() for w in words[k : k + n]):
                return None
            if _capitalised_neighbour(line, words, k, n):
                return None
        return n, spellings[key]
    return None


def _capitalised_neighbour(line: str, words: list[re.Match[str]], k: int, n: int) -> bool:
    """A capitalised word joined to the span (no punctuation between): part of a longer name. A
    title or honorific before it (`Ms Ramsden`) and a sentence's first word do not count."""
    if k + n < len(words):
        nxt = words[k + n]
        if nxt.group()[0].isupper() and not line[words[k + n - 1].end() : nxt.start()].strip():
            return True
    if k > 0:
        prev = words[k - 1]
        gap = line[prev.end() : words[k].start()]
        if prev.group()[0].isupper() and not gap.strip(" ") and prev.group().lower().rstrip(".") not in TITLE_WORDS:
            return k - 1 > 0 or bool(line[: prev.start()].strip())  # the line's first word is a sentence start
    return False


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line of the text."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _shouted(line: str) -> bool:
    """An all-capitals line (a wire headline): its capitals say nothing about names."""
    letters = list(filter(str.isalpha, line))
    return len(letters) >= 8 and sum(map(str.isupper, letters)) >= 0.9 * len(letters)
