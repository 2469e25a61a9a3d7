"""Settings of attribution (transforms.quotes.reported_settings): `In the latest poll, ...` and
`In X's mind, ...`, on sentences written for these tests (fictional people)."""

from __future__ import annotations

import pytest

from tests.transforms.quotes.test_quote_reported import Quotes, indirect, quotes  # noqa: F401


def settings(rows: list) -> list[tuple[str, str | None, str | None, str | None]]:
    cues = ("poll", "survey", "mind", "eye")
    return [(q.text, q.speaker_mention, q.cue, q.cue_class) for q in indirect(rows) if q.cue in cues]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In the latest harbour poll, Mara Lindqvist led the race by nine points.",
         ("Mara Lindqvist led the race by nine points", "the latest harbour poll", "poll", "evidence")),
        ("Owen Tabb trails Mara Lindqvist by four points, in the new survey.",
         ("Owen Tabb trails Mara Lindqvist by four points", "the new survey", "survey", "evidence")),
        ("In Mara Lindqvist's mind, the bridge is already built.",
         # the mention as written, possessive and all, as for any possessor's cue (`Tabb's claim that`)
         ("the bridge is already built", "Mara Lindqvist's", "mind", "belief")),
    ],
)
def test_a_setting_attributes_its_clause(quotes: Quotes, sentence: str, expected: tuple) -> None:  # noqa: F811
    """A poll or survey bears the clause out (evidence, the poll is the source); a mind or eyes hold
    it (belief, the possessor is the source). The content is the clause without the setting."""
    assert settings(quotes(sentence)) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Owen Tabb has slipped in the polls since the summer.",  # where he slipped, not a source
        "In the mind of the crowd, the bridge was already built.",  # a mind without a possessor
        "In a new poll, most residents say the bridge should be rebuilt.",  # the verb has the statement
    ],
)
def test_no_setting(quotes: Quotes, sentence: str) -> None:  # noqa: F811
    assert settings(quotes(sentence)) == []


def test_a_setting_of_a_reporting_verb_leaves_the_row_to_the_verb(quotes: Quotes) -> None:  # noqa: F811
    rows = indirect(quotes("In a new poll, most residents say the bridge should be rebuilt."))
    assert [(q.text, q.cue, q.speaker_mention) for q in rows] == [
        ("the bridge should be rebuilt", "say", "most residents")]
