"""Epithets that refer back to a named person (`The Republican vice presidential nominee was
speaking` after `Laura Benning says`) give that person a role where nothing at their name does."""

from __future__ import annotations

from transforms.people.anaphora import epithet_spans


def test_a_party_epithet_as_subject_describes_the_person_the_sentence_before_named(described) -> None:
    text = ("Laura Benning says the new tariffs will cost Ohio jobs.\n\n"
            "The Republican vice presidential nominee was speaking Friday in Dayton. "
            '"We cannot afford this," Benning said.')
    assert described(text)["Laura Benning"] == ("vice presidential nominee", "Republican Party")


def test_a_possessive_subject_epithet_describes_the_person_named_before(described) -> None:
    text = ("Carl Odom says he will not debate Ellen Marsh again.\n\n"
            "The Republican nominee's campaign called the last debate rigged. "
            '"It was a setup," Odom said.')
    assert described(text)["Carl Odom"][0] == "nominee"


def test_an_epithet_of_the_other_party_is_nobody(described) -> None:
    text = ("Democrat Ellen Marsh met the press on Tuesday.\n\n"
            "Ellen Marsh says she will debate again.\n\n"
            "The Republican nominee was in Ohio on Friday. "
            '"I will win," Marsh said.')
    assert described(text)["Ellen Marsh"] == (None, "Democratic Party")


def test_an_object_or_a_clause_inside_is_no_epithet(nlp) -> None:
    doc = nlp("Carl Odom attacked the Democratic nominee. He spoke as the Democratic nominee looked on.")
    assert epithet_spans(doc, {}) == []


def test_an_epithet_with_a_name_in_apposition_is_read_at_the_name(described) -> None:
    text = ("Humayun Odom says his son died a hero.\n\n"
            "The Republican vice presidential nominee, Gov. Mike Pence of Indiana, may be in Ohio. "
            '"He served," Odom said.')
    assert described(text)["Humayun Odom"] == (None, None)


def test_a_person_with_a_role_of_another_kind_is_not_what_the_epithet_names(people) -> None:
    text = ("Spokeswoman Ana Ortiz said the rally would go ahead.\n\n"
            "The Republican nominee was speaking Friday in Toledo.")
    _, quotes, facts = people(text)
    roles = {q.speaker: d.role for q, d in zip(quotes, facts.quotes, strict=True)}
    assert roles["Ana Ortiz"] == "spokeswoman"


def test_a_gendered_epithet_does_not_refer_to_a_woman(described) -> None:
    text = ("Karen Pell says the plant will close. She spoke in Akron.\n\n"
            "The Texas businessman says the plant will stay open.")
    found = described(text)
    assert found["Karen Pell"] == (None, None)


def test_what_someone_will_be_is_no_epithet(nlp) -> None:
    doc = nlp("Mark Hollis said he would be the next Republican president. The Ohio governor disagreed.")
    spans = [s.text for s in epithet_spans(doc, {})]
    assert spans == ["The Ohio governor"]


def test_an_epithet_needs_words_that_say_which_one(nlp) -> None:
    doc = nlp("The tall officer stopped the car. The former secretary of state said nothing.")
    assert [s.text for s in epithet_spans(doc, {})] == ["The former secretary of state"]


def test_a_title_before_a_name_is_no_epithet(nlp) -> None:
    doc = nlp("The Republican nominee Donald Barker spoke on Friday.")
    assert epithet_spans(doc, {}) == []


def test_an_epithet_of_another_or_a_future_holder_of_the_role_is_nobody(described) -> None:
    # `the other`, `the next`, `the eventual` nominee is not the person the sentence before named
    for words in ("other", "next", "eventual", "previous"):
        text = ("Laura Benning says the tariffs will cost Ohio jobs.\n\n"
                f"The {words} Republican nominee was speaking in Dayton on Friday. "
                '"We cannot afford this," Benning said.')
        assert described(text)["Laura Benning"] == (None, None), words
