"""Cues of reported speech and their classes, from the rule tables attribution_cues.tsv and
attribution_nouns.tsv in transforms/lexicon/ (see each file's header for its format).

A cue's class says what the source does with the content: `speech` (said, wrote, announced: the
source put it in words), `belief` (thinks, wants, hopes: a stance the text ascribes to the source)
or `evidence` (a poll shows, the report found: a record or a measurement bears it out).
"""

from __future__ import annotations

from collections.abc import Mapping

from transforms.lexicon import LexiconError, entries, word_list

# The classes a cue may have, in the order the reports list them.
CUE_CLASSES = ("speech", "belief", "evidence")
# The complement kinds of transforms.quotes.reported.complements, besides a preposition's own word.
COMPLEMENT_KINDS = ("clause", "infinitive", "object")

# (lemma, complement kind) -> class, e.g. ('say', 'clause') -> 'speech'.
CueTable = Mapping[tuple[str, str], str]


def cue_table(
    name: str = "attribution_cues.tsv", *, text: str | None = None, words: int = 1,
) -> dict[tuple[str, str], str]:
    """The verb cues of the table `name`: each line `lemma<TAB>complements<TAB>class`, complements
    a comma-separated list of clause, infinitive, object or a preposition (`for`, `of`); the lemma
    `words` lower-case words (2 for a phrasal cue: `lay out`).

    Raises LexiconError naming the file's path and line for a row of the wrong shape, a lemma that
    is not `words` lower-case words (it would match no token), a lemma seen before, a complement that
    is not one word of letters, or an unknown class."""
    cues: dict[tuple[str, str], str] = {}
    where, lines = entries(name, text=text)
    seen: set[str] = set()
    for number, entry in lines:
        values = [v.strip() for v in entry.split("\t")]
        if len(values) != 3 or not all(values):
            raise LexiconError(f"{where}:{number}: expected 3 non-empty tab-separated fields (lemma, complements, "
                               f"class), got {entry!r}")
        lemma, kinds, cue_class = values
        if len(lemma.split()) != words or lemma != lemma.lower():
            raise LexiconError(f"{where}:{number}: {lemma!r} is not {words} lower-case word{'s' if words > 1 else ''}")
        if lemma in seen:
            raise LexiconError(f"{where}:{number}: {lemma!r} is already defined above")
        seen.add(lemma)
        _check_class(where, number, lemma, cue_class)
        for kind in kinds.split(","):
            kind = kind.strip()
            if not kind.isalpha():
                raise LexiconError(f"{where}:{number}: {lemma!r} has a malformed complement {kind!r}; expected "
                                   f"{', '.join(COMPLEMENT_KINDS)} or a preposition")
            cues[(lemma, kind)] = cue_class
    return cues


def noun_table(name: str = "attribution_nouns.tsv", *, text: str | None = None) -> dict[str, str]:
    """The noun cues of the table `name`: `noun<TAB>class`. Raises LexiconError naming the file's
    path and line for a row of the wrong shape or an unknown class."""
    nouns: dict[str, str] = {}
    where, lines = entries(name, text=text)
    for number, entry in lines:
        values = [v.strip() for v in entry.split("\t")]
        if len(values) != 2 or not all(values):
            raise LexiconError(f"{where}:{number}: expected 2 non-empty tab-separated fields (noun, class), "
                               f"got {entry!r}")
        if values[0] in nouns:
            raise LexiconError(f"{where}:{number}: {values[0]!r} is already defined above")
        _check_class(where, number, *values)
        nouns[values[0]] = values[1]
    return nouns


def _check_class(where: str, number: int, cue: str, cue_class: str) -> None:
    if cue_class not in CUE_CLASSES:
        raise LexiconError(f"{where}:{number}: {cue!r} has class {cue_class!r}; expected one of "
                           f"{', '.join(CUE_CLASSES)}")


CUES = cue_table()
# Every verb the table makes a cue for some complement (`praise` for an object).
CUE_LEMMAS = frozenset(lemma for lemma, _ in CUES)
ATTRIBUTION_NOUNS = noun_table()
# Nouns whose preposition's object is content (`her support for the treaty`), in cue_table's format.
NOUN_OBJECTS = cue_table("attribution_noun_objects.tsv")
# Adjectives that ascribe a stance (`critical of`, `confident that`), in cue_table's format.
ADJECTIVE_CUES = cue_table("attribution_adjectives.tsv")
# Verbs whose subject issues the statement a noun cue names (`made the claim that ...`).
ISSUING_VERBS = word_list("issuing_verbs.txt")
