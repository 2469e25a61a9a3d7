"""Corrections as their own category in `newsetl compare`: rows changed by a correction that one warehouse
holds are `corrected`, not pipeline changes; the corrections themselves are listed by side."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsetl.compare import compare, counts
from newsetl.compare_corrections import read_corrections
from tests.newsetl.test_compare import ARTICLES, build, q, rows


def with_corrections(path: Path, quote_fixes: dict[str, str], entity_fixes: dict[str, str],
                     corrections: list[tuple]) -> Path:
    """A hand-built warehouse database whose quotes and entities carry correction_id, with a corrections table."""
    con = duckdb.connect(str(path))
    for view, fixes, key in (("quotes", quote_fixes, "quote_id"), ("entities", entity_fixes, "entity_id")):
        con.execute(f"ALTER TABLE {view} ADD COLUMN correction_id VARCHAR")
        for target, cid in fixes.items():
            con.execute(f"UPDATE {view} SET correction_id = ? WHERE {key} = ?", [cid, target])
    con.execute("CREATE TABLE corrections (correction_id VARCHAR, kind VARCHAR, target VARCHAR, value VARCHAR, "
                "who VARCHAR, corrected_at VARCHAR, why VARCHAR, file VARCHAR, line INTEGER, status VARCHAR, "
                "matched INTEGER)")
    for c in corrections:
        con.execute("INSERT INTO corrections VALUES (?, ?, ?, ?, 'ana', '2024-05-01', 'why', 'c.csv', 2, ?, 1)", c)
    con.close()
    return path


QUOTES = [q("q1", "a1", 0, 20, "The bridge will open"), q("q2", "a1", 30, 50, "We will not wait"),
          q("q3", "a2", 0, 10, "Never again")]
ENTITIES = [("a1", "e1", "Meridian", "ORG", ["Meridian"])]


def test_corrections_in_one_warehouse_are_their_own_category(tmp_path: Path) -> None:
    old = with_corrections(build(tmp_path / "old.duckdb", ARTICLES, QUOTES, ENTITIES), {}, {}, [])
    fixed = [q("q1", "a1", 0, 20, "The bridge will open", speaker="Owen Tabb")]  # q2 not a quote, a2 excluded
    new = with_corrections(build(tmp_path / "new.duckdb", ARTICLES[:1], fixed, [("a1", "e1", "Meridian", "GPE",
                                                                                  ["Meridian"])]),
                           {"q1": "c1"}, {"e1": "c3"},
                           [("c1", "speaker", "q1", "Owen Tabb", "applied"), ("c2", "not-quote", "q2", "", "applied"),
                            ("c3", "entity-label", "e1", "GPE", "applied"), ("c4", "exclude", "a2", "", "applied")])
    reports = compare(old, new)
    found = counts(reports)
    assert found[("quotes", "corrected")] == 2 and found[("quotes", "re-attributed")] == 0
    assert found[("quotes", "removed")] == 0
    assert found[("entities", "corrected")] == 1 and found[("entities", "relabelled")] == 0
    assert found[("articles", "excluded by a correction")] == 1 and found[("articles", "only in old")] == 0
    assert (found[("corrections", "only in new")], found[("corrections", "only in old")]) == (4, 0)
    details = {r["text"]: r["detail"] for r in rows(reports, "quote_changes")}
    assert details == {"The bridge will open": "Mara Lindqvist -> Owen Tabb (c1)",
                       "We will not wait": "not a quote (c2)"}
    assert {r["side"] for r in rows(reports, "articles_only_in_one")} == {"excluded in new"}
    assert [r["id"] for r in rows(reports, "corrections")] == ["c3", "c4", "c2", "c1"]  # by kind


def test_the_same_correction_in_both_is_no_change(tmp_path: Path) -> None:
    fixed = [q("q1", "a1", 0, 20, "The bridge will open", speaker="Owen Tabb"), *QUOTES[1:]]
    one = [("c1", "speaker", "q1", "Owen Tabb", "applied")]
    other = [("c9", "speaker", "q1", "Owen Tabb", "applied")]  # numbered differently: the same fix
    old = with_corrections(build(tmp_path / "old.duckdb", ARTICLES, fixed, ENTITIES), {"q1": "c1"}, {}, one)
    new = with_corrections(build(tmp_path / "new.duckdb", ARTICLES, fixed, ENTITIES), {"q1": "c9"}, {}, other)
    found = counts(compare(old, new))
    assert all(n == 0 for (what, change), n in found.items() if change != "in both")


def test_a_warehouse_without_corrections_reads_as_none(tmp_path: Path) -> None:
    db = build(tmp_path / "w.duckdb", ARTICLES, QUOTES, ENTITIES)
    assert read_corrections(db).num_rows == 0
