"""Rule 3 of the entities transform: labels the article can correct are corrected, then every
spelling takes its majority label."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping

from transforms.entities.model import RawMention
from transforms.entities.names import name_words, spelling_key, surname
from transforms.lexicon import mapping, word_list

# Names the small English model mislabels consistently and no article context fixes.
LABEL_FIXES = mapping("label_fixes.tsv")
# Nouns after a name that make the name a place (`Primorsky region`).
PLACE_NOUNS = word_list("place_nouns.txt")


def fix_labels(raws: list[RawMention], texts: dict[str, str], known_people: Mapping[str, str]) -> None:
    """Rule 3: correct the labels the article can correct (label_fixes.tsv, a place noun after the
    name, a word of a person's name, a known surname), then give every spelling its majority label
    (ties: the first mention's)."""
    for r in raws:
        fixed = LABEL_FIXES.get(r.text.casefold())
        if fixed:
            r.label = fixed
        elif r.label in ("ORG", "PERSON", "FAC") and _next_word(texts[r.field], r.end) in PLACE_NOUNS:
            r.label = "GPE"
    # A word of a person's name is that person (`Trump` tagged ORG): the first or last word of a full
    # name, not an acronym (`CNN` in a mis-tagged `CNN Jake Tapper`); place names are often first
    # names too (`Charlotte`), so a place becomes a person only as a surname (`Kasich` tagged GPE).
    # Group names (NORP: `Cuban`, `Swiss`) are not relabelled by this.
    full = [name_words(r.text) for r in raws if r.label == "PERSON" and len(name_words(r.text)) > 1]
    surnames = {surname(w) for w in full}
    single = [r.text for r in raws if r.label == "PERSON" and " " not in r.text]
    single = [spelling_key(text) for text in single if not text.isupper()]
    person_words = surnames | {w[0] for w in full} | set(single)
    for r in raws:
        key = spelling_key(r.text)
        if r.label == "PERSON":
            continue
        if key in known_people or (
            not r.text.isupper()
            and r.label not in ("NORP", "LANGUAGE")
            and key in (surnames if r.label in ("GPE", "LOC") else person_words)
        ):
            r.label = "PERSON"
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, str] = {}
    for r in raws:
        votes[spelling_key(r.text)][r.label] += 1
        first.setdefault(spelling_key(r.text), r.label)
    for r in raws:
        key = spelling_key(r.text)
        counts = votes[key]
        top = max(counts.values())
        r.label = first[key] if counts[first[key]] == top else counts.most_common(1)[0][0]


def _next_word(text: str, end: int) -> str:
    """The word after a mention, lower-case (`region` after `Primorsky`, `mayor` after `Oslo's`)."""
    m = re.match(r"(?:['’]s?)?\s*([A-Za-z]+)", text[end : end + 30])
    return m.group(1).lower() if m else ""
