"""Epithets that refer back to a named person (`The Republican vice presidential nominee was
speaking` after `Laura Benning says`) give that person a role where nothing at their name does."""

from __future__ import annotations

from transforms.people.anaphora import epithet_spans


def test_a_party_epithet_as_subject_describes_the_person_the_sentence_before_named(described) -> None:
    text = ("Laura Benning says the new tariffs will cost Ohio jobs.\n\n"
            "The Republican vice presidential nominee was speaking Friday in Dayton. "
            '"We cannot afford this," Benning said.')
    assert described(text)["Laura Benning"] == ("vice presidential nominee", "Republican Party")


def test_a_possessive_epithet_refers_back_past_a_person_of_the_other_party(described) -> None:
    text = ("Democrat Ellen Marsh met the press on Tuesday.\n\n"
            "Republican Carl Odom says he will not debate her again.\n\n"
            "Marsh cited the Republican nominee's remarks about veterans as proof of his contempt. "
            '"He owes them an apology," Marsh said. "I will not," Odom said.')
    found = described(text)
    assert found["Carl Odom"][0] == "nominee"
    assert found["Ellen Marsh"][0] is None


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
