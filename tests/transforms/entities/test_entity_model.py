"""The entities' data model (transforms.entities.model): ids, lookup by offsets, reading order."""

from __future__ import annotations

from transforms.entities.model import (
    ENTITY_LABELS,
    Entity,
    Mention,
    entity_at,
    entity_id,
    paragraph_breaks,
    raw_mention,
)

BODY = (
    "Dmitry Peskov, the Kremlin spokesman, said on Monday that talks would continue.\n\n"
    "Peskov told reporters in Moscow that no date had been set."
)


def test_entity_id_depends_on_name_and_label_only() -> None:
    berlin = entity_id("Berlin", "GPE")
    assert len(berlin) == 16 and int(berlin, 16) >= 0
    assert berlin == Entity("Berlin", "GPE", [Mention("body", 0, 6, "Berlin")]).entity_id
    assert berlin != entity_id("Berlin", "ORG")
    assert berlin != entity_id("Berlin ", "GPE")


def test_entity_at_finds_the_entity_whose_mention_overlaps() -> None:
    start = BODY.index("Peskov told")
    peskov = Entity(
        "Dmitry Peskov",
        "PERSON",
        [Mention("body", 0, 13, "Dmitry Peskov"), Mention("body", start, start + 6, "Peskov")],
    )
    moscow_at = BODY.index("Moscow")
    moscow = Entity("Moscow", "GPE", [Mention("body", moscow_at, moscow_at + 6, "Moscow")])
    entities = [peskov, moscow]
    assert entity_at(entities, "body", start, start + 6) is peskov
    assert entity_at(entities, "body", start + 2, start + 3) is peskov  # inside the mention
    assert entity_at(entities, "body", moscow_at - 3, moscow_at + 1) is moscow  # `in Moscow`
    assert entity_at(entities, "body", start + 6, start + 11) is None  # ` told`: touching is not overlapping
    assert entity_at(entities, "headline", start, start + 6) is None  # another field


def test_surface_forms_are_the_distinct_spellings_sorted() -> None:
    entity = Entity(
        "United States",
        "GPE",
        [Mention("body", 0, 4, "U.S."), Mention("body", 20, 33, "United States"), Mention("body", 40, 44, "U.S.")],
    )
    assert entity.surface_forms == ["U.S.", "United States"]


def test_raw_mentions_know_their_reading_order_and_paragraph() -> None:
    breaks = paragraph_breaks(BODY)
    assert breaks == [BODY.index("\n\n")]
    start = BODY.index("Peskov told")
    later = raw_mention("body", start, start + 6, "Peskov", "PERSON", breaks)
    first = raw_mention("body", 0, 13, "Dmitry Peskov", "PERSON", breaks)
    headline = raw_mention("headline", 0, 6, "Peskov", "PERSON", [])
    assert (first.paragraph, later.paragraph) == ((2, 0), (2, 1))
    assert sorted([later, first, headline], key=lambda r: r.order) == [headline, first, later]
    assert later.key == "" and later.gender == "" and later.tags == ("", "")


def test_entity_labels_are_the_naming_labels_in_file_order() -> None:
    assert ENTITY_LABELS == (
        "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"
    )  # fmt: skip
    assert not {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"} & set(ENTITY_LABELS)
