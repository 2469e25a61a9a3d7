"""Stories across commits on a real warehouse folder: the index is read back from the published state, a later
commit is compared with it, rows of stories that change are rewritten, a withdrawn first hands its story on,
and articles published before stories existed are indexed by the next commit."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
from deltalake import write_deltalake

from flows.stories import StoryKeeper, load_index
from tests.transforms.test_stories import WIRE, body
from transforms.stories import signature
from warehouse import layout
from warehouse import manifest as mf
from warehouse.schema import ARTICLES, STORY_INDEX
from warehouse.store import Warehouse


def article(aid: str, day: date, text: str, **extra: object) -> dict:
    return ARTICLES.row(**{
        "article_id": aid, "source_path": f"{aid}.txt", "source_sha256": "0" * 64, "published_date": day,
        "section": "UK", "headline": f"Headline {aid}", "standfirst": None, "image_caption": None,
        "image_credit": None, "body": text, "paragraph_count": text.count("\n\n") + 1,
        "word_count": len(text.split()), "run_id": "r1", "published_month": day.strftime("%Y-%m"),
        "story_id": aid, "similarity": 1.0, **extra})


def commit(wh: Warehouse, keeper: StoryKeeper, rows: list[dict], withdraw: list[str] = ()) -> dict[str, tuple]:
    out = keeper.assign(ARTICLES.to_arrow(rows), withdraw)
    wh.commit({ARTICLES.name: pa.concat_tables([out.articles, out.rewritten.cast(out.articles.schema)]),
               STORY_INDEX.name: out.index}, withdraw_article_ids=list(withdraw), rewrite_article_ids=out.rewrite_ids)
    return stories(wh)


def stories(wh: Warehouse) -> dict[str, tuple]:
    t = wh.read(ARTICLES, ["article_id", "story_id", "similarity"]).to_pylist()
    return {r["article_id"]: (r["story_id"], round(r["similarity"], 2)) for r in t}


def test_a_later_commit_finds_the_story_of_an_earlier_one_and_an_earlier_article_becomes_its_first(tmp_path) -> None:
    with Warehouse.open(tmp_path) as wh:
        commit(wh, StoryKeeper(wh), [article("a", date(2024, 1, 9), body(WIRE)),
                                     article("other", date(2024, 1, 9), "An unrelated story about a cat.")])
    with Warehouse.open(tmp_path) as wh:  # a new run reads the index from the published state
        keeper = StoryKeeper(wh)
        assert set(keeper.index.entries) == {"a", "other"}
        got = commit(wh, keeper, [article("b", date(2024, 1, 10), body(WIRE[:7]))])
        assert got["b"][0] == "a" and got["other"] == ("other", 1.0)
        out = keeper.assign(ARTICLES.to_arrow([article("z", date(2024, 1, 8), body(WIRE[1:]))]))
        assert sorted(out.rewrite_ids) == ["a", "b"]  # rows published before, whose story changes
        assert out.firsts["z"] == (date(2024, 1, 8), "z")
        wh.commit({ARTICLES.name: pa.concat_tables([out.articles, out.rewritten.cast(out.articles.schema)]),
                   STORY_INDEX.name: out.index}, rewrite_article_ids=out.rewrite_ids)
        got = stories(wh)
        assert {a: s for a, (s, _) in got.items()} == {"a": "z", "b": "z", "z": "z", "other": "other"}
        bodies = {r["article_id"]: r["body"] for r in wh.read(ARTICLES, ["article_id", "body"]).to_pylist()}
        assert bodies["a"] == body(WIRE)  # only the story columns of a rewritten row change
        assert wh.read(STORY_INDEX, ["article_id"]).num_rows == 4


def test_withdrawing_a_story_s_first_rewrites_the_rest(tmp_path) -> None:
    with Warehouse.open(tmp_path) as wh:
        keeper = StoryKeeper(wh)
        commit(wh, keeper, [article("a", date(2024, 1, 8), body(WIRE)), article("b", date(2024, 1, 9), body(WIRE))])
        got = commit(wh, keeper, [], withdraw=["a"])
        assert got == {"b": ("b", 1.0)}
        assert wh.read(STORY_INDEX, ["article_id"]).column("article_id").to_pylist() == ["b"]


def test_a_commit_that_did_not_happen_is_forgotten(tmp_path) -> None:
    with Warehouse.open(tmp_path) as wh:
        keeper = StoryKeeper(wh)
        commit(wh, keeper, [article("a", date(2024, 1, 9), body(WIRE))])
        keeper.assign(ARTICLES.to_arrow([article("b", date(2024, 1, 10), body(WIRE))]))  # gate refused it, say
        keeper.forget()
        assert set(keeper.index.entries) == {"a"}


def test_articles_published_before_stories_existed_are_indexed_by_the_next_commit(tmp_path) -> None:
    # a warehouse written before stories existed: its articles table has neither story column
    old = ARTICLES.to_arrow([article("a", date(2024, 1, 9), body(WIRE))]).drop_columns(["story_id", "similarity"])
    write_deltalake(str(tmp_path / layout.TABLES / ARTICLES.name), old, partition_by=["published_month"])
    (tmp_path / layout.STATE).mkdir()
    mf.write(tmp_path / layout.STATE / layout.MANIFEST, mf.Manifest(1, {ARTICLES.name: 0}))
    with Warehouse.open(tmp_path) as wh:
        index, unindexed = load_index(wh)
        assert len(index) == 0 and [e.article_id for e in unindexed] == ["a"]
        got = commit(wh, StoryKeeper(wh), [article("b", date(2024, 1, 10), body(WIRE[:7]))])
        assert got["a"] == ("a", 1.0) and got["b"][0] == "a"
        assert sorted(wh.read(STORY_INDEX, ["article_id"]).column("article_id").to_pylist()) == ["a", "b"]


def test_a_reprocess_starts_from_an_empty_index(tmp_path) -> None:
    with Warehouse.open(tmp_path) as wh:
        commit(wh, StoryKeeper(wh), [article("a", date(2024, 1, 9), body(WIRE))])
        assert len(StoryKeeper(wh, empty=True).index) == 0


def test_an_unindexed_article_that_the_commit_withdraws_is_not_indexed(tmp_path) -> None:
    old = ARTICLES.to_arrow([article("a", date(2024, 1, 9), body(WIRE)), article("b", date(2024, 1, 9), "Other.")])
    write_deltalake(str(tmp_path / layout.TABLES / ARTICLES.name), old.drop_columns(["story_id", "similarity"]),
                    partition_by=["published_month"])
    (tmp_path / layout.STATE).mkdir()
    mf.write(tmp_path / layout.STATE / layout.MANIFEST, mf.Manifest(1, {ARTICLES.name: 0}))
    with Warehouse.open(tmp_path) as wh:
        out = StoryKeeper(wh).assign(ARTICLES.to_arrow([]), withdrawn=["a"])
        assert out.index.column("article_id").to_pylist() == ["b"] and out.rewrite_ids == ["b"]


def test_signatures_the_workers_computed_are_used_as_given(tmp_path) -> None:
    with Warehouse.open(tmp_path) as wh:
        keeper = StoryKeeper(wh)
        rows = [article("a", date(2024, 1, 9), body(WIRE)), article("cat", date(2024, 1, 10), "A story about a cat.")]
        given = signature(body(WIRE))
        out = keeper.assign(ARTICLES.to_arrow(rows), signatures={"a": given, "cat": given})
        # signed alike, the two are one story; "a" is its first (the earlier)
        assert dict(zip(out.articles.column("article_id").to_pylist(), out.articles.column("story_id").to_pylist(),
                        strict=True)) == {"a": "a", "cat": "a"}
        # an article the mapping does not name is signed from its body
        out = keeper.assign(ARTICLES.to_arrow([article("dog", date(2024, 1, 11), "A story about a dog.")]),
                            signatures={"elsewhere": given})
        assert out.articles.column("story_id").to_pylist() == ["dog"]
