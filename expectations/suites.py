"""The gate's expectation suites, one per table of a batch.

What the schema says is derived from warehouse.schema: not-null for every non-nullable column, each closed
value set, each reference to another table (checked within the batch: a derived column of the values that
name nothing the batch may refer to, see expectations.derived, must be NULL) and the table's key unique.
The rest is the domain's rules, with their thresholds taken from the transforms that enforce them. Each
expectation carries GX's own `severity`
(warehouse.schema.SEVERITIES): critical failures block the batch's commit, warnings are recorded and the
batch publishes.
"""

from __future__ import annotations

from dataclasses import dataclass

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column, Condition

from expectations.derived import (
    ARTICLE_IDS,
    EARLIEST,
    ENTITY_IDS,
    FILE_ARTICLE_IDS,
    LATEST,
    PUBLISHED_FILES,
    PUBLISHED_PATHS,
    QUOTED_SPAN,
    STORY_FIRST_DATE,
    STORY_FIRST_STORY,
    STORY_IDS,
    unresolved_column,
)
from warehouse.schema import (
    ARTICLES,
    CRITICAL,
    ENTITIES,
    FILES,
    INDIRECT,
    PUBLISHED,
    QUOTES,
    WARNING,
    Reference,
    Table,
)

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

# Below this many words a body is more likely a stub or a failed extraction than an article.
MIN_WORDS = 20
# Most news quotes are attributed; when fewer than this share have a speaker, attribution has likely broken.
MIN_SPEAKER_SHARE = 0.3


@dataclass(frozen=True)
class ReferenceCheck:
    """How the gate checks one of the schema's references within a batch: the values must be among
    `referenced`, a name of expectations.derived.referenced_values (the values the batch may refer to),
    for the rows `row_condition` selects (all when None)."""

    referenced: str
    severity: str
    description: str
    row_condition: Condition | None = None


# Every reference of a gated table, and how it is checked. A reference added to the schema without an entry
# here makes building the suite fail, so a reference is never silently unchecked.
REFERENCE_CHECKS: dict[Reference, ReferenceCheck] = {
    QUOTES.reference("article_id"): ReferenceCheck(ARTICLE_IDS, CRITICAL, "every quote's article is in the batch"),
    QUOTES.reference("speaker_entity_id"): ReferenceCheck(
        ENTITY_IDS, WARNING, "a speaker entity is one of the batch's entities"
    ),
    QUOTES.reference("speaker_affiliation_entity_id"): ReferenceCheck(
        ENTITY_IDS, WARNING, "a speaker's affiliation entity is one of the batch's entities"
    ),
    ENTITIES.reference("article_id"): ReferenceCheck(ARTICLE_IDS, CRITICAL, "every entity's article is in the batch"),
    ARTICLES.reference("story_id"): ReferenceCheck(
        STORY_IDS, CRITICAL, "every story's first article is in the batch or committed before"
    ),
    FILES.reference("article_id"): ReferenceCheck(
        FILE_ARTICLE_IDS,
        CRITICAL,
        "a published file's article is in the batch (or committed before, for a touched file)",
        # a duplicate's article may be any committed one; a quarantined file has none
        row_condition=Column("status") == PUBLISHED,
    ),
}


# Every column the gate checks through a derived column of unresolved values (expectations.derived.
# with_unresolved), by table: (column, name of the referenced values). The schema's references, and
# articles.source_path, which must name a file the batch publishes.
UNRESOLVED_CHECKS: dict[str, tuple[tuple[str, str], ...]] = {
    table.name: tuple(
        [(ref.column, check.referenced) for ref, check in REFERENCE_CHECKS.items() if ref.table == table.name]
        + ([("source_path", PUBLISHED_PATHS)] if table is ARTICLES else [])
    )
    for table in GATED_TABLES
}


def _param(name: str) -> dict[str, str]:
    return {"$PARAMETER": name}


def schema_expectations(table: Table) -> list[gxe.Expectation]:
    """What `table`'s definition says, in column order: not-null for each non-nullable column, its closed
    value set, its reference (as REFERENCE_CHECKS says); then uniqueness of the key. All critical but the
    references REFERENCE_CHECKS marks as warnings.

    Raises KeyError naming the reference when one of the table's references has no REFERENCE_CHECKS entry."""
    expectations: list[gxe.Expectation] = []
    for column in table.spec:
        if not column.nullable:
            expectations.append(gxe.ExpectColumnValuesToNotBeNull(column=column.name, severity=CRITICAL))
        if column.values:
            expectations.append(
                gxe.ExpectColumnValuesToBeInSet(column=column.name, value_set=list(column.values), severity=CRITICAL)
            )
        if column.name in table.references:
            expectations.append(reference_expectation(table.references[column.name]))
    if len(table.key) == 1:
        expectations.append(gxe.ExpectColumnValuesToBeUnique(column=table.key[0], severity=CRITICAL))
    else:
        expectations.append(gxe.ExpectCompoundColumnsToBeUnique(column_list=list(table.key), severity=CRITICAL))
    return expectations


def reference_expectation(reference: Reference) -> gxe.Expectation:
    """The batch check of one schema reference: its column's derived column of unresolved values
    (expectations.derived.unresolved_column) is NULL. Raises KeyError naming the reference when
    REFERENCE_CHECKS has no entry for it."""
    try:
        check = REFERENCE_CHECKS[reference]
    except KeyError:
        raise KeyError(f"reference {reference} has no batch check in expectations.suites.REFERENCE_CHECKS") from None
    optional = {"row_condition": check.row_condition} if check.row_condition is not None else {}
    return gxe.ExpectColumnValuesToBeNull(
        column=unresolved_column(reference.column),
        severity=check.severity,
        description=check.description,
        **optional,
    )


def articles_expectations() -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnValuesToBeBetween(
            column="published_date",
            min_value=_param(EARLIEST),
            max_value=_param(LATEST),
            severity=CRITICAL,
            description="publication date plausible: from transforms.article.EARLIEST_DATE to MAX_DAYS_AHEAD",
        ),
        gxe.ExpectColumnValuesToBeNull(
            column=unresolved_column("source_path"),
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
        # stories (transforms.stories): the article a story_id names is the story's earliest and its own first
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="published_date", column_B=STORY_FIRST_DATE, or_equal=True,
            ignore_row_if="either_value_is_missing",  # a story_id naming no article: the reference check names it
            severity=CRITICAL, description="no article is published before its story's first article",
        ),
        gxe.ExpectColumnPairValuesToBeEqual(
            column_A="story_id", column_B=STORY_FIRST_STORY, ignore_row_if="either_value_is_missing",
            severity=CRITICAL, description="a story's first article is the first of its own story",
        ),
        gxe.ExpectColumnValuesToBeBetween(column="similarity", min_value=0, max_value=1, severity=CRITICAL),
        gxe.ExpectColumnValuesToBeBetween(
            column="word_count",
            min_value=MIN_WORDS,
            severity=WARNING,
            description="a body this short is more likely a stub than an article",
        ),
    ]


def quotes_expectations() -> list[gxe.Expectation]:
    return [
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
        # reported speech (quote_type indirect) exists only through a cue: one without is a broken row
        *(
            gxe.ExpectColumnValuesToNotBeNull(
                column=column,
                row_condition=f'quote_type=="{INDIRECT}"',
                condition_parser="pandas",
                severity=CRITICAL,
                description=f"every reported statement has its {column}",
            )
            for column in ("cue", "cue_class")
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="speaker",
            mostly=MIN_SPEAKER_SHARE,
            severity=WARNING,
            description="enough quotes are attributed to a speaker",
        ),
    ]


def entities_expectations() -> list[gxe.Expectation]:
    return [
        gxe.ExpectColumnValuesToBeBetween(column="mention_count", min_value=1, severity=CRITICAL),
    ]


def files_expectations() -> list[gxe.Expectation]:
    published = Column("status") == PUBLISHED
    not_published = Column("status") != PUBLISHED
    return [
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
