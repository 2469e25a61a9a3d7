"""Entities: spaCy NER grouped to one canonical name per entity and article (transforms.entities).

The whole pipeline, extract_entities, on annotated text; each rule module has its own test module
beside this one (test_entity_mentions.py, test_entity_people.py, ...). The sentences are written for
these tests; the seed article (seeds/) is the one real text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import transforms.entities
from tests.conftest import SEED
from transforms.article import parse_article
from transforms.clean import clean_text, decode_bytes
from transforms.entities import Entity, Mention, entity_at, entity_id, extract_entities
from transforms.nlp import annotate

Annotate = Callable[..., dict[str, Doc]]


@pytest.fixture(scope="module")
def fields(nlp: Language) -> Annotate:
    """Annotate field texts with the one spaCy pipeline the session loads (module-scoped use)."""

    def run(body: str, headline: str | None = None, standfirst: str | None = None) -> dict[str, Doc]:
        texts = {"headline": headline, "standfirst": standfirst, "body": body}
        return {f: nlp(t) for f, t in texts.items() if t}

    return run


@pytest.fixture(scope="module")
def seed(nlp: Language) -> tuple[dict[str, Doc], list[Entity]]:
    article = parse_article(clean_text(decode_bytes(SEED.read_bytes())), date(2030, 1, 1))
    docs = next(annotate(nlp, [article]))
    return docs, extract_entities(docs, article.image_credit)


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def assert_offsets(docs: dict[str, Doc], entities: list[Entity]) -> None:
    """Every mention's text is exactly its field's text at its offsets."""
    for e in entities:
        for m in e.mentions:
            assert docs[m.field].text[m.start : m.end] == m.text, (e.name, m)


# -- the seed article ------------------------------------------------------------------------------


def test_seed_entities(seed: tuple[dict[str, Doc], list[Entity]]) -> None:
    docs, entities = seed
    assert_offsets(docs, entities)
    found = {(e.name, e.label): len(e.mentions) for e in entities}
    expected = {
        ("Kim Jong-un", "PERSON"): 7,
        ("Vladimir Putin", "PERSON"): 4,
        ("Dmitry Peskov", "PERSON"): 3,
        ("Matthew Miller", "PERSON"): 1,
        ("North Korea", "GPE"): 5,
        ("Russia", "GPE"): 4,
        ("Pyongyang", "GPE"): 4,
        ("Moscow", "GPE"): 4,
        ("Ukraine", "GPE"): 2,
        ("Vladivostok", "GPE"): 1,
        ("Kremlin", "ORG"): 2,
        ("White House", "ORG"): 1,
        ("State Department", "ORG"): 1,
    }
    for key, least in expected.items():
        assert found.get(key, 0) >= least, key
    names = {e.name for e in entities}
    for absent in (
        "Kim",
        "Putin",
        "Peskov",
        "Reuters / Reuters",
        "Reuters",
        "North Korea's",
        "The White House",
        "the Kremlin",
    ):
        assert absent not in names
    assert not any(e.label in ("DATE", "CARDINAL", "TIME") for e in entities)


def test_seed_acronym_is_one_entity(seed: tuple[dict[str, Doc], list[Entity]]) -> None:
    _, entities = seed
    kcna = [e for e in entities if {"KCNA", "Korean Central News Agency"} & {e.name, *e.surface_forms}]
    assert len(kcna) == 1
    assert kcna[0].name == "Korean Central News Agency"
    assert set(kcna[0].surface_forms) == {"KCNA", "Korean Central News Agency"}
    assert len(kcna[0].mentions) >= 2


def test_seed_short_forms_are_mentions_of_the_full_name(seed: tuple[dict[str, Doc], list[Entity]]) -> None:
    """The quotes transform resolves `Peskov` at its offsets through these mentions."""
    docs, entities = seed
    ents = by_name(entities)
    assert {"Kim", "Kim Jong-un"} <= set(ents["Kim Jong-un"].surface_forms)
    assert any(m.field == "headline" for m in ents["Kim Jong-un"].mentions)
    body = docs["body"].text
    start = body.index("Peskov told reporters")
    assert entity_at(entities, "body", start, start + len("Peskov")) is ents["Dmitry Peskov"]
    assert ents["Primorsky"].label == "GPE"  # spaCy says ORG; the article says `Primorsky region`


# -- people ----------------------------------------------------------------------------------------


def test_titles_and_short_forms_resolve_to_the_full_name(fields: Annotate) -> None:
    docs = fields(
        "Prime Minister Tony Blair met President Vladimir Putin in London on Monday.\n\n"
        "Mr Blair said the talks had gone well. Blair will fly home on Friday, and Putin is expected "
        "in Paris next week."
    )
    entities = extract_entities(docs, known_people={})
    assert_offsets(docs, entities)
    ents = by_name(entities)
    assert {"Tony Blair", "Vladimir Putin"} <= set(ents)
    assert not {"Blair", "Mr Blair", "Putin", "President Vladimir Putin"} & set(ents)
    assert set(ents["Tony Blair"].surface_forms) == {"Tony Blair", "Blair"}
    assert len(ents["Tony Blair"].mentions) == 3
    assert set(ents["Vladimir Putin"].surface_forms) == {"Vladimir Putin", "Putin"}
    # A title is not part of the mention: `Mr Blair` is a mention at `Blair`'s offsets.
    body = docs["body"].text
    mr = body.index("Mr Blair")
    assert Mention("body", mr + 3, mr + 8, "Blair") in ents["Tony Blair"].mentions


def test_short_form_in_the_headline_joins_the_full_name_in_the_body(fields: Annotate) -> None:
    docs = fields(
        "Martha Okonkwo, the mayor of Riverton, said on Monday that the city would build a new bridge.",
        headline="Okonkwo promises a new bridge for Riverton",
    )
    ents = by_name(extract_entities(docs))
    assert "Okonkwo" not in ents
    assert [m.field for m in ents["Martha Okonkwo"].mentions] == ["headline", "body"]


def test_people_sharing_a_surname_stay_apart(fields: Annotate) -> None:
    """Bare `Clinton` goes to the Clinton last named in full in the same paragraph; in a paragraph
    naming neither, to the Clinton the article names most (ties: the one named most recently)."""
    docs = fields(
        "Hillary Clinton spoke in Iowa on Tuesday. Hillary Clinton said the economy came first.\n\n"
        "Her husband, Bill Clinton, campaigned in Ohio. Clinton told voters he missed the road.\n\n"
        "Hillary Clinton returned to New York on Wednesday.\n\n"
        "Aides said Clinton would debate next week."
    )
    entities = extract_entities(docs)
    assert_offsets(docs, entities)
    ents = by_name(entities)
    assert "Clinton" not in ents
    body = docs["body"].text
    told = body.index("Clinton told")
    assert entity_at(entities, "body", told, told + 7) is ents["Bill Clinton"]
    aides = body.index("Clinton would")
    assert entity_at(entities, "body", aides, aides + 7) is ents["Hillary Clinton"]
    assert len(ents["Bill Clinton"].mentions) == 2
    assert len(ents["Hillary Clinton"].mentions) == 4


def test_a_title_tells_people_sharing_a_surname_apart(fields: Annotate) -> None:
    """`Mrs. Clinton` is the Clinton the article shows to be a woman, even in a paragraph naming
    only Bill Clinton; `Mr. Clinton` the man."""
    docs = fields(
        "Hillary Clinton spoke in Iowa on Tuesday, and she promised more jobs.\n\n"
        "Her husband, Bill Clinton, spoke in Ohio. Mrs. Clinton said the campaign was going well.\n\n"
        "Mr. Clinton said he was proud."
    )
    entities = extract_entities(docs)
    ents = by_name(entities)
    body = docs["body"].text
    mrs, mr = body.index("Mrs. Clinton") + 5, body.index("Mr. Clinton") + 4
    assert entity_at(entities, "body", mrs, mrs + 7) is ents["Hillary Clinton"]
    assert entity_at(entities, "body", mr, mr + 7) is ents["Bill Clinton"]


def test_a_title_keeps_another_bearer_of_the_surname_apart_and_says_so(fields: Annotate) -> None:
    """`Mrs. Haddad` is not the only Haddad named in full when he is a man: she gets her own row,
    named with the title, so that no bare surname sits beside the full name."""
    docs = fields(
        "Mr. Omar Haddad, a pastor, was detained in March and he has not been seen since.\n\n"
        "Mrs. Haddad said on Monday that she would keep campaigning for his release."
    )
    names = {e.name: e for e in extract_entities(docs)}
    assert "Omar Haddad" in names and "Mrs. Haddad" in names and "Haddad" not in names
    assert names["Mrs. Haddad"].surface_forms == ["Haddad"]


def test_longer_and_shorter_full_names_are_one_person(fields: Annotate) -> None:
    docs = fields(
        "Margaret Anne Holloway won the seat. Margaret Holloway thanked her volunteers, and Holloway "
        "promised to hold a town meeting every month."
    )
    ents = by_name(extract_entities(docs))
    assert "Margaret Holloway" in ents
    assert "Margaret Anne Holloway" not in ents
    assert {"Margaret Anne Holloway", "Margaret Holloway"} <= set(ents["Margaret Holloway"].surface_forms)


def test_a_compound_surname_is_a_short_form(fields: Annotate) -> None:
    docs = fields(
        "The committee chair, Maria Ortega Salas, spoke in Denver on Monday. Ortega Salas said the budget "
        "was fair, and Ortega Salas took questions."
    )
    ents = by_name(extract_entities(docs))
    assert "Ortega Salas" not in ents
    assert set(ents["Maria Ortega Salas"].surface_forms) == {"Maria Ortega Salas", "Ortega Salas"}
    assert len(ents["Maria Ortega Salas"].mentions) == 3


def test_a_bare_surname_without_a_full_name_keeps_its_spelling(fields: Annotate) -> None:
    docs = fields("Reporters asked Grimsby about the budget, and Grimsby declined to comment.")
    ents = by_name(extract_entities(docs))
    assert "Grimsby" in ents
    assert ents["Grimsby"].label == "PERSON"


def test_well_known_people_get_one_name_in_every_article(fields: Annotate) -> None:
    docs = fields("President Obama signed the bill on Tuesday. Obama said it would help families.")
    assert "Barack Obama" in by_name(extract_entities(docs))
    assert "Obama" in by_name(extract_entities(docs, known_people={}))


def test_a_known_surname_names_the_known_person_unless_a_title_says_otherwise(fields: Annotate) -> None:
    docs = fields(
        "Melania Trump spoke in Cleveland on Monday. Trump praised the speech, and Mrs. Trump thanked "
        "the delegates."
    )
    entities = extract_entities(docs)
    ents = by_name(entities)
    body = docs["body"].text
    praised = body.index("Trump praised")
    assert entity_at(entities, "body", praised, praised + 5) is ents["Donald Trump"]
    mrs = body.index("Mrs. Trump") + len("Mrs. ")
    assert entity_at(entities, "body", mrs, mrs + 5) is ents["Melania Trump"]


def test_a_son_is_not_his_father(fields: Annotate) -> None:
    ents = by_name(
        extract_entities(fields("Donald Trump Jr. spoke on Tuesday. Donald Trump spoke on Wednesday."))
    )
    assert {"Donald Trump Jr.", "Donald Trump"} <= set(ents)


def test_a_known_surname_tagged_as_an_organisation_is_the_person(fields: Annotate) -> None:
    ents = by_name(extract_entities(fields("The Trump campaign said Trump would visit Ohio.")))
    assert ents["Donald Trump"].label == "PERSON"
    assert len(ents["Donald Trump"].mentions) == 2
    assert "Trump" not in ents


def test_a_party_and_state_in_brackets_is_not_an_acronym(fields: Annotate) -> None:
    ents = by_name(
        extract_entities(fields("Sen. Ted Cruz (R-Tex.) spoke in Des Moines. Cruz said he would win."))
    )
    assert set(ents["Ted Cruz"].surface_forms) == {"Ted Cruz", "Cruz"}
    assert "Cruz" not in ents


def made_doc(nlp: Language, tokens: list[tuple[str, str, str]]) -> Doc:
    """A Doc with the tags and entities given (word, tag, IOB entity), independent of the model."""
    words = [w for w, _, _ in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))]
    tags, ents = [t for _, t, _ in tokens], [e for _, _, e in tokens]
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, ents=ents)


def test_words_glued_to_a_name_are_dropped(nlp: Language) -> None:
    doc = made_doc(nlp, [
        ("Billionaire", "NN", "B-PERSON"), ("Donald", "NNP", "I-PERSON"), ("Trump", "NNP", "I-PERSON"),
        ("spoke", "VBD", "O"), (".", ".", "O"),
        ("Donald", "NNP", "B-PERSON"), ("Trump", "NNP", "I-PERSON"), ("won", "VBD", "O"), (".", ".", "O"),
    ])  # fmt: skip
    entities = extract_entities({"body": doc})
    found = [(e.name, e.surface_forms, len(e.mentions)) for e in entities]
    assert found == [("Donald Trump", ["Donald Trump"], 2)]
    assert_offsets({"body": doc}, entities)


def test_untagged_occurrences_of_a_name_are_mentions(nlp: Language) -> None:
    """The model tags `Dmitry Peskov` and one `Peskov` but misses the other (it does, at times)."""
    doc = made_doc(nlp, [
        ("Dmitry", "NNP", "B-PERSON"), ("Peskov", "NNP", "I-PERSON"), ("spoke", "VBD", "O"), (".", ".", "O"),
        ("Peskov", "NNP", "B-PERSON"), ("smiled", "VBD", "O"), (",", ",", "O"),
        ("and", "CC", "O"), ("Peskov", "NNP", "O"), ("left", "VBD", "O"), (".", ".", "O"),
    ])  # fmt: skip
    entities = extract_entities({"body": doc})
    assert [(e.name, len(e.mentions)) for e in entities] == [("Dmitry Peskov", 3)]
    assert_offsets({"body": doc}, entities)


# -- names of places and organisations --------------------------------------------------------------


def test_possessives_and_leading_articles_go(fields: Annotate) -> None:
    docs = fields(
        "North Korea's leader travelled by train. The White House said it was watching, and the Kremlin "
        "said talks with North Korea would go ahead."
    )
    entities = extract_entities(docs)
    assert_offsets(docs, entities)
    ents = by_name(entities)
    assert {"North Korea", "White House", "Kremlin"} <= set(ents)
    assert not {"North Korea's", "The White House", "the Kremlin"} & set(ents)
    assert ents["North Korea"].surface_forms == ["North Korea"]
    assert len(ents["North Korea"].mentions) == 2


def test_acronym_joins_its_expansion(fields: Annotate) -> None:
    docs = fields(
        "The report was published by the World Health Organization (WHO) in Geneva.\n\n"
        "WHO officials said the findings were preliminary."
    )
    entities = extract_entities(docs)
    assert_offsets(docs, entities)
    who = [e for e in entities if "WHO" in e.surface_forms]
    assert len(who) == 1
    assert who[0].name == "World Health Organization"
    assert len(who[0].mentions) == 3


def test_aliases_give_one_name_across_articles(fields: Annotate) -> None:
    first = by_name(extract_entities(fields("The U.S. and Canada signed the agreement.")))
    second = by_name(extract_entities(fields("Officials in the United States welcomed the deal.")))
    assert first["United States"].entity_id == second["United States"].entity_id
    assert first["United States"].surface_forms == ["U.S."]


def test_state_abbreviations_are_the_state(fields: Annotate) -> None:
    ents = by_name(extract_entities(fields("Maria Lopez, of Tucson, Ariz., said the Arizona vote mattered.")))
    assert set(ents["Arizona"].surface_forms) == {"Ariz.", "Arizona"}


def test_group_names_are_singular(fields: Annotate) -> None:
    ents = by_name(extract_entities(fields("Republicans and Democrats met, and one Republican walked out.")))
    assert "Republicans" not in ents
    assert set(ents["Republican"].surface_forms) == {"Republican", "Republicans"}


def test_dates_and_numbers_are_not_entities(fields: Annotate) -> None:
    entities = extract_entities(
        fields("On 3 March 2021, 40 percent of the 2,000 voters in Ohio stayed home.")
    )
    assert [(e.name, e.label) for e in entities] == [("Ohio", "GPE")]


def test_the_image_credit_is_never_an_entity(fields: Annotate) -> None:
    docs = fields("Photographs by Reuters / Reuters were shown in Berlin.")
    names = {e.name for e in extract_entities(docs, image_credit="Reuters / Reuters")}
    assert "Reuters / Reuters" not in names


# -- ids -------------------------------------------------------------------------------------------


def test_entity_id_is_the_same_for_the_same_name_and_label_everywhere(fields: Annotate) -> None:
    a = by_name(extract_entities(fields("Angela Marsh arrived in Berlin.")))
    b = by_name(extract_entities(fields("In Berlin, reporters waited.", headline="Berlin braces for storm")))
    assert a["Berlin"].entity_id == b["Berlin"].entity_id == entity_id("Berlin", "GPE")
    assert entity_id("Berlin", "GPE") != entity_id("Berlin", "ORG")
    assert len(b["Berlin"].mentions) == 2


# -- the public API --------------------------------------------------------------------------------


def test_the_public_names_are_importable_from_the_package() -> None:
    """Other transforms, the expectations and the tests import these from transforms.entities."""
    from transforms.entities import ENTITY_LABELS, KNOWN_PEOPLE

    assert set(transforms.entities.__all__) == {
        "ENTITY_LABELS", "KNOWN_PEOPLE", "Entity", "Mention", "entity_at", "entity_id", "extract_entities"
    }  # fmt: skip
    assert ENTITY_LABELS[0] == "PERSON" and "DATE" not in ENTITY_LABELS
    assert KNOWN_PEOPLE["putin"] == "Vladimir Putin"
