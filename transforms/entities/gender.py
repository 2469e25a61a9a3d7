"""Gender hints for rule 6 of the entities transform: what titles, kinship words and pronouns say
about a mention's sex, so that people who share a surname are told apart (`Mrs. Clinton`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Span

from transforms.entities.model import RawMention
from transforms.entities.names import TITLE_WORDS
from transforms.lexicon import mapping

# Words just before a name that say whether the person is a woman or a man (`her husband, Bill Clinton`).
GENDER_WORDS = mapping("gender_words.tsv", values=("f", "m"))
_PRONOUN = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)


def person_genders(
    people: list[RawMention], head: dict[str, str], texts: dict[str, str]
) -> tuple[dict[str, str], set[str]]:
    """Rule 6: each person's gender as far as their full-name mentions show it, by majority: a title or
    kinship word before (`her husband, Bill Clinton`) counts twice, the first personal pronoun
    after once. Also the people whose gender a title or kinship word shows (the surer cases)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    titled: set[str] = set()
    for r in people:
        h = head.get(r.key)
        if h is None:
            continue
        if r.gender:
            votes[h][r.gender] += 2
            titled.add(h)
        pronoun = pronoun_gender(texts[r.field], r.end)
        if pronoun:
            votes[h][pronoun] += 1
    gender = {h: "f" if v["f"] > v["m"] else "m" for h, v in votes.items() if v["f"] != v["m"]}
    return gender, titled & set(gender)


def pronoun_gender(text: str, end: int) -> str:
    """The gender of the first personal pronoun after a mention, in its paragraph ("" if none)."""
    m = _PRONOUN.search(re.split(r"[.!?;\n]", text[end : end + 60])[0])
    if not m:
        return ""
    return "m" if m.group(1).lower() in ("he", "his", "him", "himself") else "f"


def title_gender(before: Span) -> str:
    """The gender a title or kinship word right before a name gives (`Mrs.`, `her husband,`)."""
    for t in reversed(before):
        word = t.lower_.rstrip(".")
        if word in GENDER_WORDS and (word != "miss" or t.text[0].isupper()):  # not the verb `miss`
            return GENDER_WORDS[word]
        if not (t.is_punct or word in TITLE_WORDS or word in ("the", "late")):
            break
    return ""
