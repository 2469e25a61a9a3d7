"""Rules 6 and 7 of the entities transform: people. Words spaCy glued to a name are dropped, full
names of one person are joined, and each short form (`Clinton`, `Kim`) is pointed at the person it
names, in the article or, for a few well-known surnames, in the news at large (KNOWN_PEOPLE)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from transforms.entities.gender import person_genders, pronoun_gender
from transforms.entities.model import RawMention
from transforms.entities.names import name_words, spelling_key, surname
from transforms.lexicon import mapping

# People a bare surname names in English-language news whatever the article: `Obama` alone is
# Barack Obama, also where the article names Michelle Obama (unless `Mrs. Obama`), and such a person
# has one spelling in every article (`Donald J. Trump` -> `Donald Trump`); see rule 7. Keep it
# short: a surname belongs here only if news never uses it alone for anyone else.
KNOWN_PEOPLE: Mapping[str, str] = mapping("known_people.tsv")
# Tags of a word spaCy glued to a name that is no part of it (`Injecting Clinton`, `Obama Says`).
_STRAY_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "IN", "RB", "NN", "NNS", "PRP"})


def drop_stray_words(raws: list[RawMention], known_people: Mapping[str, str]) -> None:
    """Rule 6, first step: drop words spaCy glued to a person's name: `Billionaire Donald Trump` when the article names
    `Donald Trump`; `Injecting Clinton`, `Obama Says` (a verb, adverb or common noun the article
    uses in no other name) when the article names `Clinton` or `Obama` on its own."""
    people = [r for r in raws if r.label == "PERSON"]
    known = {spelling_key(name) for name in known_people.values()}
    full = {r.key for r in people if " " in r.key}
    keys = {r.key for r in people}
    keys_with: dict[str, set[str]] = defaultdict(set)
    for r in people:
        for w in r.key.split():
            keys_with[w].add(r.key)
    for r in people:
        words = r.key.split()
        if len(words) < 2:
            continue
        first_rest, last_rest = " ".join(words[1:]), " ".join(words[:-1])
        if spelling_key(r.text) in known:
            continue
        # `Billionaire Donald Trump`, but not `Debbie Wasserman Schultz` (a proper noun first)
        glued = (
            len(words) > 2
            and first_rest in full
            and (r.tags[0] in _STRAY_TAGS | {"JJ", "NNPS"} or r.field == "headline")  # title case
        )
        stray = r.tags[0] in _STRAY_TAGS and keys_with[words[0]] == {r.key} and first_rest in keys
        if glued or stray:
            _cut(r, first=True)
        elif r.tags[1] in _STRAY_TAGS and keys_with[words[-1]] == {r.key} and last_rest in keys:
            _cut(r, first=False)


def _cut(r: RawMention, first: bool) -> None:
    """Drop the first or last word of a mention, offsets included."""
    if first:
        m = re.match(r"\S+\s+", r.text)
        if m:
            r.start, r.text = r.start + m.end(), r.text[m.end() :]
    else:
        m = re.search(r"\s+\S+$", r.text)
        if m:
            r.end, r.text = r.end - len(m.group()), r.text[: m.start()]
    r.key = spelling_key(r.text)


def resolve_people(
    raws: list[RawMention],
    names: dict[str, tuple[str, str]],
    known_people: Mapping[str, str],
    texts: dict[str, str],
) -> None:
    """Rules 6 and 7: point each PERSON mention's key at the person it names (see the package doc),
    and name each person (`names`, updated in place) by their canonical full name."""
    people = [r for r in raws if names[r.key][1] == "PERSON"]
    words_of = {r.key: name_words(r.text) for r in people if spelling_key(r.text) == r.key}  # not acronyms
    for r in people:
        words_of.setdefault(r.key, name_words(r.text))
    first_seen: dict[str, tuple[int, int]] = {}
    for r in people:
        first_seen.setdefault(r.key, r.order)
    full = sorted({k for k, w in words_of.items() if len(w) > 1}, key=first_seen.__getitem__)
    # Full names: a longer form with the same first and last word joins the shorter one.
    head: dict[str, str] = {}
    for k in sorted(full, key=lambda k: len(words_of[k])):
        for h in dict.fromkeys(head.values()):
            if _same_person(words_of[h], words_of[k]):
                head[k] = h
                break
        else:
            head[k] = k
    # A full name that ends another (`Wasserman Schultz`, `Le Pen` in `Marine Le Pen`) is a compound
    # surname: it joins the longer name when exactly one longer name ends with it, and that name is
    # written mid-sentence with a proper noun first (not `Crooked Hillary Clinton` after a quote mark).
    solid = {r.key for r in people if r.tags[0] in ("NNP", "NNPS") and not r.capitalised}
    for h in list(dict.fromkeys(head.values())):
        n = len(words_of[h])
        longer = {
            head[k] for k in full if len(words_of[k]) > n and words_of[k][-n:] == words_of[h] and k in solid
        }
        if len(longer) == 1:
            target = longer.pop()
            for k in full:
                if head[k] == h:
                    head[k] = target
    for k in full:  # the canonical form: the shortest with the person's first word, then most frequent
        forms = [f for f in full if head[f] == head[k]]
        first_word = [f for f in forms if words_of[f][0] == words_of[head[k]][0]] or forms
        best = min(
            first_word, key=lambda f: (len(words_of[f]), -sum(r.key == f for r in people), first_seen[f])
        )
        names[k] = (_known_spelling(names[best][0], known_people), "PERSON")
    for k in full:  # a person is first named by the earliest of their forms
        first_seen[head[k]] = min(first_seen[head[k]], first_seen[k])
    heads = list(dict.fromkeys(head[k] for k in full))
    candidates = {k: _candidates(words_of[k], heads, full, head, words_of) for k in words_of if k not in head}
    gender, sure = person_genders(people, head, texts)
    last_full: dict[str, RawMention] = {}
    for r in people:  # reading order
        if r.key in head:
            r.key = head[r.key]
            last_full[r.key] = r
            continue
        cands = candidates[r.key]
        known = known_people.get(r.key)
        if known and r.gender != "f":  # `Trump` is Donald Trump even where the article names Melania Trump
            named = [h for h in cands if names[h][0] == known] or [h for h in cands if _nickname(h, known)]
            names.setdefault(spelling_key(known), (known, "PERSON"))
            r.key = named[0] if named else spelling_key(known)
        elif len(cands) == 1:
            if not (r.gender and cands[0] in sure and gender[cands[0]] != r.gender):  # `Mrs. X`, not Mr. X
                r.key = cands[0]
            elif r.key in names:  # another person of that surname: say so in the name (`Mrs. Abedini`)
                names[r.key] = (f"{'Mrs.' if r.gender == 'f' else 'Mr.'} {names[r.key][0]}", "PERSON")
        elif cands:
            # `Mrs. Clinton` is not Bill Clinton; nor, more weakly, is `Clinton ... her`.
            hint = r.gender or pronoun_gender(texts[r.field], r.end)
            if hint:
                cands = (
                    [h for h in cands if gender.get(h) == hint]
                    or [h for h in cands if h not in gender]
                    or cands
                )
            local = [last_full[h] for h in cands if h in last_full and last_full[h].paragraph == r.paragraph]
            if local:
                r.key = max(local, key=lambda m: m.order).key
            else:
                r.key = min(cands, key=first_seen.__getitem__)


def _candidates(
    part: list[str], heads: list[str], full: list[str], head: dict[str, str], words_of: dict[str, list[str]]
) -> list[str]:
    """The people (heads) a short form may name. A one-word short form is a surname before it is a
    first name: `Trump` names `Donald Trump` rather than `Trump Tower`, though `Kim` names `Kim Jong-un`."""
    found = [h for h in heads if any(_contains(words_of[f], part) for f in full if head[f] == h)]
    if len(part) == 1:
        by_surname = [h for h in found if any(surname(words_of[f]) == part[0] for f in full if head[f] == h)]
        return by_surname or found
    return found


def _same_person(short: list[str], long: list[str]) -> bool:
    """`Hillary Clinton` and `Hillary Rodham Clinton`: same first and last word, words in order
    (`Donald Trump Jr.` is not `Donald Trump`)."""
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(w in it for w in short)


def _contains(full: list[str], part: list[str]) -> bool:
    """`Kim` in `Kim Jong-un`, `de Blasio` in `Bill de Blasio`: adjacent words of the full name."""
    n = len(part)
    return n < len(full) and any(full[i : i + n] == part for i in range(len(full) - n + 1))


def _known_spelling(name: str, known_people: Mapping[str, str]) -> str:
    """A well-known person's one spelling: `Donald J. Trump`, `Joseph R. Biden` -> the table's. The
    first names must share two letters (`Joe`, `Joseph`), so `Jill Biden` and `Melania Trump` stay."""
    words = name_words(name)
    known = known_people.get(words[-1])  # not after a suffix: `Donald Trump Jr.` is his son
    return known if known and len(words) > 1 and _nickname(name, known) else name


def _nickname(name: str, known: str) -> bool:
    """`Joseph R. Biden Jr.` may be `Joe Biden`: same surname, first names sharing two letters."""
    words, known_words = name_words(name), name_words(known)
    return surname(words) == known_words[-1] and words[0][:2] == known_words[0][:2]
