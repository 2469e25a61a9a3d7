"""Deciding each file's status against the warehouse: new, duplicate, changed, touched, quarantined."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pytest

from warehouse.batch import BatchAssembler, ReconciliationError
from warehouse.schema import ARTICLES, QUOTES, RowError
from warehouse.store import KnownFile

NOW = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass
class Result:
    """A processed file as the warehouse sees it (warehouse.batch.ProcessedFile), without transforms."""

    path: str
    sha256: str
    size_bytes: int
    mtime_ns: int
    article: dict[str, Any] | None = None
    quotes: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    retry: bool = False


def article_row(aid: str, path: str, sha: str) -> dict[str, Any]:
    """An ARTICLES row as transforms build it: every column but run_id, which the batch adds."""
    row = ARTICLES.row(
        article_id=aid, source_path=path, source_sha256=sha, published_date=date(2024, 1, 1), section=None,
        headline="H", standfirst=None, image_caption=None, image_credit=None, body="B", paragraph_count=1,
        word_count=1, run_id=None, published_month="2024-01", story_id=None, similarity=None,
    )
    for added_later in ("run_id", "story_id", "similarity"):  # by the batch, and by flows.stories
        del row[added_later]
    return row


def quote_row(aid: str, i: int, **changes: Any) -> dict[str, Any]:
    values = dict(
        quote_id=f"{aid}-{i}", article_id=aid, field="body", paragraph_index=0, char_start=0, char_end=1,
        text="B", quote_type="direct", speaker=None, speaker_mention=None, speaker_entity_id=None, cue=None,
        cue_class=None, speaker_role=None, speaker_affiliation=None, speaker_affiliation_entity_id=None,
        published_month="2024-01",
    )
    return QUOTES.row(**{**values, **changes})


def result(path: str, sha: str, aid: str | None, reason: str | None = None, quotes: int = 1) -> Result:
    article = None if aid is None else article_row(aid, path, sha)
    q = [quote_row(aid, i) for i in range(quotes)] if aid else []
    return Result(path, sha, 10, 1, article=article, quotes=q, reason=reason)


def statuses(batch) -> dict[str, tuple[str, str | None]]:
    return {r["path"]: (r["status"], r["reason"]) for r in batch.tables["files"].to_pylist()}


def test_new_duplicates_and_quarantine_in_one_batch():
    asm = BatchAssembler({}, {}, "run1")
    batch = asm.assemble(0, [
        result("a.txt", "s1", "A"),
        result("b.txt", "s1", "A"),        # same bytes as a.txt
        result("c.txt", "s2", "A"),        # other bytes, same article
        result("d.txt", "s3", None, "empty file"),
    ], NOW)
    assert statuses(batch) == {
        "a.txt": ("published", None),
        "b.txt": ("duplicate", "same bytes as a.txt"),
        "c.txt": ("duplicate", "same article as a.txt"),
        "d.txt": ("quarantined", "empty file"),
    }
    assert batch.tables["articles"].num_rows == 1 and batch.tables["quotes"].num_rows == 1
    assert batch.tables["articles"].column("run_id").to_pylist() == ["run1"]


def test_against_the_warehouse_changed_touched_and_copies():
    known = {
        "a.txt": KnownFile("s1", 10, 1, "published", None, "A"),
        "q.txt": KnownFile("s9", 10, 1, "quarantined", "no body", None),
    }
    asm = BatchAssembler(known, {"A": "a.txt"}, "run2")
    batch = asm.assemble(0, [
        result("a.txt", "s1b", "A2"),                   # changed: replaces A
        result("q.txt", "s9", None, "no body"),          # touched: keeps its status and reason
        result("copy.txt", "s1", "A"),                   # bytes of a.txt's earlier version
    ], NOW)
    assert batch.withdraw_article_ids == ["A"]
    got = statuses(batch)
    assert got["a.txt"] == ("published", None) and got["q.txt"] == ("quarantined", "no body")
    # a.txt no longer holds those bytes: the copy is the article now, not a duplicate of a withdrawn one
    assert got["copy.txt"] == ("published", None)
    assert batch.statuses == {"published": 2, "unchanged": 1}
    asm.accept(batch)
    assert asm.published == {"A2": "a.txt", "A": "copy.txt"}


def test_duplicate_of_a_withdrawn_article_is_decided_afresh():
    """The known defect: a `duplicate` record kept pointing at the article its target's change withdrew."""
    known = {
        "a.txt": KnownFile("s1", 10, 1, "published", None, "A"),
        "b.txt": KnownFile("s1", 10, 1, "duplicate", "same bytes as a.txt", "A"),
        "c.txt": KnownFile("s2", 10, 1, "duplicate", "same article as a.txt", "A"),
    }
    asm = BatchAssembler(known, {"A": "a.txt"}, "run2")
    first = asm.assemble(0, [result("a.txt", "s1b", "A2")], NOW)
    asm.accept(first)
    second = asm.assemble(1, [result("b.txt", "s1", "A"), result("c.txt", "s2", "A")], NOW)
    assert statuses(second) == {"b.txt": ("published", None), "c.txt": ("duplicate", "same article as b.txt")}
    assert second.tables["files"].column("article_id").to_pylist() == ["A", "A"]
    asm.accept(second)
    assert asm.published == {"A2": "a.txt", "A": "b.txt"}
    # and a duplicate whose article still stands is left as it is
    again = asm.assemble(2, [result("c.txt", "s2", "A")], NOW)
    assert again.statuses == {"unchanged": 1}


def test_rows_that_do_not_add_up_are_never_published():
    """One file listed twice (an upstream bug) would publish its quotes twice: refused loudly."""
    dup = result("b.txt", "s2", "B")
    with pytest.raises(ReconciliationError, match="quote rows = quotes of published files: 1 != 2"):
        BatchAssembler({}, {}, "run3").assemble(0, [dup, dup], NOW)


def test_rows_that_do_not_fit_the_schema_are_refused_naming_table_row_and_column():
    bad = result("c.txt", "s3", "C", quotes=2)
    bad.quotes[1] = {**bad.quotes[1], "speaker_age": 61}
    with pytest.raises(RowError, match=r"quotes row 1: unknown column\(s\) speaker_age"):
        BatchAssembler({}, {}, "run4").assemble(0, [bad], NOW)
    bad = result("c.txt", "s3", "C", quotes=2)
    bad.quotes[0] = {**bad.quotes[0], "quote_type": "reported"}
    with pytest.raises(RowError, match=r"quotes.quote_type \(row 0\): 'reported' not one of direct, partial"):
        BatchAssembler({}, {}, "run4").assemble(0, [bad], NOW)
    bad = result("c.txt", "s3", "C")
    del bad.article["word_count"]
    with pytest.raises(RowError, match=r"articles row 0: missing column\(s\) word_count"):
        BatchAssembler({}, {}, "run4").assemble(0, [bad], NOW)


def test_transforms_file_results_are_processed_files_with_rows_that_fit_the_schema(nlp):
    """transforms.process.FileResult has every attribute warehouse.batch reads (without the warehouse importing
    it), and the rows transforms build for a real article have exactly the schema's columns and values."""
    from tests.conftest import SEED
    from transforms.process import FileResult, RawFile, process_files
    from warehouse.batch import ProcessedFile

    wanted = {name for name in vars(ProcessedFile) if not name.startswith("_")}
    assert wanted == {"path", "sha256", "size_bytes", "mtime_ns", "reason", "article", "quotes", "entities", "retry"}
    assert wanted <= set(FileResult.__dataclass_fields__)
    results = process_files(nlp, [RawFile(SEED.name, SEED.read_bytes(), 1)], date(2026, 11, 28)).files
    assert results[0].reason is None
    batch = BatchAssembler({}, {}, "run5").assemble(0, results, NOW)
    assert batch.tables["articles"].num_rows == 1 and batch.tables["quotes"].num_rows > 0
    assert batch.tables["entities"].num_rows > 0 and statuses(batch) == {SEED.name: ("published", None)}


def test_file_gone_or_changed_mid_run_keeps_what_the_warehouse_holds_of_it():
    known = {"a.txt": KnownFile("s1", 10, 1, "published", None, "A")}
    asm = BatchAssembler(known, {"A": "a.txt"}, "run2")
    gone = Result("a.txt", "", 12, 2, reason="gone before it could be read; read again by the next run", retry=True)
    new = Result("b.txt", "", 12, 2, reason="changed while the run read it; read again by the next run", retry=True)
    batch = asm.assemble(0, [gone, new], NOW)
    assert batch.withdraw_article_ids == []
    rows = {r["path"]: r for r in batch.tables["files"].to_pylist()}
    assert (rows["a.txt"]["status"], rows["a.txt"]["article_id"], rows["a.txt"]["sha256"]) == ("published", "A", "s1")
    assert (rows["a.txt"]["size_bytes"], rows["a.txt"]["mtime_ns"]) == (10, 1)  # so the next run reads it again
    assert (rows["b.txt"]["status"], rows["b.txt"]["sha256"]) == ("quarantined", "")
    assert rows["b.txt"]["reason"].endswith("read again by the next run")
    assert batch.tables["articles"].num_rows == 0 and batch.statuses == {"unchanged": 1, "quarantined": 1}
