"""Cues of reported speech and their classes, from the rule tables attribution_cues.tsv and
attribution_nouns.tsv in transforms/lexicon/ (see each file's header for its format).

A cue's class says what the source does with the content: `speech` (said, wrote, announced: the
source put it in words), `belief` (thinks, wants, hopes: a stance the text ascribes to the source)
or `evidence` (a poll shows, the report found: a record or a measurement bears it out).
"""

from __future__ import annotations

from collections.abc import Mapping

from transforms.lexicon import LexiconError, mapping, table

# The classes a cue may have, in the order the reports list them.
CUE_CLASSES = ("speech", "belief", "evidence")
# The complement kinds of transforms.quotes.reported.complements, besides a preposition's own word.
COMPLEMENT_KINDS = ("clause", "infinitive", "object")

# (lemma, complement kind) -> class, e.g. ('say', 'clause') -> 'speech'.
CueTable = Mapping[tuple[str, str], str]


def cue_table(name: str = "attribution_cues.tsv", *, text: str | None = None) -> dict[tuple[str, str], str]:
    """The verb cues of the table `name`: each line `lemma<TAB>complements<TAB>class`, complements
    a comma-separated list of clause, infinitive, object or a preposition (`for`, `of`).

    Raises LexiconError naming the file and the cue for an unknown class."""
    cues: dict[tuple[str, str], str] = {}
    for lemma, (kinds, cue_class) in table(name, 3, text=text).items():
        if cue_class not in CUE_CLASSES:
            raise LexiconError(f"{name}: {lemma!r} has class {cue_class!r}; expected one of {', '.join(CUE_CLASSES)}")
        for kind in kinds.split(","):
            kind = kind.strip()
            if not kind or " " in kind:
                raise LexiconError(f"{name}: {lemma!r} has a malformed complement {kind!r}")
            cues[(lemma, kind)] = cue_class
    return cues


def noun_table(name: str = "attribution_nouns.tsv", *, text: str | None = None) -> dict[str, str]:
    """The noun cues of the table `name`: `noun<TAB>class`. Raises LexiconError for an unknown class."""
    nouns = mapping(name, text=text)
    for noun, cue_class in nouns.items():
        if cue_class not in CUE_CLASSES:
            raise LexiconError(f"{name}: {noun!r} has class {cue_class!r}; expected one of {', '.join(CUE_CLASSES)}")
    return nouns


CUES = cue_table()
ATTRIBUTION_NOUNS = noun_table()
