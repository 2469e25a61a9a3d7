"""The warehouse's tables, defined once. The writer, the expectations and the DuckDB views
(with their COMMENT ON text) all derive from these pyarrow schemas."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


def _col(name: str, type_: pa.DataType, comment: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"comment": comment})


@dataclass(frozen=True)
class Table:
    name: str
    comment: str
    schema: pa.Schema
    key: tuple[str, ...]
    partition_by: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        return self.schema.names


_MONTH = _col("published_month", pa.string(), "publication month YYYY-MM; the storage partition", False)

ARTICLES = Table(
    "articles",
    "One row per distinct article.",
    pa.schema([
        _col("article_id", pa.string(), "stable id derived from the article's content; unique", False),
        _col("source_path", pa.string(), "path of the raw file, relative to the landing folder", False),
        _col("source_sha256", pa.string(), "SHA-256 of the raw file's bytes", False),
        _col("published_date", pa.date32(), "publication date, from the header line or else the dateline", False),
        _col("section", pa.string(), "section from the header line, e.g. WORLD"),
        _col("headline", pa.string(), "headline", False),
        _col("standfirst", pa.string(), "standfirst (summary line under the headline); NULL when absent"),
        _col("image_caption", pa.string(), "image caption without its Photo: credit"),
        _col("image_credit", pa.string(), "image credit alone, e.g. Reuters"),
        _col("body", pa.string(), "cleaned body, paragraphs joined by a blank line", False),
        _col("paragraph_count", pa.int32(), "number of body paragraphs", False),
        _col("word_count", pa.int32(), "words in the body", False),
        _col("run_id", pa.string(), "the flow run that published this row", False),
        _MONTH,
    ]),
    key=("article_id",),
    partition_by=("published_month",),
)

QUOTES = Table(
    "quotes",
    "One row per quotation-mark span in an article's headline, standfirst or body.",
    pa.schema([
        _col("quote_id", pa.string(), "unique id of the quotation", False),
        _col("article_id", pa.string(), "the article (references articles.article_id)", False),
        _col("field", pa.string(), "body, standfirst or headline", False),
        _col("paragraph_index", pa.int32(), "0-based paragraph within the field", False),
        _col("char_start", pa.int32(), "offset into the field's text where the quoted words start", False),
        _col("char_end", pa.int32(), "offset into the field's text where the quoted words end", False),
        _col("text", pa.string(), "the quoted words, without the marks", False),
        _col("quote_type", pa.string(), "direct (a whole quoted statement) or partial (words quoted in a sentence)",
             False),
        _col("speaker", pa.string(), "resolved canonical speaker; NULL when unknown"),
        _col("speaker_mention", pa.string(), "the words naming the speaker at the attribution (he, Peskov)"),
        _col("speaker_entity_id", pa.string(), "the speaker's entities.entity_id when a named entity"),
        _col("cue", pa.string(), "lemma of the reporting verb (say, tell, warn); NULL when none"),
        _MONTH,
    ]),
    key=("quote_id",),
    partition_by=("published_month",),
)

ENTITIES = Table(
    "entities",
    "One row per named entity per article.",
    pa.schema([
        _col("article_id", pa.string(), "the article (references articles.article_id)", False),
        _col("entity_id", pa.string(), "same value for the same canonical name and label in every article", False),
        _col("name", pa.string(), "canonical name within the article", False),
        _col("label", pa.string(), "spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...", False),
        _col("mention_count", pa.int32(), "mentions in headline, standfirst and body", False),
        _col("surface_forms", pa.list_(pa.string()), "the distinct spellings seen", False),
        _col("surface_form_mentions", pa.list_(pa.int32()),
             "mentions of each spelling, in the order of surface_forms", False),
        _MONTH,
    ]),
    key=("article_id", "entity_id"),
    partition_by=("published_month",),
)

FILES = Table(
    "files",
    "Every raw file seen in the landing folder, its latest content and what the pipeline did with it.",
    pa.schema([
        _col("path", pa.string(), "path relative to the landing folder", False),
        _col("sha256", pa.string(), "SHA-256 of the bytes last seen; empty when the file could not be read", False),
        _col("size_bytes", pa.int64(), "size of the file in bytes", False),
        _col("mtime_ns", pa.int64(), "modification time seen, ns since the epoch; with size, lets reruns skip reading",
             False),
        _col("status", pa.string(), "published, duplicate or quarantined", False),
        _col("reason", pa.string(), "why the file was not published; NULL when published"),
        _col("article_id", pa.string(), "the article the file published or duplicates"),
        _col("run_id", pa.string(), "the flow run that recorded this status", False),
        _col("recorded_at", pa.timestamp("us", tz="UTC"), "when the status was recorded", False),
    ]),
    key=("path",),
)

RUNS = Table(
    "runs",
    "One row per run (a flow run, or a `newsetl run` that found nothing new), with its counts and outcome.",
    pa.schema([
        _col("run_id", pa.string(), "the flow run id (its own id for a run that found nothing new)", False),
        _col("flow_run_name", pa.string(), "Prefect's name for the flow run; empty when `newsetl run` found "
             "nothing new and so started no flow run"),
        _col("landing", pa.string(), "the landing folder", False),
        _col("started_at", pa.timestamp("us", tz="UTC"), "when the run started", False),
        _col("finished_at", pa.timestamp("us", tz="UTC"), "when the run finished", False),
        _col("status", pa.string(), "completed, or failed", False),
        _col("message", pa.string(), "one-line outcome or failure reason"),
        _col("files_seen", pa.int64(), "files found in the landing folder", False),
        _col("files_unchanged", pa.int64(), "files whose bytes were already processed", False),
        _col("published", pa.int64(), "files published by this run", False),
        _col("duplicate", pa.int64(), "files recorded as duplicate by this run", False),
        _col("quarantined", pa.int64(), "files quarantined by this run", False),
        _col("articles_rows", pa.int64(), "article rows committed by this run", False),
        _col("quotes_rows", pa.int64(), "quote rows committed by this run", False),
        _col("entities_rows", pa.int64(), "entity rows committed by this run", False),
        _col("expectations_evaluated", pa.int64(), "expectations evaluated by this run", False),
        _col("expectations_failed", pa.int64(), "expectations that failed in this run", False),
        _col("seconds", pa.float64(), "wall-clock duration", False),
    ]),
    key=("run_id",),
)

QUALITY = Table(
    "quality",
    "One row per expectation evaluated per batch per run.",
    pa.schema([
        _col("run_id", pa.string(), "the flow run", False),
        _col("batch", pa.int32(), "batch number within the run", False),
        _col("table_name", pa.string(), "the table the expectation checks", False),
        _col("expectation", pa.string(), "the expectation type, e.g. expect_column_values_to_be_unique", False),
        _col("column_name", pa.string(), "the column it checks, when one"),
        _col("severity", pa.string(), "critical (blocks the commit) or warning", False),
        _col("success", pa.bool_(), "whether the expectation held", False),
        _col("observed_value", pa.string(), "what was observed, as text"),
        _col("unexpected_count", pa.int64(), "rows that broke it"),
        _col("unexpected_examples", pa.string(), "some offending rows, as text"),
        _col("evaluated_at", pa.timestamp("us", tz="UTC"), "when it was evaluated", False),
    ]),
    key=("run_id", "batch", "table_name", "expectation", "column_name"),
)

@dataclass(frozen=True)
class DerivedView:
    """A view computed from the tables' views; its columns' comments live here with its SQL."""

    name: str
    comment: str
    sql: str
    columns: dict[str, str]


ENTITY_ALIASES = DerivedView(
    "entity_aliases",
    "Every spelling merged into a canonical entity, to audit canonicalisation: one row per alias per entity.",
    """SELECT alias, name AS canonical_name, label, entity_id,
              count(DISTINCT article_id)::INTEGER AS articles, sum(mentions)::INTEGER AS mentions
       FROM (SELECT article_id, entity_id, name, label,
                    unnest(surface_forms) AS alias, unnest(surface_form_mentions) AS mentions
             FROM entities)
       GROUP BY ALL""",
    {
        "alias": "a spelling seen in an article",
        "canonical_name": "the entity's canonical name in those articles",
        "label": "spaCy label of the entity",
        "entity_id": "the entity (references entities.entity_id)",
        "articles": "articles in which this spelling names this entity",
        "mentions": "mentions of this spelling for this entity",
    },
)

CONTENT_TABLES = (ARTICLES, QUOTES, ENTITIES)
DERIVED_VIEWS = (ENTITY_ALIASES,)
ALL_TABLES = (ARTICLES, QUOTES, ENTITIES, FILES, RUNS, QUALITY)
BY_NAME = {t.name: t for t in ALL_TABLES}
