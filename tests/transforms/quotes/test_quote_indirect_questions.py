"""Indirect questions after the one asked (transforms.quotes.indirect_questions): `Tabb asked the
council if the harbour would close` reports the question as Tabb's."""

from __future__ import annotations

from spacy.language import Language

from tests.transforms.quotes.mentions import OWEN, reported_rows
from transforms.quotes.indirect_questions import QUESTIONING_VERBS


def _rows(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return reported_rows(nlp, text, OWEN)


def test_an_if_question_after_the_one_asked_is_the_askers(nlp: Language) -> None:
    assert ("ask", "if they were always so serious", "Owen Tabb") in _rows(
        nlp, "Then Owen Tabb asked the students if they were always so serious."
    )


def test_if_after_another_verb_stays_a_condition(nlp: Language) -> None:
    assert "back" not in QUESTIONING_VERBS
    # `if` after the object opens a condition of the backing, not its content
    assert _rows(nlp, "Owen Tabb will back the plan if the council agrees.") == [("back", "the plan", "Owen Tabb")]
