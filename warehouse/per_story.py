"""Counting each story once: temporary views that shadow `articles`, `quotes` and `entities` in one DuckDB
session, so that the standard reports (warehouse/sql/, unchanged) count a story republished under other
headlines, trimmed or syndicated (articles.story_id) once instead of once per copy.

In such a session:
- `articles` holds the first article of each story only (its earliest, whose id is the story_id);
- `quotes` holds one row per statement per story: a quotation repeated in copies of one story (same speaker,
  same words, case aside) is its earliest copy's row; a statement found only in a later copy (a paragraph
  added) is kept too. Its article_id is the story's, so that reports joining `articles` find the story's first;
  its offsets still point into the copy it came from;
- `entities` holds one row per entity per story (the copy that mentions it most), article_id the story's.
Rows published before stories existed (story_id NULL) are stories of their own."""

from __future__ import annotations

from warehouse.schema import ARTICLES, ENTITIES, QUOTES
from warehouse.sql_text import ident

_STORY = "coalesce(a.story_id, a.article_id)"


def per_story_views(database: str) -> list[str]:
    """The CREATE TEMP VIEW statements, reading the views of the attached database named `database` (e.g.
    `news` for news.duckdb: DuckDB names an opened file's catalog after its stem)."""
    def table(name: str) -> str:
        return f"{ident(database)}.main.{ident(name)}"

    return [
        f"CREATE OR REPLACE TEMP VIEW {ident(ARTICLES.name)} AS SELECT * FROM {table(ARTICLES.name)} AS a "
        f"WHERE a.article_id = {_STORY}",
        f"CREATE OR REPLACE TEMP VIEW {ident(QUOTES.name)} AS "
        f"SELECT q.* REPLACE ({_STORY} AS article_id) FROM {table(QUOTES.name)} AS q "
        f"JOIN {table(ARTICLES.name)} AS a ON a.article_id = q.article_id "
        f"QUALIFY row_number() OVER (PARTITION BY {_STORY}, q.speaker, lower(q.text) "
        "ORDER BY a.published_date, a.article_id, q.field, q.char_start) = 1",
        f"CREATE OR REPLACE TEMP VIEW {ident(ENTITIES.name)} AS "
        f"SELECT e.* REPLACE ({_STORY} AS article_id) FROM {table(ENTITIES.name)} AS e "
        f"JOIN {table(ARTICLES.name)} AS a ON a.article_id = e.article_id "
        f"QUALIFY row_number() OVER (PARTITION BY {_STORY}, e.entity_id "
        "ORDER BY e.mention_count DESC, a.published_date, a.article_id) = 1",
    ]
