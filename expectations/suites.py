"""The gate's expectation suites, one per table of a batch.

What the schema says is derived from warehouse.schema (not-null for every non-nullable column, the
table's key unique); the rest is the domain's rules, with their thresholds taken from the transforms
that enforce them. Each expectation carries GX's own `severity`: critical failures block the batch's
commit, warnings are recorded and the batch publishes.
"""

from __future__ import annotations

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.derived import (
    ARTICLE_IDS,
    EARLIEST,
    ENTITY_IDS,
    FILE_ARTICLE_IDS,
    LATEST,
    PUBLISHED,
    PUBLISHED_FILES,
    PUBLISHED_PATHS,
    QUOTED_SPAN,
    TEXT_FIELDS,
)
from transforms.entities import ENTITY_LABELS
from warehouse.schema import ARTICLES, ENTITIES, FILES, QUOTES, Table

CRITICAL = "critical"
WARNING = "warning"

# The tables of a batch, in the order they are validated and reported.
GATED_TABLES: tuple[Table, ...] = (ARTICLES, QUOTES, ENTITIES, FILES)

# Columns that name an offending row in a report: the key, plus what helps find the row when the key
# itself is the broken value (a NULL article_id still has a source_path).
ROW_NAMES: dict[str, tuple[str, ...]] = {
    ARTICLES.name: (*ARTICLES.key, "source_path"),
    QUOTES.name: (*QUOTES.key, "article_id"),
    ENTITIES.name: ENTITIES.key,
    FILES.name: FILES.key,
}

QUOTE_TYPES = ("direct", "partial")
FILE_STATUSES = ("published", "duplicate", "quarantined")
# Below this many words a body is more likely a stub or a failed extraction than an article.
MIN_WORDS = 20
# Most news quotes are attributed; when fewer than this share have a speaker, attribution has likely broken.
MIN_SPEAKER_SHARE = 0.3


def _param(name: str) -> dict[str, str]:
    return {"$PARAMETER": name}


def schema_expectations(table: Table) -> list[gxe.Expectation]:
    """Not-null for each non-nullable column and uniqueness of the key, all critical."""
    expectations: list[gxe.Expectation] = [
        gxe.ExpectColumnValuesToNotBeNull(column=field.name, severity=CRITICAL)
        for field in table.schema
        if not field.nullable
    ]
    if len(table.key) == 1:
        expectations.append(gxe.ExpectColumnValuesToBeUnique(column=table.key[0], severity=CRITICAL))
    else:
        expectations.append(gxe.ExpectCompoundColumnsToBeUnique(column_list=list(table.key), severity=CRITICAL))
    return expectations


def articles_expectations() -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnValuesToBeBetween(
            column="published_date",
            min_value=_param(EARLIEST),
            max_value=_param(LATEST),
            severity=CRITICAL,
            description="publication date plausible: from transforms.article.EARLIEST_DATE to MAX_DAYS_AHEAD",
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="source_path",
            value_set=_param(PUBLISHED_PATHS),
            severity=CRITICAL,
            description="every article comes from a file this batch publishes",
        ),
        gxe.ExpectColumnUniqueValueCountToBeBetween(
            column="article_id",
            min_value=_param(PUBLISHED_FILES),
            max_value=_param(PUBLISHED_FILES),
            severity=CRITICAL,
            description="distinct articles = files the batch publishes (touched files re-recorded aside)",
        ),
        gxe.ExpectColumnValuesToBeBetween(column="paragraph_count", min_value=1, severity=CRITICAL),
        gxe.ExpectColumnValuesToBeBetween(
            column="word_count",
            min_value=MIN_WORDS,
            severity=WARNING,
            description="a body this short is more likely a stub than an article",
        ),
    ]


def quotes_expectations() -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnValuesToBeInSet(
            column="article_id",
            value_set=_param(ARTICLE_IDS),
            severity=CRITICAL,
            description="every quote's article is in the batch",
        ),
        gxe.ExpectColumnValuesToBeInSet(column="field", value_set=list(TEXT_FIELDS), severity=CRITICAL),
        gxe.ExpectColumnValuesToBeInSet(column="quote_type", value_set=list(QUOTE_TYPES), severity=CRITICAL),
        gxe.ExpectColumnValuesToBeBetween(column="paragraph_index", min_value=0, severity=CRITICAL),
        gxe.ExpectColumnValuesToBeBetween(column="char_start", min_value=0, severity=CRITICAL),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="char_end", column_B="char_start", or_equal=False, severity=CRITICAL
        ),
        gxe.ExpectColumnPairValuesToBeEqual(
            column_A="text",
            column_B=QUOTED_SPAN,
            # rows without a span are broken elsewhere (see expectations.derived) and named there
            ignore_row_if="either_value_is_missing",
            severity=CRITICAL,
            description="text = field_text[char_start:char_end]",
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="speaker",
            mostly=MIN_SPEAKER_SHARE,
            severity=WARNING,
            description="enough quotes are attributed to a speaker",
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="speaker_entity_id",
            value_set=_param(ENTITY_IDS),
            severity=WARNING,
            description="a speaker entity is one of the batch's entities",
        ),
    ]


def entities_expectations() -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnValuesToBeInSet(
            column="article_id",
            value_set=_param(ARTICLE_IDS),
            severity=CRITICAL,
            description="every entity's article is in the batch",
        ),
        gxe.ExpectColumnValuesToBeInSet(column="label", value_set=list(ENTITY_LABELS), severity=CRITICAL),
        gxe.ExpectColumnValuesToBeBetween(column="mention_count", min_value=1, severity=CRITICAL),
    ]


def files_expectations() -> list[gxe.Expectation]:
    published = Column("status") == PUBLISHED
    not_published = Column("status") != PUBLISHED
    return [
        gxe.ExpectColumnValuesToBeInSet(column="status", value_set=list(FILE_STATUSES), severity=CRITICAL),
        gxe.ExpectColumnValuesToNotBeNull(
            column="reason",
            row_condition=not_published,
            severity=CRITICAL,
            description="a duplicate or quarantined file says why",
        ),
        gxe.ExpectColumnValuesToBeNull(
            column="reason",
            row_condition=published,
            severity=WARNING,
            description="a published file has no reason (NULL when published)",
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="article_id",
            row_condition=published,
            severity=CRITICAL,
            description="a published file names its article",
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="article_id",
            value_set=_param(FILE_ARTICLE_IDS),
            row_condition=published,
            severity=CRITICAL,
            description="a published file's article is in the batch (or committed before, for a touched file)",
        ),
    ]


_DOMAIN = {
    ARTICLES.name: articles_expectations,
    QUOTES.name: quotes_expectations,
    ENTITIES.name: entities_expectations,
    FILES.name: files_expectations,
}


def build_suite(table: Table) -> gx.ExpectationSuite:
    """The suite for one table of a batch, named after the table."""
    return gx.ExpectationSuite(name=table.name, expectations=schema_expectations(table) + _DOMAIN[table.name]())
