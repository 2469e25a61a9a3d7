"""Rules 1 and 2 (transforms.entities.mentions): spaCy entities as mentions, trimmed to the name.

Most Docs here are tokenised by spaCy and tagged by hand (tags and entities as the small model
gives them at times), so that the tests pin the trimming, not the model; one test runs the model."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from transforms.entities.mentions import spacy_mentions
from transforms.entities.model import RawMention


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def tagged(blank: Language, text: str, tags: str, ents: list[tuple[str, str]]) -> Doc:
    """`text` tokenised by spaCy, with a fine-grained tag per token (space-separated, `_SP` for a
    whitespace token) and the entities given as (words, label), found left to right in the text."""
    doc = blank(text)
    tag_list = tags.split()
    assert [t.text for t in doc] and len(tag_list) == len(doc), [t.text for t in doc]
    for token, tag in zip(doc, tag_list, strict=True):
        token.tag_ = tag
    spans, at = [], 0
    for words, label in ents:
        start = text.index(words, at)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None, words
        spans.append(span)
        at = start + len(words)
    doc.ents = spans
    return doc


def mentions_of(docs: dict[str, Doc], image_credit: str | None = None) -> list[RawMention]:
    texts = {fld: doc.text for fld, doc in docs.items()}
    raws = spacy_mentions(docs, texts, image_credit)
    for r in raws:
        assert texts[r.field][r.start : r.end] == r.text, r
    return raws


def found(raws: list[RawMention]) -> list[tuple[str, str]]:
    return [(r.text, r.label) for r in raws]


def test_articles_titles_and_possessives_are_trimmed(blank: Language) -> None:
    doc = tagged(
        blank,
        "The White House said President Vladimir Putin met North Korea's leader.",
        "DT NNP NNP VBD NNP NNP NNP VBD NNP NNP POS NN .",
        [("The White House", "ORG"), ("President Vladimir Putin", "PERSON"), ("North Korea's", "GPE")],
    )
    raws = mentions_of({"body": doc})
    assert found(raws) == [("White House", "ORG"), ("Vladimir Putin", "PERSON"), ("North Korea", "GPE")]
    putin = raws[1]
    assert putin.start == doc.text.index("Vladimir")
    assert putin.tags == ("NNP", "NNP") and not putin.capitalised


def test_lower_case_words_go_but_name_particles_stay(blank: Language) -> None:
    doc = tagged(
        blank,
        "The mayor, de Blasio, met the former senator Hillary Clinton.",
        "DT NN , FW NNP , VBD DT JJ NN NNP NNP .",
        [("de Blasio", "PERSON"), ("former senator Hillary Clinton", "PERSON")],
    )
    assert found(mentions_of({"body": doc})) == [("de Blasio", "PERSON"), ("Hillary Clinton", "PERSON")]


def test_a_person_ends_at_a_possessive_or_a_number(blank: Language) -> None:
    doc = tagged(
        blank,
        "Polls showed Donald Trump's America ahead and Ted Cruz 1 point behind.",
        "NNS VBD NNP NNP POS NNP RB CC NNP NNP CD NN RB .",
        [("Donald Trump's America", "PERSON"), ("Ted Cruz 1", "PERSON")],
    )
    assert found(mentions_of({"body": doc})) == [("Donald Trump", "PERSON"), ("Ted Cruz", "PERSON")]


def test_a_span_splits_at_brackets_and_stops_at_a_paragraph_break(blank: Language) -> None:
    doc = tagged(
        blank,
        "The report by the World Health Organization (WHO) reached Angela Marsh\n\nBerlin was quiet.",
        "DT NN IN DT NNP NNP NNP -LRB- NNP -RRB- VBD NNP NNP _SP NNP VBD JJ .",
        [("the World Health Organization (WHO", "ORG"), ("Angela Marsh\n\nBerlin", "PERSON")],
    )
    raws = mentions_of({"body": doc})
    assert found(raws) == [("World Health Organization", "ORG"), ("WHO", "ORG"), ("Angela Marsh", "PERSON")]


def test_a_name_stops_at_an_unpaired_quotation_mark_but_keeps_a_nickname(blank: Language) -> None:
    doc = tagged(
        blank,
        "“We won.” ― Nadia Ferrante “Nobody asked.” Dwayne “The Rock” Johnson agreed.",
        "`` PRP VBD . '' : NNP NNP `` NN VBD . '' NNP `` DT NNP '' NNP VBD .",
        [("Nadia Ferrante “Nobody", "PERSON"), ("Dwayne “The Rock” Johnson", "PERSON")],
    )
    assert found(mentions_of({"body": doc})) == [
        ("Nadia Ferrante", "PERSON"), ("Dwayne “The Rock” Johnson", "PERSON"),
    ]


def test_the_state_of_secretary_of_state_and_dates_are_not_mentions(blank: Language) -> None:
    doc = tagged(
        blank,
        "Secretary of State John Kerry flew to Geneva on Monday.",
        "NNP IN NNP NNP NNP VBD IN NNP IN NNP .",
        [("State", "ORG"), ("John Kerry", "PERSON"), ("Geneva", "GPE"), ("Monday", "DATE")],
    )
    assert found(mentions_of({"body": doc})) == [("John Kerry", "PERSON"), ("Geneva", "GPE")]


def test_an_adjective_tagged_as_a_place_names_its_people(blank: Language) -> None:
    doc = tagged(
        blank,
        "Ukrainian supplies reached Kyiv.",
        "JJ NNS VBD NNP .",
        [("Ukrainian", "GPE"), ("Kyiv", "GPE")],
    )
    assert found(mentions_of({"body": doc})) == [("Ukrainian", "NORP"), ("Kyiv", "GPE")]


def test_the_image_credit_is_never_a_mention(blank: Language) -> None:
    doc = tagged(
        blank,
        "Photographs by Reuters / Reuters were shown in Berlin.",
        "NNS IN NNP , NNP VBD VBN IN NNP .",
        [("Reuters / Reuters", "ORG"), ("Berlin", "GPE")],
    )
    assert found(mentions_of({"body": doc}, "Reuters / Reuters")) == [("Berlin", "GPE")]
    assert found(mentions_of({"body": doc}, "REUTERS / REUTERS ")) == [("Berlin", "GPE")]
    assert found(mentions_of({"body": doc})) == [("Reuters / Reuters", "ORG"), ("Berlin", "GPE")]


def test_mentions_come_in_reading_order_with_a_gender_hint(blank: Language) -> None:
    body = tagged(
        blank,
        "Her husband, Bill Clinton, spoke after Mrs. Clinton.",
        "PRP$ NN , NNP NNP , VBD IN NNP NNP .",
        [("Bill Clinton", "PERSON"), ("Mrs. Clinton", "PERSON")],
    )
    headline = tagged(blank, "Clinton returns to Iowa", "NNP VBZ IN NNP", [("Clinton", "PERSON"), ("Iowa", "GPE")])
    raws = mentions_of({"body": body, "headline": headline})
    assert [(r.field, r.text, r.gender) for r in raws] == [
        ("headline", "Clinton", ""),
        ("headline", "Iowa", ""),
        ("body", "Bill Clinton", "m"),
        ("body", "Clinton", "f"),
    ]
    assert raws[0].capitalised  # a headline is title case: a capital there says nothing


def test_model_mentions_hold_the_name_only(nlp: Language) -> None:
    """The small model's own entities for a typical news paragraph."""
    body = nlp(
        "North Korea's leader travelled by train. The White House said it was watching, and the Kremlin "
        "said talks with North Korea would go ahead."
    )
    raws = mentions_of({"body": body})
    texts = [r.text for r in raws]
    assert "North Korea" in texts and "White House" in texts and "Kremlin" in texts
    assert not any(t.lower().startswith("the ") or t.endswith("'s") for t in texts)
