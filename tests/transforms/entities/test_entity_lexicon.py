"""The entity rules' word tables (transforms/lexicon/*.txt, *.tsv): each loads into the constant its
rule reads, the shipped entries are well formed, and a malformed line a newsroom might add is
reported with its file and line."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from itertools import takewhile

import pytest

from transforms.entities.gender import GENDER_WORDS
from transforms.entities.labels import LABEL_FIXES, PLACE_NOUNS
from transforms.entities.mentions import NAME_PARTICLES
from transforms.entities.model import ENTITY_LABELS
from transforms.entities.names import ALIASES, NAME_SUFFIXES, TITLE_WORDS, US_STATES, spelling_key
from transforms.entities.people import KNOWN_PEOPLE
from transforms.lexicon import LexiconError, mapping, table, word_list

Loader = Callable[[str | None], object]

# file -> how its rule reads it (`text` stands in for the file's contents) and what the rule holds
TABLES: dict[str, tuple[Loader, object]] = {
    "entity_labels.txt": (lambda text: tuple(table("entity_labels.txt", 1, text=text)), ENTITY_LABELS),
    "person_titles.txt": (lambda text: word_list("person_titles.txt", text=text), TITLE_WORDS),
    "name_particles.txt": (lambda text: word_list("name_particles.txt", text=text), NAME_PARTICLES),
    "name_suffixes.txt": (lambda text: word_list("name_suffixes.txt", text=text), NAME_SUFFIXES),
    "place_nouns.txt": (lambda text: word_list("place_nouns.txt", text=text), PLACE_NOUNS),
    "gender_words.tsv": (lambda text: mapping("gender_words.tsv", text=text), GENDER_WORDS),
    "label_fixes.tsv": (lambda text: mapping("label_fixes.tsv", text=text), LABEL_FIXES),
    "aliases.tsv": (lambda text: table("aliases.tsv", 3, text=text), ALIASES),
    "known_people.tsv": (lambda text: mapping("known_people.tsv", text=text), KNOWN_PEOPLE),
    "us_state_abbreviations.tsv": (lambda text: mapping("us_state_abbreviations.tsv", text=text), US_STATES),
}


def contents(name: str) -> str:
    return (resources.files("transforms.lexicon") / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_table_loads_into_the_constant_its_rule_reads(name: str) -> None:
    load, constant = TABLES[name]
    assert load(None) == constant == load(contents(name))
    assert constant


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_table_starts_by_saying_what_it_is_and_how_to_extend_it(name: str) -> None:
    header = "\n".join(takewhile(lambda line: line.startswith("#"), contents(name).splitlines()))
    assert header.startswith("# ") and header.count("\n") >= 4, name
    for said in ("Format:", "To extend", "transforms.entities"):
        assert said in header, (name, said)


def test_the_shipped_entries_are_what_the_rules_compare_against() -> None:
    """Rules compare lower-case words without a final full stop, and normalised spellings."""
    for words in (TITLE_WORDS, NAME_PARTICLES, NAME_SUFFIXES, PLACE_NOUNS, set(GENDER_WORDS)):
        assert all(w == w.lower() and not w.endswith(".") for w in words)
    assert set(GENDER_WORDS.values()) == {"f", "m"}
    assert all(spelling_key(key) == key for key in ALIASES)
    assert all(spelling_key(key) == key for key in LABEL_FIXES)
    assert {label for _, label in ALIASES.values()} | set(LABEL_FIXES.values()) <= set(ENTITY_LABELS)
    assert all(abbreviation.endswith(".") for abbreviation in US_STATES)
    assert all(key in spelling_key(name).split() for key, name in KNOWN_PEOPLE.items())


def test_the_tables_hold_the_examples_the_rules_document() -> None:
    assert ALIASES["us"] == ALIASES["america"] == ("United States", "GPE")
    assert ALIASES["gop"] == ("Republican Party", "ORG")
    assert US_STATES["Calif."] == "California" and US_STATES["W.Va."] == "West Virginia"
    assert KNOWN_PEOPLE["biden"] == "Joe Biden"
    assert GENDER_WORDS["husband"] == "m" and GENDER_WORDS["sister"] == "f"
    assert {"mr", "president", "secretary", "sen"} <= TITLE_WORDS and "pope" not in TITLE_WORDS
    assert {"de", "van", "al"} <= NAME_PARTICLES
    assert "jr" in NAME_SUFFIXES and "region" in PLACE_NOUNS
    assert LABEL_FIXES["twitter"] == "ORG"


@pytest.mark.parametrize(
    ("name", "bad_line", "reason"),
    [
        ("person_titles.txt", "prime minister", "has a space"),
        ("name_particles.txt", "van der", "has a space"),
        ("entity_labels.txt", "DATE\tTIME", "expected 1 non-empty tab-separated fields"),
        ("gender_words.tsv", "niece f", "expected 2 non-empty tab-separated fields"),
        ("aliases.tsv", "nato\tNorth Atlantic Treaty Organization", "expected 3 non-empty tab-separated fields"),
        ("known_people.tsv", "obama\tMichelle Obama", "'obama' is already defined above"),
        ("us_state_abbreviations.tsv", "Calif.\tCalifornia\tCA", "expected 2 non-empty tab-separated fields"),
        ("label_fixes.tsv", "tiktok\t", "expected 2 non-empty tab-separated fields"),
    ],
)
def test_a_malformed_line_names_its_file_and_line(name: str, bad_line: str, reason: str) -> None:
    """A newsroom adds a line to the shipped file; loading says where it is wrong and why."""
    text = contents(name).rstrip("\n") + "\n" + bad_line + "\n"
    line = len(text.splitlines())
    load, _ = TABLES[name]
    with pytest.raises(LexiconError, match=rf"^{name}:{line}: ") as raised:
        load(text)
    assert reason in str(raised.value)
