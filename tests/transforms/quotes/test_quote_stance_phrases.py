"""Stances that `in favor of`, `in support of` and the like give (transforms.quotes.stance_phrases):
`Tabb voted in favor of the levy` reports the levy as what Tabb stands for."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import MARA, OWEN, reported_rows
from transforms.lexicon import LexiconError
from transforms.quotes.stance_phrases import stance_table


def _rows(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return reported_rows(nlp, text, OWEN, MARA)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("Owen Tabb voted in favor of the harbour levy.", ("favor", "the harbour levy", "Owen Tabb")),
        ("Mara Lindqvist has spoken out in support of the ferry.", ("support", "the ferry", "Mara Lindqvist")),
        ("Mara Lindqvist was always in favor of strict rules.", ("favor", "strict rules", "Mara Lindqvist")),
    ],
)
def test_the_object_of_a_stance_phrase_is_the_verbs_subjects_stance(
    nlp: Language, text: str, row: tuple[str, str, str]
) -> None:
    assert row in _rows(nlp, text)


def test_a_stance_phrase_on_a_noun_names_no_holder(nlp: Language) -> None:
    assert not any(cue == "support" for cue, _, _ in _rows(nlp, "A rally in support of Owen Tabb drew crowds."))


def test_a_malformed_stance_row_names_its_line() -> None:
    with pytest.raises(LexiconError, match=":1:"):
        stance_table(text="favor\tof\topinion\n")


def test_a_stance_noun_defined_twice_names_its_second_line() -> None:
    """As in the other cue tables: a second row for the same noun would silently replace the first."""
    with pytest.raises(LexiconError, match=r":2: 'favor' is already defined above"):
        stance_table(text="favor\tof\tbelief\nfavor\tagainst\tbelief\n")


@pytest.mark.parametrize(
    ("row", "value"),
    [("favor\tof the\tbelief", "of the"), ("fa vor\tof\tbelief", "fa vor"), ("Favor\tof\tbelief", "Favor")],
)
def test_a_stance_noun_or_preposition_that_no_token_can_match_names_its_line(row: str, value: str) -> None:
    with pytest.raises(LexiconError, match=rf":2: '{value}' is not one lower-case word"):
        stance_table(text=f"support\tof\tbelief\n{row}\n")
