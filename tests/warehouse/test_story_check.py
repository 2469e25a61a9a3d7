"""The story rules over a whole warehouse: a consistent one breaks none; each kind of inconsistency is counted."""

from __future__ import annotations

import duckdb
import pytest

from warehouse.story_check import STORY_RULES, story_problems

ARTICLES = [("a", "2024-01-09", "a"), ("b", "2024-01-10", "a"), ("c", "2024-01-10", "c"), ("old", "2024-01-01", None)]


def session(articles: list[tuple], index: list[str]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE articles (article_id VARCHAR, published_date DATE, story_id VARCHAR)")
    con.executemany("INSERT INTO articles VALUES (?, ?, ?)", articles)
    con.execute("CREATE TABLE story_index (article_id VARCHAR)")
    con.executemany("INSERT INTO story_index VALUES (?)", [[i] for i in index])
    return con


def test_a_consistent_warehouse_breaks_no_rule_and_old_rows_are_not_faults() -> None:
    assert story_problems(session(ARTICLES, ["a", "b", "c"])) == []


@pytest.mark.parametrize(("articles", "index", "rule"), [
    (ARTICLES, ["a", "b", "c", "gone"], "story_index rows whose article is not published"),
    ([*ARTICLES, ("d", "2024-01-11", "withdrawn")], ["a", "b", "c"], "articles whose story_id names no published"),
    ([*ARTICLES, ("d", "2024-01-11", "b")], ["a", "b", "c"], "articles whose story's first article is not the first"),
    ([*ARTICLES, ("0", "2024-01-09", "a")], ["a", "b", "c"], "articles published before their story's first"),
    ([*ARTICLES, ("e", "2024-01-08", "a")], ["a", "b", "c"], "articles published before their story's first"),
])
def test_each_broken_rule_is_counted(articles: list[tuple], index: list[str], rule: str) -> None:
    [line] = story_problems(session(articles, index))
    assert line.startswith(f"1 {rule}")
    assert any(line == f"1 {r}" for r in STORY_RULES)
