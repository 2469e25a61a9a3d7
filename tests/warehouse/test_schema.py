"""warehouse.schema: the concrete tables, their closed value sets and references, and who else must agree with them.
The machinery they are built with (comments, row constructors, storage schema) is tested in test_table."""

from __future__ import annotations

import dataclasses

from warehouse.schema import (
    ALL_TABLES,
    ARTICLES,
    BY_NAME,
    CONTENT_TABLES,
    CRITICAL,
    CUE_CLASSES,
    ENTITIES,
    ENTITY_LABELS,
    FILE_STATUSES,
    FILES,
    QUALITY,
    QUOTE_TYPES,
    QUOTES,
    REFERENCES,
    RUN_STATUSES,
    RUNS,
    SEVERITIES,
    TEXT_FIELDS,
    WARNING,
)
from warehouse.store import KnownFile


def test_value_sets_are_the_named_constants() -> None:
    assert FILES.values("status") == FILE_STATUSES == ("published", "duplicate", "quarantined")
    assert QUOTES.values("field") == TEXT_FIELDS == ("headline", "standfirst", "body")
    assert QUOTES.values("quote_type") == QUOTE_TYPES == ("direct", "partial", "indirect")
    assert QUOTES.values("cue_class") == CUE_CLASSES == ("speech", "belief", "evidence")
    assert ENTITIES.values("label") == ENTITY_LABELS
    assert QUALITY.values("severity") == SEVERITIES == (CRITICAL, WARNING) == ("critical", "warning")
    assert RUNS.values("status") == RUN_STATUSES
    assert FILES.values("path") == ()
    assert set(QUOTES.value_sets) == {"field", "quote_type", "cue_class"}


def test_value_sets_have_no_repeats_and_text_fields_are_article_columns() -> None:
    for table in ALL_TABLES:
        for column, values in table.value_sets.items():
            assert len(set(values)) == len(values), f"{table.name}.{column}"
    assert set(TEXT_FIELDS) <= set(ARTICLES.columns)


def test_references_resolve_to_real_columns() -> None:
    assert {str(r) for r in REFERENCES} == {
        "quotes.article_id -> articles.article_id",
        "quotes.speaker_entity_id -> entities.entity_id",
        "quotes.speaker_affiliation_entity_id -> entities.entity_id",
        "entities.article_id -> articles.article_id",
        "files.article_id -> articles.article_id",
        "articles.story_id -> articles.article_id",
        "story_index.article_id -> articles.article_id",
    }
    for ref in REFERENCES:
        source, target = BY_NAME[ref.table], BY_NAME[ref.target_table]
        assert ref.target_column in target.columns, str(ref)
        assert source.schema.field(ref.column).type == target.schema.field(ref.target_column).type, str(ref)


def test_the_content_tables_are_partitioned_by_publication_month() -> None:
    assert {t.name: t.partition_by for t in ALL_TABLES if t.partition_by} == {
        t.name: ("published_month",) for t in CONTENT_TABLES
    }


def test_known_file_fields_are_files_columns() -> None:
    for f in dataclasses.fields(KnownFile):
        assert f.name in FILES.columns
        # a column that may be NULL is a field that may be None (annotations are strings here)
        assert FILES.schema.field(f.name).nullable == ("None" in str(f.type)), f.name


def test_transforms_agree_with_the_schema() -> None:
    """transforms cannot import the warehouse: their own constants must name the same values."""
    from transforms.entities import ENTITY_LABELS as TRANSFORMS_LABELS
    from transforms.nlp import FIELDS

    assert set(TRANSFORMS_LABELS) == set(ENTITY_LABELS)
    assert len(TRANSFORMS_LABELS) == len(set(TRANSFORMS_LABELS))
    assert tuple(FIELDS) == TEXT_FIELDS
