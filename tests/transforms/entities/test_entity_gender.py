"""Gender hints of rule 6 (transforms.entities.gender): titles, kinship words and pronouns that tell
people who share a surname apart."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from transforms.entities.gender import GENDER_WORDS, person_genders, pronoun_gender, title_gender
from transforms.entities.model import raw_mention


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def before(blank: Language, text: str, name: str) -> str:
    """The gender hint of the words right before `name` in `text`, as the mentions rule reads it."""
    doc = blank(text)
    start = doc.char_span(text.index(name), text.index(name) + len(name))
    assert start is not None
    return title_gender(doc[max(0, start.start - 6) : start.start])


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Her husband, Bill Clinton, campaigned in Ohio.", "Bill Clinton", "m"),
        ("Mrs. Clinton said the campaign was going well.", "Clinton", "f"),
        ("Reporters asked Mr. Haddad about the visit.", "Haddad", "m"),
        ("His sister, the late Anna Haddad, was a teacher.", "Anna Haddad", "f"),
        ("Ms. Senator Warren spoke first.", "Warren", "f"),  # a title between the word and the name
        ("Supporters will miss Clinton in Iowa.", "Clinton", ""),  # the verb, not the title
        ("Miss Haddad won the prize.", "Haddad", "f"),
        ("The son of a farmer, Tom Haddad ran for mayor.", "Tom Haddad", ""),  # other words in between
        ("Bill Clinton spoke first.", "Bill Clinton", ""),
    ],
)
def test_a_title_or_kinship_word_before_a_name(blank: Language, text: str, name: str, gender: str) -> None:
    assert before(blank, text, name) == gender


def test_the_first_pronoun_after_a_mention_in_its_sentence() -> None:
    text = "Clinton said she would win. He disagreed."
    assert pronoun_gender(text, len("Clinton")) == "f"
    text = "Clinton said the race was close. She would win."
    assert pronoun_gender(text, len("Clinton")) == ""  # the sentence ends first
    text = "Haddad thanked his supporters and her family."
    assert pronoun_gender(text, len("Haddad")) == "m"


def test_people_get_the_gender_their_full_name_mentions_show() -> None:
    """Titles and kinship words count twice, a pronoun once; the titled are the surer cases."""
    text = (
        "Hillary Clinton spoke in Iowa, and she promised jobs. Her husband, Bill Clinton, said she would win. "
        "Omar Haddad's lawyer said she would appeal. Omar Haddad said he would return."
    )
    people = []
    for name, gender in (("Hillary Clinton", ""), ("Bill Clinton", "m"), ("Omar Haddad", ""), ("Omar Haddad", "")):
        start = text.index(name, people[-1].end if people else 0)
        r = raw_mention("body", start, start + len(name), name, "PERSON", [])
        r.key, r.gender = name.casefold(), gender
        people.append(r)
    head = {"hillary clinton": "hillary clinton", "bill clinton": "bill clinton", "omar haddad": "omar haddad"}
    gender, sure = person_genders(people, head, {"body": text})
    assert gender == {"hillary clinton": "f", "bill clinton": "m"}  # Haddad: `she` (his lawyer), `he`: a tie
    assert sure == {"bill clinton"}


def test_the_gender_words_table_gives_f_or_m() -> None:
    assert GENDER_WORDS["mrs"] == "f" and GENDER_WORDS["husband"] == "m"
    assert set(GENDER_WORDS.values()) == {"f", "m"}
