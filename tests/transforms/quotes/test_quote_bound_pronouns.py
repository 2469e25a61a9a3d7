"""Bound pronouns (transforms.quotes.bound_pronouns): the subject pronoun of a clause under another
verb stands for that verb's subject when the two agree (`Most of the voters believe they ...`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import COUNCIL, MARA, reported_rows

FERRY_UNION = ("Ferry Union", "ORG", ["Ferry Union"])


def _speakers(nlp: Language, text: str, *specs) -> dict[str, str | None]:
    return {cue: speaker for cue, _, speaker in reported_rows(nlp, text, *specs)}


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a plural description, where the last sentences name another group
        # (speech cues under `said`: a stance there is part of what was said, nested_stances.py)
        ("The Ferry Union met on Monday. Most of the harbour pilots said they will argue that a long strike "
         "is legal.", "argue", "Most of the harbour pilots"),
        ("The Ferry Union met on Monday. Some 40 percent of the members said they would warn that a long "
         "strike is coming.", "warn", "Some 40 percent of the members"),
        # a singular thing for `it`: no entity holds `the company`
        ("The Harbour Council rejected the bid. The company said it will argue that the ruling is wrong.",
         "argue", "The company"),
    ],
)
def test_a_bound_pronoun_is_the_governing_subject(nlp: Language, text: str, cue: str, speaker: str) -> None:
    assert _speakers(nlp, text, COUNCIL, FERRY_UNION)[cue] == speaker


def test_a_pronoun_that_does_not_agree_is_left_to_the_antecedents(nlp: Language) -> None:
    # `they` is not the one person of the governing clause: the group named before
    rows = _speakers(nlp, "The Ferry Union met on Monday. Mara Lindqvist said they will argue that the strike "
                     "is legal.", MARA, FERRY_UNION)
    assert rows["argue"] == "Ferry Union"
