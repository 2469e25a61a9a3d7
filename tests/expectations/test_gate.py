"""The batch gate on synthetic batches: clean ones pass, each kind of critical break blocks and is named."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd
import pyarrow as pa
import pytest

import expectations.gate
from expectations import RECORD_COLUMNS, Gate, GateReport
from warehouse.schema import ARTICLES, ENTITIES, FILES, QUALITY, QUOTES, Table

TODAY = date(2026, 11, 28)
RUN_ID = "run-0001"

_PEOPLE = [
    ("Dmitry Peskov", "Peskov"),
    ("Ursula von der Leyen", "von der Leyen"),
    ("Kim Jong-un", "Kim"),
    ("Antonio Guterres", "Guterres"),
    ("Olaf Scholz", "Scholz"),
    ("Fumio Kishida", "Kishida"),
]
_OTHERS = [
    ("Kremlin", "ORG"),
    ("European Commission", "ORG"),
    ("United Nations", "ORG"),
    ("Reuters", "ORG"),
    ("Moscow", "GPE"),
    ("Brussels", "GPE"),
    ("Pyongyang", "GPE"),
    ("Berlin", "GPE"),
    ("Tokyo", "GPE"),
    ("Ukraine", "GPE"),
    ("Russian", "NORP"),
    ("European", "NORP"),
    ("Baltic Sea", "LOC"),
    ("Rhine", "LOC"),
    ("Security Council", "ORG"),
    ("Nato", "ORG"),
    ("G7", "ORG"),
    ("Davos forum", "EVENT"),
    ("Geneva", "GPE"),
]
_SAYINGS = [
    "we will not back down",
    "the talks were constructive",
    "there is no alternative to dialogue",
    "sanctions are hurting ordinary people",
    "this is a dangerous escalation",
    "our position has not changed",
    "the door remains open",
    "nobody wants a wider war",
    "we expect a reply within days",
]


def _id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    """Rows to a frame via pyarrow, as the flow builds it: the schema's types, pandas' default conversion.
    Columns added to the schema after these tests were written get a plain non-null value."""
    filler = {f.name: _plain(f.type) for f in table.schema if not f.nullable}
    if table.name == "articles":  # a story of its own unless the row says otherwise
        rows = [{"story_id": row.get("article_id"), **row} for row in rows]
    rows = [{**{k: v for k, v in filler.items() if k not in row}, **row} for row in rows]
    return pa.Table.from_pylist(rows, schema=table.schema).to_pandas()


def _plain(type_: pa.DataType) -> object:
    if pa.types.is_integer(type_) or pa.types.is_floating(type_):
        return 1
    if pa.types.is_timestamp(type_):
        return datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    if pa.types.is_date(type_):
        return TODAY
    if pa.types.is_boolean(type_):
        return True
    if pa.types.is_list(type_):
        return ["x"]
    return "x"


def _article(i: int) -> tuple[dict, list[dict], list[dict], dict]:
    """One article with ~9 quotes (offsets computed as the parser would) and ~23 entities."""
    published = TODAY - timedelta(days=i % 40)
    speaker, mention = _PEOPLE[i % len(_PEOPLE)]
    headline = f'{mention} says "{_SAYINGS[i % len(_SAYINGS)]}" as talks resume'
    standfirst = None if i % 3 == 0 else f"Officials met in {_OTHERS[i % len(_OTHERS)][0]} for a {i + 2}th round."
    spans: list[tuple[str, int, int, int, str]] = [("headline", 0, headline.index('"') + 1, 0, "partial")]
    paragraphs: list[str] = []
    offset = 0
    for p in range(8):
        saying = _SAYINGS[(i + p) % len(_SAYINGS)]
        lead = f"Talks went on for a {p + 1}th day. "
        paragraph = f'{lead}"{saying.capitalize()}," {mention} told reporters in {_OTHERS[p][0]}.'
        spans.append(("body", p, offset + len(lead) + 1, len(saying), "direct"))
        paragraphs.append(paragraph)
        offset += len(paragraph) + 2
    body = "\n\n".join(paragraphs)
    article_id = _id("article", i)
    path = f"2026/{published:%m}/story-{i:03d}.txt"
    fields = {"headline": headline, "body": body}
    quotes = []
    for q, (field, paragraph_index, start, length, quote_type) in enumerate(spans):
        if field == "headline":
            length = len(_SAYINGS[i % len(_SAYINGS)])
        text = fields[field][start : start + length]
        known = q % 4 != 3
        quotes.append(
            {
                "quote_id": _id(article_id, field, start),
                "article_id": article_id,
                "field": field,
                "paragraph_index": paragraph_index,
                "char_start": start,
                "char_end": start + length,
                "text": text,
                "quote_type": quote_type,
                "speaker": speaker if known else None,
                "speaker_mention": mention if known else None,
                "speaker_entity_id": _id(speaker, "PERSON") if known else None,
                "cue": "tell" if field == "body" else "say",
                "cue_class": "speech",
                "speaker_role": None,
                "speaker_affiliation": None,
                "speaker_affiliation_entity_id": None,
                "published_month": f"{published:%Y-%m}",
            }
        )
    names = [(name, "PERSON") for name, _ in _PEOPLE] + _OTHERS[: 17 + i % 3]
    entities = [
        {
            "article_id": article_id,
            "entity_id": _id(name, label),
            "name": name,
            "label": label,
            "mention_count": 1 + (i + n) % 4,
            "surface_forms": [name],
            "surface_form_mentions": [1 + (i + n) % 4],
            "gender": None,
            "gender_evidence": None,
            "published_month": f"{published:%Y-%m}",
        }
        for n, (name, label) in enumerate(names)
    ]
    article = {
        "article_id": article_id,
        "source_path": path,
        "source_sha256": _id("bytes", i) * 4,
        "published_date": published,
        "section": "WORLD",
        "headline": headline,
        "standfirst": standfirst,
        "image_caption": None if i % 2 else "Delegates arrive for the talks",
        "image_credit": None if i % 2 else "Reuters",
        "body": body,
        "paragraph_count": len(paragraphs),
        "word_count": len(body.split()),
        "run_id": RUN_ID,
        "published_month": f"{published:%Y-%m}",
    }
    return article, quotes, entities, _file(path, "published", None, article_id, i)


def _file(path: str, status: str, reason: str | None, article_id: str | None, i: int) -> dict:
    return {
        "path": path,
        "sha256": _id("bytes", path) * 4,
        "size_bytes": 2000 + i,
        "mtime_ns": 1_764_320_000_000_000_000 + i,
        "status": status,
        "reason": reason,
        "article_id": article_id,
        "run_id": RUN_ID,
        "recorded_at": datetime(2026, 11, 28, 9, 0, tzinfo=UTC),
    }


def make_batch(n_articles: int = 8, extra_files: bool = True) -> dict[str, pd.DataFrame]:
    """A batch as the flow hands it to the gate; with a duplicate and a quarantined file when extra_files."""
    articles, quotes, entities, files = [], [], [], []
    for i in range(n_articles):
        article, article_quotes, article_entities, file = _article(i)
        articles.append(article)
        quotes += article_quotes
        entities += article_entities
        files.append(file)
    if extra_files:
        if articles:
            files.append(
                _file("2026/11/copy.txt", "duplicate", "same content as story-000", articles[0]["article_id"], 1)
            )
        files.append(_file("2026/11/empty.txt", "quarantined", "file holds only whitespace", None, 2))
    return {
        ARTICLES.name: _frame(ARTICLES, articles),
        QUOTES.name: _frame(QUOTES, quotes),
        ENTITIES.name: _frame(ENTITIES, entities),
        FILES.name: _frame(FILES, files),
    }


@pytest.fixture(scope="module")
def gate() -> Gate:
    return Gate()


@pytest.fixture(scope="module")
def clean_report(gate: Gate) -> GateReport:
    return gate.validate(make_batch(), today=TODAY)


def _failed(report: GateReport, table: str, expectation: str, column: str | None):
    matches = [
        r for r in report.failures if (r.table_name, r.expectation, r.column_name) == (table, expectation, column)
    ]
    assert matches, f"expected {table}: {expectation}({column}) to fail; failures: {report.describe_failures()}"
    return matches[0]


def test_a_clean_batch_passes_every_expectation(clean_report: GateReport) -> None:
    report = clean_report
    assert report.passed
    assert report.failures == ()
    assert report.describe_failures() == ""
    assert len(report.records) > 40
    assert {r.table_name for r in report.records} == {"articles", "quotes", "entities", "files"}
    assert {r.severity for r in report.records} == {"critical", "warning"}


def test_records_are_quality_rows_with_a_unique_key(clean_report: GateReport) -> None:
    report = clean_report
    assert list(RECORD_COLUMNS) == [c for c in QUALITY.columns if c not in ("run_id", "batch", "evaluated_at")]
    rows = report.rows()
    assert all(list(row) == list(RECORD_COLUMNS) for row in rows)
    keys = [(r["table_name"], r["expectation"], r["column_name"]) for r in rows]
    assert len(keys) == len(set(keys))
    # the writer can turn them into QUALITY rows as they are
    pa.Table.from_pylist(
        [{"run_id": RUN_ID, "batch": 0, "evaluated_at": datetime.now(UTC), **row} for row in rows],
        schema=QUALITY.schema,
    )


def test_schema_expectations_cover_every_non_nullable_column_and_the_keys(clean_report: GateReport) -> None:
    report = clean_report
    checked = {(r.table_name, r.column_name) for r in report.records if r.expectation.endswith("to_not_be_null")}
    for table in (ARTICLES, QUOTES, ENTITIES, FILES):
        assert {(table.name, f.name) for f in table.schema if not f.nullable} <= checked
    names = {(r.table_name, r.expectation, r.column_name) for r in report.records}
    assert ("entities", "expect_compound_columns_to_be_unique", "article_id,entity_id") in names
    assert ("quotes", "expect_column_values_to_be_unique", "quote_id") in names


def _set(table: str, row: int, column: str, value: object) -> Callable[[dict[str, pd.DataFrame]], None]:
    def mutate(batch: dict[str, pd.DataFrame]) -> None:
        batch[table].loc[row, column] = value

    return mutate


def _duplicate_row(table: str, row: int) -> Callable[[dict[str, pd.DataFrame]], None]:
    def mutate(batch: dict[str, pd.DataFrame]) -> None:
        batch[table] = pd.concat([batch[table], batch[table].iloc[[row]]], ignore_index=True)

    return mutate


def _shift_offsets(batch: dict[str, pd.DataFrame]) -> None:
    batch["quotes"].loc[5, ["char_start", "char_end"]] += 3


def _drop_article(batch: dict[str, pd.DataFrame]) -> None:
    """The article of a published file is missing from the batch, with its quotes and entities."""
    gone = batch["articles"].loc[2, "article_id"]
    for name in ("articles", "quotes", "entities"):
        batch[name] = batch[name][batch[name]["article_id"] != gone].reset_index(drop=True)


def _unpublish_file(batch: dict[str, pd.DataFrame]) -> None:
    """An article whose file the batch quarantined."""
    batch["files"].loc[3, ["status", "reason"]] = ["quarantined", "no body"]


CRITICAL_BREAKS = {
    "duplicate key": (_duplicate_row("quotes", 7), "quotes", "expect_column_values_to_be_unique", "quote_id"),
    "duplicate compound key": (
        _duplicate_row("entities", 30),
        "entities",
        "expect_compound_columns_to_be_unique",
        "article_id,entity_id",
    ),
    "null key": (_set("quotes", 11, "quote_id", None), "quotes", "expect_column_values_to_not_be_null", "quote_id"),
    "dangling article reference": (
        _set("entities", 40, "article_id", "0000deadbeef0000"),
        "entities",
        "expect_column_values_to_be_null",
        "article_id_unresolved",
    ),
    "wrong offsets": (_shift_offsets, "quotes", "expect_column_pair_values_to_be_equal", "text,quoted_span"),
    "quote in an absent standfirst": (
        _set("quotes", 0, "field", "standfirst"),
        "quotes",
        "expect_column_pair_values_to_be_equal",
        "text,quoted_span",
    ),
    "empty span": (
        _set("quotes", 12, "char_end", 0),
        "quotes",
        "expect_column_pair_values_a_to_be_greater_than_b",
        "char_end,char_start",
    ),
    "bad label": (_set("entities", 3, "label", "DATE"), "entities", "expect_column_values_to_be_in_set", "label"),
    "date too old": (
        _set("articles", 1, "published_date", date(1899, 12, 31)),
        "articles",
        "expect_column_values_to_be_between",
        "published_date",
    ),
    "date in the future": (
        _set("articles", 6, "published_date", TODAY + timedelta(days=3)),
        "articles",
        "expect_column_values_to_be_between",
        "published_date",
    ),
    "published file without its article": (
        _drop_article,
        "files",
        "expect_column_values_to_be_null",
        "article_id_unresolved",
    ),
    "article whose file is not published": (
        _unpublish_file,
        "articles",
        "expect_column_values_to_be_null",
        "source_path_unresolved",
    ),
    "unexplained quarantine": (
        _set("files", 9, "reason", None),
        "files",
        "expect_column_values_to_not_be_null",
        "reason",
    ),
}

# More critical rules, broken together in one batch (on rows the others do not touch) to keep the suite fast.
MORE_BREAKS = {
    "null non-nullable column": (
        _set("articles", 4, "headline", None),
        "articles",
        "expect_column_values_to_not_be_null",
        "headline",
    ),
    "dangling quote reference": (
        _set("quotes", 20, "article_id", "0000deadbeef0000"),
        "quotes",
        "expect_column_values_to_be_null",
        "article_id_unresolved",
    ),
    "bad quote field": (_set("quotes", 1, "field", "caption"), "quotes", "expect_column_values_to_be_in_set", "field"),
    "bad quote type": (
        _set("quotes", 2, "quote_type", "reported"),
        "quotes",
        "expect_column_values_to_be_in_set",
        "quote_type",
    ),
    "zero mentions": (
        _set("entities", 8, "mention_count", 0),
        "entities",
        "expect_column_values_to_be_between",
        "mention_count",
    ),
    "bad file status": (_set("files", 0, "status", "skipped"), "files", "expect_column_values_to_be_in_set", "status"),
}


@pytest.mark.parametrize("case", list(CRITICAL_BREAKS))
def test_a_critical_break_blocks_the_batch_and_names_the_rows(gate: Gate, case: str) -> None:
    mutate, table, expectation, column = CRITICAL_BREAKS[case]
    batch = make_batch()
    mutate(batch)
    report = gate.validate(batch, today=TODAY)
    assert not report.passed
    record = _failed(report, table, expectation, column)
    assert record.severity == "critical"
    assert record.unexpected_count and record.unexpected_count >= 1
    assert record.unexpected_examples
    summary = report.describe_failures()
    assert "\n" not in summary
    rows = "row" if record.unexpected_count == 1 else "rows"
    assert f"{table}: {expectation}({column}) failed on {record.unexpected_count} {rows}: " in summary


def test_every_other_critical_rule_blocks_and_names_its_rows(gate: Gate) -> None:
    batch = make_batch()
    for mutate, *_ in MORE_BREAKS.values():
        mutate(batch)
    report = gate.validate(batch, today=TODAY)
    assert not report.passed
    for case, (_, table, expectation, column) in MORE_BREAKS.items():
        record = _failed(report, table, expectation, column)
        assert (record.severity, record.unexpected_count) == ("critical", 1), case
        assert record.unexpected_examples, case


def test_offending_rows_are_named_by_their_key(gate: Gate) -> None:
    batch = make_batch()
    _shift_offsets(batch)  # row 5
    _set("quotes", 11, "quote_id", None)(batch)
    _duplicate_row("quotes", 7)(batch)
    quotes = batch["quotes"]
    report = gate.validate(batch, today=TODAY)

    record = _failed(report, "quotes", "expect_column_pair_values_to_be_equal", "text,quoted_span")
    assert record.unexpected_count == 1
    assert record.unexpected_examples.startswith(
        f"quote_id={quotes.loc[5, 'quote_id']} article_id={quotes.loc[5, 'article_id']} text="
    )
    record = _failed(report, "quotes", "expect_column_values_to_be_unique", "quote_id")
    assert record.unexpected_count == 2  # both rows that share the id, named once
    assert record.unexpected_examples == (
        f"quote_id={quotes.loc[7, 'quote_id']} article_id={quotes.loc[7, 'article_id']}, ..."
    )
    record = _failed(report, "quotes", "expect_column_values_to_not_be_null", "quote_id")
    assert record.unexpected_examples == f"quote_id=NULL article_id={quotes.loc[11, 'article_id']}"


def test_a_missing_article_breaks_the_count_reconciliation(gate: Gate) -> None:
    batch = make_batch()
    _drop_article(batch)
    report = gate.validate(batch, today=TODAY)
    record = _failed(report, "articles", "expect_column_unique_value_count_to_be_between", "article_id")
    assert record.observed_value == "7"
    assert "failed: observed 7, expected 8..8" in report.describe_failures()
    files = _failed(report, "files", "expect_column_values_to_be_null", "article_id_unresolved")
    assert files.unexpected_examples.startswith(f"path={batch['files'].loc[2, 'path']} ")


def test_a_touched_file_may_name_an_article_committed_before(gate: Gate) -> None:
    """A file touched since it was published is recorded again with its status, without its rows."""
    batch = make_batch()
    earlier = batch["articles"].loc[2, "article_id"]
    _drop_article(batch)
    report = gate.validate(batch, today=TODAY, committed_article_ids={earlier, "an-older-one"})
    assert report.passed, report.describe_failures()
    assert gate.validate(batch, today=TODAY, committed_article_ids={"an-older-one"}).passed is False


@pytest.mark.parametrize(
    "dtype", ["datetime64[ns]", "datetime64[us]", pd.ArrowDtype(pa.date32())], ids=["ns", "us", "arrow-date"]
)
def test_dates_in_other_dtypes_are_checked_too(gate: Gate, dtype: object) -> None:
    batch = make_batch()
    batch["articles"].loc[0, "published_date"] = date(1850, 6, 1)
    batch["articles"]["published_date"] = batch["articles"]["published_date"].astype(dtype)
    report = gate.validate(batch, today=TODAY)
    record = _failed(report, "articles", "expect_column_values_to_be_between", "published_date")
    assert report.failures == (record,)
    article = batch["articles"].loc[0]
    assert record.unexpected_examples == (
        f"article_id={article.article_id} source_path={article.source_path} published_date=1850-06-01"
    )


def test_a_warning_is_recorded_but_the_batch_publishes(gate: Gate) -> None:
    batch = make_batch()
    batch["articles"].loc[3, "word_count"] = 12
    report = gate.validate(batch, today=TODAY)
    assert report.passed
    record = _failed(report, "articles", "expect_column_values_to_be_between", "word_count")
    assert record.severity == "warning"
    assert report.describe_failures().startswith("(warning) articles: expect_column_values_to_be_between(word_count)")


def test_few_attributed_quotes_is_a_warning(gate: Gate) -> None:
    batch = make_batch()
    batch["quotes"]["speaker"] = None
    report = gate.validate(batch, today=TODAY)
    assert report.passed
    assert _failed(report, "quotes", "expect_column_values_to_not_be_null", "speaker").severity == "warning"


def test_an_all_quarantined_batch_passes(gate: Gate) -> None:
    batch = make_batch(n_articles=0)
    batch["files"] = _frame(
        FILES, [_file(f"2026/11/bad-{i}.txt", "quarantined", "no publication date", None, i) for i in range(3)]
    )
    assert len(batch["articles"]) == len(batch["quotes"]) == len(batch["entities"]) == 0
    report = gate.validate(batch, today=TODAY)
    assert report.passed, report.describe_failures()
    assert report.failures == ()


def test_an_empty_batch_passes(gate: Gate) -> None:
    batch = make_batch(n_articles=0, extra_files=False)
    assert gate.validate(batch, today=TODAY).passed


def test_a_batch_without_the_schema_columns_is_refused(gate: Gate) -> None:
    batch = make_batch()
    batch["quotes"] = batch["quotes"].drop(columns=["char_end"])
    with pytest.raises(ValueError, match="quotes lacks char_end"):
        gate.validate(batch, today=TODAY)
    with pytest.raises(ValueError, match="no files table"):
        gate.validate({k: v for k, v in make_batch().items() if k != "files"}, today=TODAY)


def test_validation_is_silent(gate: Gate, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    batch = make_batch()
    _shift_offsets(batch)
    with caplog.at_level(logging.DEBUG):
        gate.validate(batch, today=TODAY)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert [r for r in caplog.records if r.name.startswith("great_expectations")] == []


def test_describe_failures_stays_short(gate: Gate) -> None:
    batch = make_batch()
    for row in range(8):
        batch["quotes"].loc[row * 9, "quote_type"] = None
        batch["entities"].loc[row, "label"] = "CARDINAL"
    batch["files"].loc[9, "reason"] = None
    batch["articles"]["word_count"] = 5
    report = gate.validate(batch, today=TODAY)
    assert len(report.failures) == 4
    summary = report.describe_failures(limit=2)
    assert summary.endswith(" (+2 more failed)")
    assert summary.count("; ") == 1
    assert "(warning)" not in summary  # critical failures come first


def test_results_do_not_accumulate_between_batches(gate: Gate) -> None:
    gate.validate(make_batch(), today=TODAY)
    assert gate._context.validation_results_store.list_keys() == []


def test_a_full_size_batch_validates_quickly(gate: Gate) -> None:
    batch = make_batch(n_articles=64)
    assert (len(batch["quotes"]), len(batch["entities"])) >= (550, 1450)
    gate.validate(batch, today=TODAY)
    started = time.perf_counter()
    report = gate.validate(batch, today=TODAY)
    assert report.passed
    assert time.perf_counter() - started < 5  # measured ~0.5 s; generous for slow CI machines


def test_a_suite_that_would_collide_in_quality_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def twice(table: Table) -> gx.ExpectationSuite:
        same = [gxe.ExpectColumnValuesToBeBetween(column=table.columns[0], min_value=i) for i in (1, 2)]
        return gx.ExpectationSuite(name=table.name, expectations=same)

    monkeypatch.setattr(expectations.gate, "build_suite", twice)
    with pytest.raises(ValueError, match="QUALITY's key would collide"):
        Gate()


def test_stories_name_an_article_whose_story_is_its_own_and_which_is_the_earliest(gate: Gate) -> None:
    batch = make_batch()  # article i is published i days before TODAY
    arts = batch["articles"]
    ids = arts["article_id"].tolist()
    arts.loc[0, "story_id"] = ids[1]  # a copy of an earlier article: fine
    assert gate.validate(batch, today=TODAY).passed
    arts.loc[5, "story_id"] = ids[4]  # named article published after it
    arts.loc[2, "story_id"], arts.loc[0, "story_id"] = ids[6], ids[2]  # names an article of another story
    arts.loc[7, "story_id"] = "0000deadbeef0000"  # names no article
    report = gate.validate(batch, today=TODAY)
    assert _failed(report, "articles", "expect_column_pair_values_a_to_be_greater_than_b",
                   "published_date,story_first_date").unexpected_count == 1
    assert _failed(report, "articles", "expect_column_pair_values_to_be_equal",
                   "story_id,story_first_story").unexpected_count == 1
    assert _failed(report, "articles", "expect_column_values_to_be_null", "story_id_unresolved").unexpected_count == 1


def test_a_story_may_have_its_first_article_committed_before(gate: Gate) -> None:
    batch = make_batch()
    batch["articles"].loc[0, "story_id"] = "committed-first"
    assert gate.validate(batch, today=TODAY, story_firsts={"committed-first": (date(2026, 1, 1), "committed-first")},
                         committed_article_ids={"committed-first"}).passed
    later = {"committed-first": (TODAY + timedelta(days=1), "committed-first")}
    late = gate.validate(batch, today=TODAY, story_firsts=later, committed_article_ids={"committed-first"})
    assert "published_date,story_first_date" in late.describe_failures()
    assert not gate.validate(batch, today=TODAY).passed  # not in the batch, not committed: dangling
