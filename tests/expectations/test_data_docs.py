"""Data Docs for the gate's runs: the real gate's results on synthetic batches, built into a GX site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from expectations import Gate
from expectations.data_docs import RunDocs, data_docs_index, results_count
from expectations.suites import GATED_TABLES
from tests.expectations.test_gate import TODAY, make_batch


@pytest.fixture(scope="module")
def gate() -> Gate:
    return Gate()


def _run(gate: Gate, warehouse: Path, run_id: str, broken_batches: tuple[int, ...] = (), batches: int = 2,
         **kw) -> RunDocs:
    docs = RunDocs(warehouse, run_id, **kw)
    for number in range(batches):
        batch = make_batch(n_articles=3, extra_files=False)
        if number in broken_batches:
            batch["quotes"].loc[1, ["char_start", "char_end"]] += 2  # offsets no longer point at the words
        report = gate.validate(batch, today=TODAY, keep_results=docs.batch(number))
        assert report.passed is (number not in broken_batches)
    return docs


def _pages(warehouse: Path, run_id: str) -> list[Path]:
    return sorted((warehouse / "data_docs" / "validations").glob(f"*/{run_id}/*/*.html"))


def test_a_run_builds_a_site_with_a_page_per_table_and_batch(gate: Gate, tmp_path: Path) -> None:
    docs = _run(gate, tmp_path, "run-a")
    assert all(len(docs.batch(n)) == len(GATED_TABLES) for n in (0, 1))  # one GX result per table
    index = docs.build()
    assert index == data_docs_index(tmp_path) and index.exists()
    pages = _pages(tmp_path, "run-a")
    assert sorted(p.name for p in pages) == sorted(["batch-0000.html", "batch-0001.html"] * len(GATED_TABLES))
    html = index.read_text()
    assert "run-a" in html and "validations/quotes/run-a/" in html
    for page in pages:  # each page names its run, not `__none__`
        info = re.sub(r"<[^>]+>", " ", page.read_text())
        assert re.search(r"Run Name\s+run-a\s+Run Time\s+\d{4}-\d\d-\d\dT", info) and "__none__" not in info
    for table in GATED_TABLES:  # the suites themselves are documented too
        assert (tmp_path / "data_docs" / "expectations" / f"{table.name}.html").exists()


def test_failed_batches_are_always_shown_and_old_runs_pruned(gate: Gate, tmp_path: Path) -> None:
    _run(gate, tmp_path, "run-a").build()
    docs = _run(gate, tmp_path, "run-b", broken_batches=(1,), batches=3, keep_runs=1, max_passing_batches=1)
    assert docs.shown_batches() == [0, 1]  # the first passing batch, and the failed one
    index = docs.build()
    html = index.read_text()
    assert "run-b" in html and "run-a" not in html
    assert _pages(tmp_path, "run-a") == [] and results_count(tmp_path / "data_docs") == 2 * len(GATED_TABLES)
    quotes = tmp_path / "data_docs" / "validations" / "quotes" / "run-b"
    # GX's overview of each page says whether that validation succeeded
    assert re.search(r">\s*Failed\s*<", next(quotes.glob("*/batch-0001.html")).read_text())
    assert re.search(r">\s*Succeeded\s*<", next(quotes.glob("*/batch-0000.html")).read_text())


def test_nothing_validated_builds_nothing(tmp_path: Path) -> None:
    assert RunDocs(tmp_path, "run-empty").build() is None
    assert not (tmp_path / "data_docs").exists()


def test_a_site_that_cannot_be_written_does_not_fail_the_run(gate: Gate, tmp_path: Path) -> None:
    (tmp_path / "data_docs").write_text("a file where the site's folder should be")
    assert _run(gate, tmp_path, "run-a", batches=1).build() is None


def test_a_long_run_holds_only_the_batches_it_will_show(gate: Gate, tmp_path: Path) -> None:
    passing: list = []
    failing: list = []
    gate.validate(make_batch(n_articles=3, extra_files=False), today=TODAY, keep_results=passing)
    broken = make_batch(n_articles=3, extra_files=False)
    broken["quotes"].loc[1, ["char_start", "char_end"]] += 2
    gate.validate(broken, today=TODAY, keep_results=failing)
    docs = RunDocs(tmp_path, "run-long", max_passing_batches=2)
    for number in range(200):
        docs.batch(number).extend(failing if number in (7, 130) else passing)
        assert len(docs._batches) <= 5  # two passing, the failed ones, the one being filled
    assert docs.shown_batches() == [0, 1, 7, 130]
