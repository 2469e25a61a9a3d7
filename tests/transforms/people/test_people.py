"""describe_people on the seed article: roles, affiliations and genders exactly as its words give them."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import SEED
from transforms.article import parse_article
from transforms.clean import clean_text, decode_bytes
from transforms.entities import extract_entities
from transforms.nlp import annotate
from transforms.people import describe_people
from transforms.quotes import extract_quotes


@pytest.fixture(scope="module")
def seed(nlp):
    article = parse_article(clean_text(decode_bytes(SEED.read_bytes())), datetime.date(2026, 11, 30))
    docs = next(annotate(nlp, [article]))
    entities = extract_entities(docs, article.image_credit)
    quotes = extract_quotes(docs, entities)
    return entities, quotes, describe_people(docs, entities, quotes)


def test_the_seed_speakers_are_described_as_the_article_describes_them(seed) -> None:
    entities, quotes, facts = seed
    described = {}
    for q, d in zip(quotes, facts.quotes, strict=True):
        if q.speaker in ("Dmitry Peskov", "Matthew Miller"):
            described.setdefault(q.speaker, set()).add((d.role, d.affiliation))
    assert described == {"Dmitry Peskov": {("spokesman", "Kremlin")},
                         "Matthew Miller": {("spokesman", "State Department")}}
    kremlin = next(e for e in entities if e.name == "Kremlin")
    peskov = [d for q, d in zip(quotes, facts.quotes, strict=True) if q.speaker == "Dmitry Peskov"]
    assert {d.affiliation_entity_id for d in peskov} == {kremlin.entity_id}


def test_the_seed_genders_are_exactly_what_its_words_show(seed) -> None:
    entities, _, facts = seed
    genders = {e.name: facts.genders.get(e.entity_id) for e in entities if e.label == "PERSON"}
    # `Kremlin spokesman`, `State Department spokesman`: gendered nouns. `an unsmiling Kim waving from
    # the doorway of his heavily-armoured private train`: Kim is the only person in reach of `his`.
    # Putin is gendered only inside Miller's quotation (`him begging`), whose pronouns are the
    # speaker's story, not the narrative's: no gender.
    assert genders == {
        "Dmitry Peskov": ("male", "spokesman"),
        "Matthew Miller": ("male", "spokesman"),
        "Kim Jong-un": ("male", "his heavily-armoured private"),
        "Vladimir Putin": None,
    }
