"""Rules 6 and 7 (transforms.entities.people): words glued to names, full names of one person, short
forms pointed at the person they name, and the few surnames news uses for one person (KNOWN_PEOPLE).

Mentions are built as the earlier rules hand them over (trimmed PERSON mentions, keyed by spelling,
with spaCy's tags and the gender a title before them gives); the people are fictional unless known."""

from __future__ import annotations

from collections.abc import Mapping

from transforms.entities.model import RawMention, paragraph_breaks, raw_mention
from transforms.entities.names import canonical_names, spelling_key
from transforms.entities.people import KNOWN_PEOPLE, drop_stray_words, resolve_people


def people(text: str, *spelled: str | tuple[str, dict[str, object]]) -> list[RawMention]:
    """PERSON mentions of the names given, found left to right in `text`; a name may come with
    attributes to set (`{"gender": "f"}` after `Mrs.`, `{"tags": ("NN", "NNP")}`)."""
    raws: list[RawMention] = []
    for item in spelled:
        words, attrs = (item, {}) if isinstance(item, str) else item
        start = text.index(words, raws[-1].end if raws else 0)
        r = raw_mention("body", start, start + len(words), words, "PERSON", paragraph_breaks(text))
        r.key, r.tags = spelling_key(words), ("NNP", "NNP")
        for attr, value in attrs.items():
            setattr(r, attr, value)
        raws.append(r)
    return raws


def resolved(text: str, raws: list[RawMention], known_people: Mapping[str, str] = KNOWN_PEOPLE) -> list[str]:
    """The name each mention ends up with after rule 6 and 7."""
    names = canonical_names(raws)
    resolve_people(raws, names, known_people, {"body": text})
    return [names[r.key][0] for r in raws]


def test_short_forms_are_the_person_named_in_full() -> None:
    text = "Tony Blair met Vladimir Putin in London. Blair said the talks went well, and Putin agreed."
    raws = people(text, "Tony Blair", "Vladimir Putin", "Blair", "Putin")
    assert resolved(text, raws, known_people={}) == ["Tony Blair", "Vladimir Putin", "Tony Blair", "Vladimir Putin"]


def test_longer_and_shorter_full_names_are_one_person_named_by_the_shortest() -> None:
    text = "Margaret Anne Holloway won the seat. Margaret Holloway thanked voters, and Holloway smiled."
    raws = people(text, "Margaret Anne Holloway", "Margaret Holloway", "Holloway")
    assert resolved(text, raws) == ["Margaret Holloway"] * 3


def test_a_full_name_ending_one_longer_name_is_a_compound_surname() -> None:
    text = "The chair, Maria Ortega Salas, spoke on Monday. Ortega Salas said the budget was fair."
    raws = people(text, "Maria Ortega Salas", "Ortega Salas")
    assert resolved(text, raws) == ["Maria Ortega Salas"] * 2


def test_a_one_word_short_form_is_a_surname_before_it_is_a_first_name() -> None:
    """`Trump` is Donald Trump, not `Trump Tower` (which the small model tags PERSON at times),
    though named first; `Kim` has no full name ending in it, so it is the first name of Kim Jong-un."""
    text = (
        "Reporters gathered at Trump Tower on Monday.\n\nDonald Trump met Kim Jong-un in Ohio.\n\n"
        "Trump said Kim was welcome."
    )
    raws = people(text, "Trump Tower", "Donald Trump", "Kim Jong-un", "Trump", "Kim")
    assert resolved(text, raws, known_people={}) == [
        "Trump Tower",
        "Donald Trump",
        "Kim Jong-un",
        "Donald Trump",
        "Kim Jong-un",
    ]


def test_a_son_is_not_his_father() -> None:
    text = "Donald Trump Jr. spoke on Tuesday. Donald Trump spoke on Wednesday."
    assert resolved(text, people(text, "Donald Trump Jr.", "Donald Trump")) == ["Donald Trump Jr.", "Donald Trump"]


def test_a_shared_surname_goes_by_gender_then_paragraph_then_first_named() -> None:
    text = (
        "Hillary Clinton spoke in Iowa.\n\n"
        "Her husband, Bill Clinton, campaigned in Ohio. Clinton told voters he missed the road.\n\n"
        "Aides said Clinton would debate next week."
    )
    raws = people(text, "Hillary Clinton", ("Bill Clinton", {"gender": "m"}), "Clinton", "Clinton")
    assert resolved(text, raws) == ["Hillary Clinton", "Bill Clinton", "Bill Clinton", "Hillary Clinton"]


def test_a_title_of_the_other_sex_keeps_a_namesake_apart() -> None:
    text = "Mr. Omar Haddad, a pastor, was detained in March.\n\nMrs. Haddad said she would keep campaigning."
    raws = people(text, ("Omar Haddad", {"gender": "m"}), ("Haddad", {"gender": "f"}))
    assert resolved(text, raws) == ["Omar Haddad", "Mrs. Haddad"]


def test_a_bare_surname_without_a_full_name_keeps_its_spelling() -> None:
    text = "Reporters asked Grimsby about the budget, and Grimsby declined to comment."
    assert resolved(text, people(text, "Grimsby", "Grimsby")) == ["Grimsby", "Grimsby"]


def test_a_known_surname_is_the_known_person_unless_a_title_says_otherwise() -> None:
    text = "Michelle Obama spoke in Chicago. Obama praised the speech, and Mrs. Obama thanked the crowd."
    raws = people(text, "Michelle Obama", "Obama", ("Obama", {"gender": "f"}))
    assert resolved(text, raws) == ["Michelle Obama", "Barack Obama", "Michelle Obama"]
    raws = people(text, "Michelle Obama", "Obama", ("Obama", {"gender": "f"}))
    assert resolved(text, raws, known_people={}) == ["Michelle Obama"] * 3


def test_a_known_person_has_one_spelling_in_every_article() -> None:
    text = "Donald J. Trump met Joseph R. Biden, Jill Biden and Melania Trump."
    spelled = ("Donald J. Trump", "Joseph R. Biden", "Jill Biden", "Melania Trump")
    assert resolved(text, people(text, *spelled)) == ["Donald Trump", "Joe Biden", "Jill Biden", "Melania Trump"]
    assert resolved(text, people(text, *spelled), known_people={}) == list(spelled)


def test_words_glued_to_a_name_are_dropped_with_their_offsets() -> None:
    text = (
        "Billionaire Donald Trump spoke. Donald Trump won. Injecting Clinton into the race, Obama Says, "
        "helps Clinton and Obama. Debbie Wasserman Schultz and Wasserman Schultz agreed."
    )
    raws = people(
        text,
        ("Billionaire Donald Trump", {"tags": ("NN", "NNP")}),
        "Donald Trump",
        ("Injecting Clinton", {"tags": ("VBG", "NNP")}),
        ("Obama Says", {"tags": ("NNP", "VBZ")}),
        "Clinton",
        "Obama",
        "Debbie Wasserman Schultz",
        "Wasserman Schultz",
    )
    drop_stray_words(raws, KNOWN_PEOPLE)
    assert [r.text for r in raws] == [
        "Donald Trump",
        "Donald Trump",
        "Clinton",
        "Obama",
        "Clinton",
        "Obama",
        "Debbie Wasserman Schultz",
        "Wasserman Schultz",
    ]
    for r in raws:
        assert text[r.start : r.end] == r.text and r.key == spelling_key(r.text)


def test_known_people_are_keyed_by_the_lower_case_surname() -> None:
    assert KNOWN_PEOPLE["obama"] == "Barack Obama"
    assert KNOWN_PEOPLE["xi"] == "Xi Jinping"  # the family name first
    assert all(key in spelling_key(name).split() for key, name in KNOWN_PEOPLE.items())


def test_the_arabic_article_of_a_family_name_is_spelling() -> None:
    # `Hamid al-Rashid`, then `Rashid` and `al-Rashid`: one person, as `Hamid Rashid` is
    text = "Hamid al-Rashid met the envoy in Amman. Rashid said the talks went well; al-Rashid later left."
    raws = people(text, "Hamid al-Rashid", "Rashid", "al-Rashid")
    assert resolved(text, raws, known_people={}) == ["Hamid al-Rashid"] * 3
    text = "Nabil el-Araby spoke first. Nabil Araby then took questions, and Araby smiled."
    raws = people(text, "Nabil el-Araby", "Nabil Araby", "Araby")
    assert len(set(resolved(text, raws, known_people={}))) == 1
