"""Counting each story once, on a real warehouse: the first article of each story, a quotation repeated in
copies of one story once, a statement only a later copy has kept, one entity row per story."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from warehouse.per_story import per_story_views
from warehouse.schema import ARTICLES, ENTITIES, QUOTES
from warehouse.store import Warehouse


def _article(aid: str, story: str, day: int, section: str = "UK") -> dict:
    d = date(2024, 1, day)
    return ARTICLES.row(
        article_id=aid, source_path=f"{aid}.txt", source_sha256="0" * 64, published_date=d, section=section,
        headline=f"Headline {aid}", standfirst=None, image_caption=None, image_credit=None, body="Body.",
        paragraph_count=1, word_count=1, run_id="r1", published_month="2024-01", story_id=story,
        similarity=1.0 if aid == story else 0.8)


def _quote(qid: str, aid: str, text: str, speaker: str | None, start: int = 0) -> dict:
    return QUOTES.row(quote_id=qid, article_id=aid, field="body", paragraph_index=0, char_start=start,
                      char_end=start + len(text), text=text, quote_type="direct", speaker=speaker,
                      speaker_mention=speaker, speaker_entity_id=None, cue="say", cue_class="speech",
                      speaker_role=None, speaker_affiliation=None, speaker_affiliation_entity_id=None,
                      published_month="2024-01")


def _entity(aid: str, name: str, mentions: int) -> dict:
    return ENTITIES.row(article_id=aid, entity_id=f"PERSON:{name}", name=name, label="PERSON",
                        mention_count=mentions, surface_forms=[name], surface_form_mentions=[mentions],
                        gender=None, gender_evidence=None,
                        published_month="2024-01")


def make_warehouse(root: Path) -> Path:
    """A warehouse holding story a (a, its copies b and c) and story x; returns its news.duckdb."""
    # story "a": a (first), b (a copy under a new headline, a day later) and c (wire copy in another section)
    articles = [_article("a", "a", 9), _article("b", "a", 10), _article("c", "a", 10, "WORLD"), _article("x", "x", 9)]
    quotes = [_quote("qa", "a", "We are asking people to leave now", "Helen Morgan"),
              _quote("qb", "b", "We are asking people to leave now", "Helen Morgan"),
              _quote("qc", "c", "we are asking people to leave NOW", "Helen Morgan", 5),
              _quote("qb2", "b", "Volunteers filled 5,000 sandbags", "Tom Price", 40),
              _quote("qx", "x", "We are asking people to leave now", "Helen Morgan")]
    entities = [_entity("a", "Helen Morgan", 1), _entity("b", "Helen Morgan", 3), _entity("x", "Helen Morgan", 1)]
    with Warehouse.open(root) as wh:
        wh.commit({"articles": ARTICLES.to_arrow(articles), "quotes": QUOTES.to_arrow(quotes),
                   "entities": ENTITIES.to_arrow(entities)})
    return root / "news.duckdb"


@pytest.fixture
def session(tmp_path: Path):
    con = duckdb.connect(str(make_warehouse(tmp_path)), read_only=True)
    for statement in per_story_views("news"):
        con.execute(statement)
    yield con
    con.close()


def test_articles_are_the_first_of_each_story(session) -> None:
    assert session.execute("SELECT article_id FROM articles ORDER BY 1").fetchall() == [("a",), ("x",)]
    assert session.execute("SELECT count(*) FROM news.main.articles").fetchall() == [(4,)]  # the views stay


def test_a_quotation_repeated_in_copies_of_one_story_counts_once(session) -> None:
    got = session.execute("SELECT quote_id, article_id FROM quotes ORDER BY 1").fetchall()
    # qb and qc repeat qa (case aside) within story a; qb2 only the copy b has; qx is another story's
    assert got == [("qa", "a"), ("qb2", "a"), ("qx", "x")]
    speakers = session.execute(
        "SELECT speaker, count(*), count(DISTINCT article_id) FROM quotes GROUP BY 1 ORDER BY 1").fetchall()
    assert speakers == [("Helen Morgan", 2, 2), ("Tom Price", 1, 1)]


def test_an_entity_counts_once_per_story_with_its_most_mentions(session) -> None:
    got = session.execute("SELECT article_id, mention_count FROM entities ORDER BY 1").fetchall()
    assert got == [("a", 3), ("x", 1)]


def test_rows_from_before_stories_existed_are_stories_of_their_own(tmp_path: Path) -> None:
    old = ARTICLES.to_arrow([_article("o", "o", 9)]).set_column(
        ARTICLES.columns.index("story_id"), ARTICLES.schema.field("story_id").with_nullable(True),
        pa.array([None], pa.string()))
    con = duckdb.connect()
    con.register("old_articles", old)
    con.execute("CREATE VIEW memory.main.articles AS SELECT * FROM old_articles")
    for statement in per_story_views("memory")[:1]:
        con.execute(statement)
    assert con.execute("SELECT article_id FROM temp.main.articles").fetchall() == [("o",)]
