"""Rule 5 (transforms.entities.acronyms): `Expansion (ACR)` defines an acronym, and every `ACR` of
the article is a mention of the expansion."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from transforms.entities.acronyms import acronym_mentions, defined_acronyms
from transforms.entities.model import RawMention, paragraph_breaks, raw_mention

BODY = (
    "The Korean Central News Agency (KCNA) said Kim Jong-un had arrived in Vladivostok.\n\n"
    "KCNA later showed him at the station, and KCNA footage was aired in Seoul."
)


@pytest.fixture(scope="module")
def blank() -> Language:
    """Tokens only: the acronym rule reads the text and the token boundaries."""
    return spacy.blank("en")


def mention(text: str, words: str, label: str, fld: str = "body") -> RawMention:
    start = text.index(words)
    return raw_mention(fld, start, start + len(words), words, label, paragraph_breaks(text))


def test_a_bracketed_acronym_after_a_name_is_defined() -> None:
    raws = [mention(BODY, "Korean Central News Agency", "ORG"), mention(BODY, "Kim Jong-un", "PERSON")]
    assert defined_acronyms({"body": BODY}, raws) == {"KCNA": "korean central news agency"}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Agents of the Federal Bureau of Investigation (FBI) arrived.", "Federal Bureau of Investigation", "FBI"),
        ("The report by the World Health Organization ( WHO ) was published.", "World Health Organization", "WHO"),
        ("Sen. Ted Cruz (R-Tex.) spoke in Des Moines.", "Ted Cruz", None),  # a party and state
        ("A photograph of Vladimir Putin (AFP) was shown.", "Vladimir Putin", None),  # a credit
        ("Officials of the Justice Department (DOJ) declined to comment.", "Justice Department", None),
        ("Hillary Clinton (HRC) spoke in Iowa.", "Hillary Clinton", None),  # no `R` among the initials
        ("Hillary Rodham Clinton (HRC) spoke in Iowa.", "Hillary Rodham Clinton", "HRC"),
    ],
)
def test_the_capitals_must_be_the_names_initials_in_order(text: str, name: str, expected: str | None) -> None:
    found = defined_acronyms({"body": text}, [mention(text, name, "ORG")])
    assert found == ({expected: name.casefold()} if expected else {})


def test_every_occurrence_of_a_defined_acronym_is_a_mention(blank: Language) -> None:
    headline = "KCNA says Kim arrived in Russia"
    docs = {"headline": blank(headline), "body": blank(BODY)}
    texts = {"headline": headline, "body": BODY}
    raws = [mention(BODY, "Korean Central News Agency", "ORG"), mention(BODY, "Vladivostok", "GPE")]
    acronyms = defined_acronyms(texts, raws)
    extra = acronym_mentions(docs, texts, raws, acronyms)
    assert [(r.field, r.text, r.label) for r in extra] == [("headline", "KCNA", "ORG")] + [("body", "KCNA", "ORG")] * 3
    for r in extra:
        assert texts[r.field][r.start : r.end] == "KCNA"
    assert [r.paragraph for r in extra] == [(0, 0), (2, 0), (2, 1), (2, 1)]


def test_an_acronym_already_tagged_is_not_a_second_mention(blank: Language) -> None:
    raws = [mention(BODY, "Korean Central News Agency", "ORG"), mention(BODY, "KCNA", "ORG")]
    acronyms = defined_acronyms({"body": BODY}, raws)
    extra = acronym_mentions({"body": blank(BODY)}, {"body": BODY}, raws, acronyms)
    assert [r.start for r in extra] == [BODY.index("KCNA later"), BODY.index("KCNA footage")]
    assert acronym_mentions({"body": blank(BODY)}, {"body": BODY}, raws, {}) == []
