"""Deciding each file's status against the warehouse: new, duplicate, changed, touched, quarantined."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from transforms.process import FileResult
from warehouse.batch import BatchAssembler, ReconciliationError
from warehouse.store import KnownFile

NOW = datetime(2024, 1, 1, tzinfo=UTC)


def result(path: str, sha: str, aid: str | None, reason: str | None = None, quotes: int = 1) -> FileResult:
    article = None if aid is None else {
        "article_id": aid, "source_path": path, "source_sha256": sha, "published_date": date(2024, 1, 1),
        "section": None, "headline": "H", "standfirst": None, "image_caption": None, "image_credit": None,
        "body": "B", "paragraph_count": 1, "word_count": 1, "published_month": "2024-01",
    }
    q = [{"quote_id": f"{aid}-{i}", "article_id": aid} for i in range(quotes)] if aid else []
    return FileResult(path, sha, 10, 1, article=article, quotes=q, reason=reason)


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
    assert got["copy.txt"] == ("duplicate", "same bytes as a.txt")
    assert batch.statuses == {"published": 1, "unchanged": 1, "duplicate": 1}
    asm.accept(batch)
    assert asm.published == {"A2": "a.txt"}


def test_rows_that_do_not_add_up_are_never_published():
    """One file listed twice (an upstream bug) would publish its quotes twice: refused loudly."""
    dup = result("b.txt", "s2", "B")
    with pytest.raises(ReconciliationError, match="quote rows = quotes of published files: 1 != 2"):
        BatchAssembler({}, {}, "run3").assemble(0, [dup, dup], NOW)
