"""Turning one batch of processed files into a commit: deciding each file's status against what
the warehouse already holds (new, changed, duplicate, quarantined) and shaping the rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyarrow as pa

from transforms.process import FileResult
from warehouse.schema import ARTICLES, ENTITIES, FILES, QUOTES
from warehouse.store import KnownFile


@dataclass
class Batch:
    number: int
    tables: dict[str, pa.Table]
    withdraw_article_ids: list[str]
    replace_paths: list[str]
    statuses: Counter

    @property
    def frames(self) -> dict[str, Any]:
        return {name: t.to_pandas() for name, t in self.tables.items()}


class BatchAssembler:
    """Holds what is published so far in this run, so that each batch is judged against the
    warehouse plus the batches committed before it."""

    def __init__(self, known: dict[str, KnownFile], published: dict[str, str], run_id: str) -> None:
        self.known = dict(known)
        self.published = dict(published)  # article_id -> source_path
        self.by_sha = {k.sha256: p for p, k in known.items()}
        self.run_id = run_id

    def assemble(self, number: int, results: Sequence[FileResult], now: datetime) -> Batch:
        articles, quotes, entities, files = [], [], [], []
        withdraw: list[str] = []
        statuses: Counter = Counter()
        published = dict(self.published)
        for r in results:
            prior = self.known.get(r.path)
            if prior and prior.sha256 == r.sha256:
                # Touched, not changed: keep its status, note the new timestamp.
                files.append(self._file_row(r, prior.status, prior.reason, prior.article_id, now))
                statuses["unchanged"] += 1
                continue
            if prior and prior.status == "published" and prior.article_id in published:
                withdraw.append(prior.article_id)  # a changed file replaces its earlier rows
                published.pop(prior.article_id)
            same_bytes = self.by_sha.get(r.sha256)
            if r.reason is not None:
                files.append(self._file_row(r, "quarantined", r.reason, None, now))
                statuses["quarantined"] += 1
            elif same_bytes and same_bytes != r.path and self.known.get(same_bytes):
                other = self.known[same_bytes]
                files.append(self._file_row(r, "duplicate", f"same bytes as {same_bytes}", other.article_id, now))
                statuses["duplicate"] += 1
            elif r.article["article_id"] in published:
                aid = r.article["article_id"]
                files.append(self._file_row(r, "duplicate", f"same article as {published[aid]}", aid, now))
                statuses["duplicate"] += 1
            else:
                aid = r.article["article_id"]
                published[aid] = r.path
                articles.append({**r.article, "run_id": self.run_id})
                quotes.extend(r.quotes)
                entities.extend(r.entities)
                files.append(self._file_row(r, "published", None, aid, now))
                statuses["published"] += 1
        tables = {
            ARTICLES.name: pa.Table.from_pylist(articles, schema=ARTICLES.schema),
            QUOTES.name: pa.Table.from_pylist(quotes, schema=QUOTES.schema),
            ENTITIES.name: pa.Table.from_pylist(entities, schema=ENTITIES.schema),
            FILES.name: pa.Table.from_pylist(files, schema=FILES.schema),
        }
        return Batch(number, tables, withdraw, [f["path"] for f in files], statuses)

    def accept(self, batch: Batch) -> None:
        """Record a committed batch as the new baseline."""
        for aid in batch.withdraw_article_ids:
            self.published.pop(aid, None)
        for row in batch.tables[ARTICLES.name].select(["article_id", "source_path"]).to_pylist():
            self.published[row["article_id"]] = row["source_path"]
        for row in batch.tables[FILES.name].to_pylist():
            self.known[row["path"]] = KnownFile(
                row["sha256"], row["size_bytes"], row["mtime_ns"], row["status"], row["reason"], row["article_id"]
            )
            self.by_sha.setdefault(row["sha256"], row["path"])

    def _file_row(self, r: FileResult, status: str, reason: str | None, aid: str | None, now: datetime) -> dict:
        return {
            "path": r.path, "sha256": r.sha256, "size_bytes": r.size_bytes, "mtime_ns": r.mtime_ns,
            "status": status, "reason": reason, "article_id": aid, "run_id": self.run_id, "recorded_at": now,
        }
