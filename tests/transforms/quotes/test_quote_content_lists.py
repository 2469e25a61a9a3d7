"""A content's later members that the parse hangs on the reporting verb (transforms.quotes.content_lists):
`pledged to enact reform, fix the system and end the war` reports the whole list."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import OWEN, reported_rows


def _rows(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return reported_rows(nlp, text, OWEN)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Owen Tabb pledged to enact judicial reform, fix the broken finance system and end the war.", "pledge",
         "to enact judicial reform, fix the broken finance system and end the war"),
        ("Owen Tabb wants to double the size of the fleet, grow the crews and build a new dock.", "want",
         "to double the size of the fleet, grow the crews and build a new dock"),
        ("Owen Tabb hopes to double the fleet, hire more crews and build a new dock.", "hop",
         "to double the fleet, hire more crews and build a new dock"),
        ("Owen Tabb plans to revitalize ticket sales, then hand over the property as a park.", "plan",
         "to revitalize ticket sales, then hand over the property as a park"),
        ("Owen Tabb supports eliminating caucuses, limiting the number of delegates and binding delegates to the vote.",
         "support", "eliminating caucuses, limiting the number of delegates and binding delegates to the vote"),
    ],
)
def test_a_list_the_parse_hangs_on_the_cue_is_one_content(nlp: Language, text: str, cue: str, content: str) -> None:
    assert (cue, content, "Owen Tabb") in _rows(nlp, text)


def test_a_verb_in_the_reporting_verbs_tense_is_its_next_act(nlp: Language) -> None:
    rows = _rows(nlp, "Owen Tabb vowed to repair the pier, then praised the crews for their work.")
    assert ("vow", "to repair the pier", "Owen Tabb") in rows


def test_a_bare_verb_sharing_the_reporting_verbs_modal_is_its_own(nlp: Language) -> None:
    rows = _rows(nlp, "Owen Tabb will vow to repair the pier, then praise the crews for their work.")
    assert ("vow", "to repair the pier", "Owen Tabb") in rows


def test_a_verb_with_a_modal_after_a_clause_content_goes_on_with_it(nlp: Language) -> None:
    rows = _rows(nlp, "Owen Tabb said the workers had doubts about the plan, but could not bear to oppose the union.")
    assert ("say", "the workers had doubts about the plan, but could not bear to oppose the union", "Owen Tabb") in rows


def test_a_verb_in_the_past_after_a_clause_content_is_the_next_act(nlp: Language) -> None:
    rows = _rows(nlp, "Owen Tabb said the harbour needs repairs but refused to name the cost.")
    assert ("say", "the harbour needs repairs", "Owen Tabb") in rows
