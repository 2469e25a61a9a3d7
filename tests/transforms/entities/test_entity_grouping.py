"""Rule 8 and grouping (transforms.entities.grouping): occurrences spaCy did not tag, then one Entity
per canonical name and label with non-overlapping mentions."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from transforms.entities.grouping import group_entities, untagged_mentions
from transforms.entities.model import Entity, Mention, RawMention, paragraph_breaks, raw_mention


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def tagged(blank: Language, text: str, tags: str, ents: list[tuple[str, str]]) -> Doc:
    """`text` tokenised by spaCy, tagged by hand (one tag per token) with the entities given as
    (words, label), found left to right."""
    doc = blank(text)
    tag_list = tags.split()
    assert len(tag_list) == len(doc), [t.text for t in doc]
    for token, tag in zip(doc, tag_list, strict=True):
        token.tag_ = tag
    spans, at = [], 0
    for words, label in ents:
        start = text.index(words, at)
        spans.append(doc.char_span(start, start + len(words), label=label))
        at = start + len(words)
    doc.ents = spans
    return doc


def keyed(text: str, *spelled: tuple[str, str], fld: str = "body", after: int = 0) -> list[RawMention]:
    """Mentions (words, the key rules 4-7 gave them), found left to right from `after`."""
    raws: list[RawMention] = []
    for words, key in spelled:
        start = text.index(words, raws[-1].end if raws else after)
        r = raw_mention(fld, start, start + len(words), words, "PERSON", paragraph_breaks(text))
        r.key = key
        raws.append(r)
    return raws


def test_an_untagged_occurrence_of_a_spelling_is_a_mention(blank: Language) -> None:
    """The model tags `Dmitry Peskov` and one `Peskov` but misses the other (it does, at times)."""
    text = "Dmitry Peskov spoke. Peskov smiled, and Peskov left."
    doc = tagged(
        blank, text, "NNP NNP VBD . NNP VBD , CC NNP VBD .", [("Dmitry Peskov", "PERSON"), ("Peskov", "PERSON")]
    )
    raws = keyed(text, ("Dmitry Peskov", "dmitry peskov"), ("Peskov", "dmitry peskov"))
    extra = untagged_mentions({"body": doc}, {"body": text}, raws)
    assert [(r.text, r.start, r.key) for r in extra] == [("Peskov", text.rindex("Peskov"), "dmitry peskov")]


def test_only_a_whole_run_of_proper_nouns_is_an_occurrence(blank: Language) -> None:
    text = "Jordan closed its border. Michael Jordan visited a Jordan-based charity, and Jordan reopened it."
    doc = tagged(
        blank,
        text,
        "NNP VBD PRP$ NN . NNP NNP VBD DT NNP HYPH VBN NN , CC NNP VBD PRP .",
        [("Jordan", "GPE")],
    )
    raws = keyed(text, ("Jordan", "jordan"))
    extra = untagged_mentions({"body": doc}, {"body": text}, raws)
    assert [r.start for r in extra] == [text.rindex("Jordan")]


def test_a_spelling_of_two_entities_is_not_searched(blank: Language) -> None:
    """`Clinton` names Hillary in the headline and Bill in the body: an untagged `Clinton` could be either."""
    headline = "Clinton leads in Iowa"
    body = "Hillary Clinton and Bill Clinton spoke. Clinton said he would stay, and Clinton agreed."
    docs = {
        "headline": tagged(blank, headline, "NNP VBZ IN NNP", [("Clinton", "PERSON"), ("Iowa", "GPE")]),
        "body": tagged(
            blank,
            body,
            "NNP NNP CC NNP NNP VBD . NNP VBD PRP MD VB , CC NNP VBD .",
            [("Hillary Clinton", "PERSON"), ("Bill Clinton", "PERSON"), ("Clinton", "PERSON")],
        ),
    }
    raws = keyed(headline, ("Clinton", "hillary clinton"), ("Iowa", "iowa"), fld="headline")
    raws += keyed(
        body, ("Hillary Clinton", "hillary clinton"), ("Bill Clinton", "bill clinton"), ("Clinton", "bill clinton")
    )
    assert untagged_mentions(docs, {"headline": headline, "body": body}, raws) == []


def test_mentions_group_into_entities_in_order_of_first_mention() -> None:
    headline, body = "Putin meets Kim", "Vladimir Putin met Kim Jong-un at the Kremlin. Putin smiled."
    raws = keyed(body, ("Vladimir Putin", "vladimir putin"), ("Kim Jong-un", "kim jong-un"))
    raws += keyed(body, ("Kremlin", "kremlin"), ("Putin", "vladimir putin"), after=raws[-1].end)
    raws += keyed(headline, ("Putin", "vladimir putin"), ("Kim", "kim jong-un"), fld="headline")
    raws += keyed(body, ("Putin", "putin"))  # inside `Vladimir Putin`: a token belongs to one entity
    names = {
        "vladimir putin": ("Vladimir Putin", "PERSON"),
        "kim jong-un": ("Kim Jong-un", "PERSON"),
        "kremlin": ("Kremlin", "ORG"),
        "putin": ("Putin", "PERSON"),
    }
    entities = group_entities(raws, names)
    at = body.rindex("Putin")
    assert entities == [
        Entity(
            "Vladimir Putin",
            "PERSON",
            [
                Mention("headline", 0, 5, "Putin"),
                Mention("body", 0, 14, "Vladimir Putin"),
                Mention("body", at, at + 5, "Putin"),
            ],
        ),
        Entity("Kim Jong-un", "PERSON", [Mention("headline", 12, 15, "Kim"), Mention("body", 19, 30, "Kim Jong-un")]),
        Entity("Kremlin", "ORG", [Mention("body", 38, 45, "Kremlin")]),
    ]


def test_keys_with_one_name_and_label_are_one_entity() -> None:
    body = "Republicans and one Republican walked out."
    raws = keyed(body, ("Republicans", "republicans"), ("Republican", "republican"))
    names = {"republicans": ("Republican", "NORP"), "republican": ("Republican", "NORP")}
    assert [(e.name, e.surface_forms) for e in group_entities(raws, names)] == [
        ("Republican", ["Republican", "Republicans"])
    ]
