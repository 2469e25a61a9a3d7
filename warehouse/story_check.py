"""The story rules over the whole published warehouse, for `newsetl check`: the gate checks each commit's
rows (expectations.suites); this checks what all commits left together, through the views of news.duckdb.

The rules (README, "Stories"): every story_index row is a published article's; every story_id names a
published article, which is the first of its own story and published no later than (on the same date:
no later by article_id than) each article of the story. Articles published before stories existed
(story_id NULL, no index row) break no rule: the next run that commits indexes them."""

from __future__ import annotations

import duckdb

_FIRST = "JOIN articles AS f ON f.article_id = a.story_id"
STORY_RULES: dict[str, str] = {
    "story_index rows whose article is not published":
        "SELECT count(*) FROM story_index AS i ANTI JOIN articles AS a USING (article_id)",
    "articles whose story_id names no published article":
        "SELECT count(*) FROM articles AS a ANTI JOIN articles AS f ON f.article_id = a.story_id "
        "WHERE a.story_id IS NOT NULL",
    "articles whose story's first article is not the first of its own story":
        f"SELECT count(*) FROM articles AS a {_FIRST} WHERE f.story_id IS DISTINCT FROM f.article_id",
    "articles published before their story's first article":
        f"SELECT count(*) FROM articles AS a {_FIRST} WHERE a.published_date < f.published_date "
        "OR (a.published_date = f.published_date AND a.article_id < f.article_id)",
}


def story_problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """'N <rule broken>' for each rule of STORY_RULES that rows of the views on `con` break."""
    found = []
    for what, sql in STORY_RULES.items():
        (count,) = con.execute(sql).fetchall()[0]
        if count:
            found.append(f"{count} {what}")
    return found
