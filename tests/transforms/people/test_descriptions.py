"""Roles and affiliations from the words around a name: premodifiers, party tags, appositions, for/of/at."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "speaker", "expected"), [
    # premodifiers
    ("Kremlin spokesman Dmitry Peskov said the talks would go on.", "Dmitry Peskov", ("spokesman", "Kremlin")),
    ("White House press secretary Josh Earnest said at a briefing Monday that the president would veto it.",
     "Josh Earnest", ("press secretary", "White House")),
    ("French President François Hollande said Friday that Europe must act.", "François Hollande",
     ("president", "France")),
    # the first role of a run: not the title right before the name
    ("Republican vice-presidential nominee Gov. Mike Pence said on Friday that the race was close.",
     "Mike Pence", ("vice-presidential nominee", "Republican Party")),
    # party-state tags outrank a premodifier's place
    ("Sen. Ted Cruz (R-Texas) said he would vote against the bill.", "Ted Cruz", ("senator", "Republican Party")),
    ("Senate Minority Leader Harry Reid (D-Nev.) said the vote was a sham.", "Harry Reid",
     ("minority leader", "Democratic Party")),
    # appositions, after and before the name, with for/of/at objects and possessives
    ('"We are concerned," said Matthew Miller, a spokesman for the State Department.', "Matthew Miller",
     ("spokesman", "State Department")),
    ("Dmitry Peskov, the Kremlin's spokesman, told reporters that nothing had changed.", "Dmitry Peskov",
     ("spokesman", "Kremlin")),
    ('"It is a fraud," said Alan Cole, an economist at the Tax Foundation.', "Alan Cole",
     ("economist", "Tax Foundation")),
    ('Apple\'s chief executive, Tim Cook, called the ruling "total political crap."', "Tim Cook",
     ("chief executive", "Apple")),
    # a party word as the apposition's head
    ("Charles E. Grassley, Republican of Iowa, said the program was abused.", "Charles E. Grassley",
     (None, "Republican Party")),
    # where a person is based is no affiliation
    ("Angelique Brunner, a Washington-based developer, said the rules were clear.", "Angelique Brunner",
     ("developer", None)),
])
def test_a_speaker_is_described_by_the_words_around_the_name(described, text, speaker, expected) -> None:
    assert described(text)[speaker] == expected


def test_names_in_a_list_share_the_plural_title_and_keep_their_own_party(described) -> None:
    found = described("Sens. Jon Tester (D-Mont.) and David Vitter (R-La.) said the bank had broken the law.")
    assert found.get("Jon Tester") == ("senator", "Democratic Party")
    later = "Vitter said the bank must be broken up. Sens. Jon Tester (D-Mont.) and David Vitter (R-La.) agreed."
    assert described(later).get("David Vitter") == ("senator", "Republican Party")


def test_an_unnamed_speaker_keeps_the_description_it_is_named_by(described) -> None:
    found = described("A senior administration official said the deal was close.")
    assert list(found.values()) == [("senior administration official", None)]


def test_a_name_with_no_description_has_none(described) -> None:
    found = described('"We will win," Jane Holloway said on Tuesday.')
    assert found == {"Jane Holloway": (None, None)}
