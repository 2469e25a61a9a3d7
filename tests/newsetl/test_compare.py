"""newsetl compare: each kind of change between two warehouses, on databases built by hand with the
views' columns, so that every category is pinned; tests/e2e/test_compare.py compares real runs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsetl.compare import CompareError, compare, counts

ARTICLES = [("a1", "one.txt", "2024-05-01", "Bridge vote"), ("a2", "two.txt", "2024-05-02", "Harbour plan")]


def build(path: Path, articles, quotes, entities) -> Path:
    """A database with tables named like the warehouse's views, holding the columns compare reads."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles (article_id VARCHAR, source_path VARCHAR, published_date DATE, "
                "headline VARCHAR)")
    con.execute("CREATE TABLE quotes (quote_id VARCHAR, article_id VARCHAR, field VARCHAR, char_start INTEGER, "
                "char_end INTEGER, text VARCHAR, quote_type VARCHAR, speaker VARCHAR, cue_class VARCHAR)")
    con.execute("CREATE TABLE entities (article_id VARCHAR, entity_id VARCHAR, name VARCHAR, label VARCHAR, "
                "surface_forms VARCHAR[])")
    con.executemany("INSERT INTO articles VALUES (?, ?, ?, ?)", articles)
    if quotes:
        con.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", quotes)
    if entities:
        con.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)", entities)
    con.close()
    return path


def q(qid, article, start, end, text, kind="direct", speaker="Mara Lindqvist", cue_class="speech"):
    return (qid, article, "body", start, end, text, kind, speaker, cue_class)


OLD_QUOTES = [
    q("q1", "a1", 0, 20, "The bridge will open"),  # unchanged
    q("q2", "a1", 30, 50, "We will not wait"),  # re-attributed
    q("q3", "a1", 60, 80, "the vote was close", kind="direct"),  # re-typed: same span, new id
    q("q4", "a2", 0, 10, "Never again"),  # removed
]
NEW_QUOTES = [
    q("q1", "a1", 0, 20, "The bridge will open"),
    q("q2", "a1", 30, 50, "We will not wait", speaker="Owen Tabb"),
    q("q3i", "a1", 60, 80, "the vote was close", kind="indirect"),
    q("q5", "a2", 20, 40, "the plan is sound", kind="indirect", speaker="Owen Tabb"),  # added
]
OLD_ENTITIES = [
    ("a1", "e1", "Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"]),
    ("a1", "e2", "Meridian", "PERSON", ["Meridian"]),  # relabelled
    ("a1", "e3", "Owen Tabb", "PERSON", ["Owen Tabb"]),  # merged with e4
    ("a1", "e4", "Tabb", "ORG", ["Tabb"]),
    ("a2", "e5", "Harbour Board", "ORG", ["Harbour Board", "Harbour"]),  # split
    ("a2", "e6", "Jon Ek", "PERSON", ["Jon Ek"]),  # renamed
    ("a2", "e7", "Lund", "GPE", ["Lund"]),  # removed
]
NEW_ENTITIES = [
    ("a1", "e1", "Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"]),
    ("a1", "e2o", "Meridian", "ORG", ["Meridian"]),
    ("a1", "e3", "Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"]),
    ("a2", "e5a", "Harbour Board", "ORG", ["Harbour Board"]),
    ("a2", "e5b", "Harbour", "FAC", ["Harbour"]),
    ("a2", "e6b", "Jon A. Ek", "PERSON", ["Jon A. Ek", "Jon Ek"]),
    ("a2", "e8", "Malmo", "GPE", ["Malmo"]),  # added
]


@pytest.fixture
def pair(tmp_path):
    old = build(tmp_path / "old.duckdb", ARTICLES, OLD_QUOTES, OLD_ENTITIES)
    new = build(tmp_path / "new.duckdb", ARTICLES, NEW_QUOTES, NEW_ENTITIES)
    return old, new


def rows(reports, name):
    report = next(r for r in reports if r.name == name)
    return [dict(zip(report.columns, row, strict=True)) for row in report.rows]


def test_identical_warehouses_have_nothing_to_report(tmp_path):
    old = build(tmp_path / "old.duckdb", ARTICLES, OLD_QUOTES, OLD_ENTITIES)
    reports = compare(old, old)
    found = counts(reports)
    assert found[("articles", "in both")] == 2
    assert all(n == 0 for (what, change), n in found.items() if change != "in both")
    before_after = rows(reports, "speakers_before_after")
    assert before_after and all(r["change"] == 0 for r in before_after)


def test_every_kind_of_quote_change(pair):
    reports = compare(*pair)
    found = counts(reports)
    assert (found[("quotes", "added")], found[("quotes", "removed")]) == (1, 1)
    assert (found[("quotes", "re-attributed")], found[("quotes", "re-typed")]) == (1, 1)
    changes = {(r["change"], r["text"]): r["detail"] for r in rows(reports, "quote_changes")}
    assert changes == {
        ("re-attributed", "We will not wait"): "Mara Lindqvist -> Owen Tabb",
        ("re-typed", "the vote was close"): "direct -> indirect",
        ("removed", "Never again"): "Mara Lindqvist",
        ("added", "the plan is sound"): "Owen Tabb",
    }
    per_article = {r["source_path"]: (r["added"], r["removed"], r["reattributed"], r["retyped"])
                   for r in rows(reports, "quotes_by_article")}
    assert per_article == {"one.txt": (0, 0, 1, 1), "two.txt": (1, 1, 0, 0)}


def test_every_kind_of_entity_change(pair):
    changes = {(r["change"], r["detail"]) for r in rows(compare(*pair), "entity_changes")}
    assert changes == {
        ("relabelled", "Meridian: PERSON -> ORG"),
        ("merged", "Owen Tabb (PERSON) + Tabb (ORG) -> Owen Tabb"),
        ("split", "Harbour Board -> Harbour (FAC) + Harbour Board (ORG)"),
        ("renamed", "Jon Ek -> Jon A. Ek"),
        ("removed", "Lund (GPE)"),
        ("added", "Malmo (GPE)"),
    }


def test_entities_of_one_article_sharing_a_spelling_are_not_a_merge_when_nothing_changed(tmp_path):
    """`Duncan Hunter` and `Duncan Hunter Sr` both spelled `Hunter` in one article: unchanged, not merged."""
    hunters = [("a1", "h1", "Duncan Hunter", "PERSON", ["Duncan Hunter", "Hunter"]),
               ("a1", "h2", "Duncan Hunter Sr", "PERSON", ["Duncan Hunter Sr", "Hunter"])]
    old = build(tmp_path / "old.duckdb", ARTICLES, [], hunters)
    assert all(n == 0 for (what, change), n in counts(compare(old, old)).items() if what == "entities")
    renamed = [hunters[0], ("a1", "h3", "Duncan D. Hunter", "PERSON", ["Duncan D. Hunter", "Hunter"])]
    new = build(tmp_path / "new.duckdb", ARTICLES, [], renamed)
    changes = {(r["change"], r["detail"]) for r in rows(compare(old, new), "entity_changes")}
    # the spelling they share names two entities, so it cannot say which one became which
    assert changes == {("removed", "Duncan Hunter Sr (PERSON)"), ("added", "Duncan D. Hunter (PERSON)")}


def test_articles_in_only_one_warehouse_and_their_quotes_are_not_counted_as_changes(tmp_path):
    old = build(tmp_path / "old.duckdb", ARTICLES[:1], OLD_QUOTES[:1], OLD_ENTITIES[:1])
    new = build(tmp_path / "new.duckdb", ARTICLES[1:], NEW_QUOTES[3:], NEW_ENTITIES[-1:])
    reports = compare(old, new)
    found = counts(reports)
    assert (found[("articles", "only in old")], found[("articles", "only in new")], found[("articles", "in both")]) == (
        1, 1, 0)
    assert found[("quotes", "added")] == found[("quotes", "removed")] == 0
    sides = {(r["side"], r["source_path"]) for r in rows(reports, "articles_only_in_one")}
    assert sides == {("only in old", "one.txt"), ("only in new", "two.txt")}


def test_statements_per_speaker_before_and_after(pair):
    table = {r["speaker"]: (r["before"], r["after"], r["change"])
             for r in rows(compare(*pair), "speakers_before_after")}
    assert table == {"Mara Lindqvist": (4, 2, -2), "Owen Tabb": (0, 2, 2)}


def test_statements_per_speaker_count_as_the_reports_do(tmp_path):
    """A belief or evidence statement (`X thinks ...`, `the report shows ...`) is not a statement the
    speaker reports count; compare's before/after counts the same way."""
    quotes = [q("b1", "a1", 0, 10, "it is cold", kind="indirect", cue_class="belief"),
              q("s1", "a1", 20, 30, "we will win", kind="indirect")]
    db = build(tmp_path / "w.duckdb", ARTICLES, quotes, [])
    table = {r["speaker"]: r["before"] for r in rows(compare(db, db), "speakers_before_after")}
    assert table == {"Mara Lindqvist": 1}


def test_a_missing_or_foreign_database_is_one_line(tmp_path):
    with pytest.raises(CompareError, match="no warehouse database at .*absent.duckdb"):
        compare(tmp_path / "absent.duckdb", tmp_path / "absent.duckdb")
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(CompareError, match="cannot open .*garbage.duckdb") as info:
        compare(garbage, garbage)
    assert "\n" not in str(info.value)
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(CompareError, match="cannot read .*empty.duckdb"):
        compare(empty, empty)
