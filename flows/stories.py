"""Stories in a run: the story index (transforms.stories) loaded from the warehouse's published `story_index`
and `articles`, each commit's new articles compared with it, and the rows that commit then writes.

The index lives in the warehouse as the `story_index` table, whose rows are appended in the same commit as
their articles and withdrawn with them (warehouse.schema.ARTICLE_TABLES): the manifest that publishes an
article publishes its signature, a crash rolls both back, `--reprocess` rebuilds both. A run reads it once,
at its first commit, and keeps it in memory; each commit then costs one LSH lookup per new article, plus the
recomputation of the stories that change (rare: an article published earlier than a story's first that
arrives later, or a story's article withdrawn), whose `articles` rows that commit rewrites."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from transforms.stories import Assignment, Entry, StoryIndex, signature
from warehouse.schema import ARTICLES, STORY_INDEX
from warehouse.store import Warehouse


@dataclass
class StoryRows:
    """What one commit writes for stories: the batch's `articles` rows with their stories decided, the
    `story_index` rows of its new articles, and the `articles` rows of earlier articles whose story changed
    (`rewrite_ids`, to be replaced). `firsts`: story_id -> (published date of that article, its own story_id)
    for the stories the rows name, as the gate checks them."""

    articles: pa.Table
    index: pa.Table
    rewritten: pa.Table
    firsts: dict[str, tuple[date, str]] = field(default_factory=dict)

    @property
    def rewrite_ids(self) -> list[str]:
        return self.rewritten.column("article_id").to_pylist()


class StoryKeeper:
    """The run's story index. Call `assign` for each commit; `forget` when a commit did not happen (its
    changes are then undone by loading the index again from the published state)."""

    def __init__(self, wh: Warehouse, empty: bool = False) -> None:
        """`empty`: start with no articles (a `--reprocess`, which re-derives every table)."""
        self.wh = wh
        self._index: StoryIndex | None = StoryIndex() if empty else None
        self._unindexed: list[Entry] = []  # published articles without an index row (before stories existed)

    @property
    def index(self) -> StoryIndex:
        if self._index is None:
            self._index, self._unindexed = load_index(self.wh)
        return self._index

    def forget(self) -> None:
        self._index, self._unindexed = None, []

    def assign(self, articles: pa.Table, withdrawn: Sequence[str] = (),
               signatures: Mapping[str, np.ndarray | None] | None = None) -> StoryRows:
        """Decide the stories of `articles` (rows of ARTICLES, new in this commit) after withdrawing the
        articles `withdrawn`, updating the index in memory. `signatures` (article_id -> the body's
        transforms.stories.signature, as the workers computed them) spares signing those bodies again."""
        index = self.index
        signed = signatures or {}
        new = [Entry(a, d, signed[a] if a in signed else signature(b)) for a, d, b in zip(
            articles.column("article_id").to_pylist(), articles.column("published_date").to_pylist(),
            articles.column("body").to_pylist(), strict=True)]
        gone = set(withdrawn) | {e.article_id for e in new}  # an old article this commit withdraws or replaces
        backfill = [e for e in self._unindexed if e.article_id not in gone]
        self._unindexed = []
        changed = index.update([*backfill, *new], removed=withdrawn)
        articles = with_stories(articles, changed)
        in_batch = {e.article_id for e in new}
        rewritten = with_stories(self.wh.read_matching(ARTICLES, "article_id", sorted(set(changed) - in_batch)),
                                 changed)
        named = set(pc.unique(articles.column("story_id")).to_pylist()) | set(changed) | {
            a.story_id for a in changed.values()}
        firsts = {s: (index.entries[s].published_date, index.stories[s].story_id) for s in named
                  if s in index.entries}
        return StoryRows(articles, index_rows([*backfill, *new]), rewritten, firsts)


def with_stories(articles: pa.Table, stories: dict[str, Assignment]) -> pa.Table:
    """`articles` with story_id and similarity set from `stories` for the rows it names (others unchanged)."""
    ids = articles.column("article_id").to_pylist()
    old_story, old_sim = articles.column("story_id").to_pylist(), articles.column("similarity").to_pylist()
    story = [stories[a].story_id if a in stories else s for a, s in zip(ids, old_story, strict=True)]
    sim = [stories[a].similarity if a in stories else s for a, s in zip(ids, old_sim, strict=True)]
    out = articles.set_column(articles.schema.get_field_index("story_id"), ARTICLES.schema.field("story_id"),
                              pa.array(story, pa.string()))
    return out.set_column(out.schema.get_field_index("similarity"), ARTICLES.schema.field("similarity"),
                          pa.array(sim, pa.float64()))


def index_rows(entries: Sequence[Entry]) -> pa.Table:
    """STORY_INDEX rows of `entries`."""
    return STORY_INDEX.to_arrow([
        {"article_id": e.article_id, "published_date": e.published_date,
         "signature": None if e.signature is None else e.signature.astype(np.int64).tolist()}
        for e in entries])


def load_index(wh: Warehouse) -> tuple[StoryIndex, list[Entry]]:
    """The story index of the warehouse's published state, and the published articles it lacks (published
    before stories existed), signed from their bodies: the next commit indexes them and decides their stories.
    Index rows of articles no longer published are left out (a commit withdraws both; none is expected)."""
    stored = wh.read(STORY_INDEX, ["article_id", "published_date", "signature"])
    articles = wh.read(ARTICLES, ["article_id", "story_id", "similarity"])
    published = set(articles.column("article_id").to_pylist())
    entries = [Entry(a, d, None if s is None else np.asarray(s, dtype=np.uint32))
               for a, d, s in zip(stored.column("article_id").to_pylist(), stored.column("published_date").to_pylist(),
                                  stored.column("signature").to_pylist(), strict=True) if a in published]
    stories = {a: Assignment(s, m) for a, s, m in zip(
        articles.column("article_id").to_pylist(), articles.column("story_id").to_pylist(),
        articles.column("similarity").to_pylist(), strict=True) if s is not None}
    index = StoryIndex()
    index.load(entries, stories)
    missing = sorted(published - set(index.entries))
    rows = wh.read_matching(ARTICLES, "article_id", missing)
    unindexed = [Entry(a, d, signature(b)) for a, d, b in zip(
        rows.column("article_id").to_pylist(), rows.column("published_date").to_pylist(),
        rows.column("body").to_pylist(), strict=True)]
    return index, unindexed
