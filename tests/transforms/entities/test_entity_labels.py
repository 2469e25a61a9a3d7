"""Rule 3 (transforms.entities.labels): labels the article can correct, then majority labels.

The mentions are built as spaCy's mentions would reach the rule (text, offsets, spaCy's label), so
that the tests pin the corrections whatever the model says."""

from __future__ import annotations

import re

from transforms.entities.labels import LABEL_FIXES, PLACE_NOUNS, fix_labels
from transforms.entities.model import RawMention, paragraph_breaks, raw_mention
from transforms.entities.people import KNOWN_PEOPLE


def mentions(body: str, *tagged: tuple[str, str]) -> list[RawMention]:
    """One mention per (words, spaCy label), found left to right in `body`."""
    raws, at = [], 0
    for words, label in tagged:
        m = re.compile(rf"\b{re.escape(words)}\b").search(body, at)
        assert m, words
        raws.append(raw_mention("body", m.start(), m.end(), words, label, paragraph_breaks(body)))
        at = m.end()
    return raws


def labels_after(body: str, *tagged: tuple[str, str], known_people: dict[str, str] | None = None) -> list[str]:
    raws = mentions(body, *tagged)
    fix_labels(raws, {"body": body}, KNOWN_PEOPLE if known_people is None else known_people)
    return [r.label for r in raws]


def test_a_name_before_a_place_noun_is_a_place() -> None:
    body = "Officials in the Primorsky region said the Primorsky governor was away."
    assert labels_after(body, ("Primorsky", "ORG"), ("Primorsky", "ORG")) == ["GPE", "GPE"]
    assert "region" in PLACE_NOUNS and "oblast" in PLACE_NOUNS


def test_names_the_model_always_gets_wrong_are_fixed() -> None:
    body = "Twitter suspended the account, and Facebook followed on Tuesday."
    assert labels_after(body, ("Twitter", "PERSON"), ("Facebook", "PERSON")) == ["ORG", "ORG"]
    assert LABEL_FIXES["twitter"] == "ORG"


def test_a_word_of_a_persons_name_is_that_person() -> None:
    body = "Donald Trump spoke in Ohio. The Trump campaign said Trump would return."
    assert labels_after(body, ("Donald Trump", "PERSON"), ("Trump", "ORG"), ("Trump", "PERSON")) == [
        "PERSON",
        "PERSON",
        "PERSON",
    ]


def test_a_place_is_a_person_only_as_a_surname() -> None:
    """`Charlotte` is a first name here and stays the city; `Kasich` is a surname."""
    body = "Charlotte Brown met John Kasich. Kasich then flew to Charlotte for the rally."
    found = labels_after(
        body, ("Charlotte Brown", "PERSON"), ("John Kasich", "PERSON"), ("Kasich", "GPE"), ("Charlotte", "GPE")
    )
    assert found == ["PERSON", "PERSON", "PERSON", "GPE"]


def test_groups_and_acronyms_are_not_relabelled_as_people() -> None:
    body = "CNN Jake Tapper asked Marco Rubio about Cuban voters. CNN aired it, and Cuban exiles cheered."
    found = labels_after(
        body, ("CNN Jake Tapper", "PERSON"), ("Marco Rubio", "PERSON"), ("CNN", "ORG"), ("Cuban", "NORP")
    )
    assert found == ["PERSON", "PERSON", "ORG", "NORP"]


def test_a_known_surname_is_a_person_unless_the_article_alone_decides() -> None:
    body = "Obama signed the bill on Tuesday."
    assert labels_after(body, ("Obama", "ORG")) == ["PERSON"]
    assert labels_after(body, ("Obama", "ORG"), known_people={}) == ["ORG"]


def test_every_spelling_takes_its_majority_label_ties_going_to_the_first() -> None:
    body = "Apple said the phone would ship in May. Apple shares rose after Apple confirmed the date."
    assert labels_after(body, ("Apple", "PRODUCT"), ("Apple", "ORG"), ("Apple", "ORG")) == ["ORG"] * 3
    assert labels_after(body, ("Apple", "PRODUCT"), ("Apple", "ORG")) == ["PRODUCT"] * 2
