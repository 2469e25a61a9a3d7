"""Turning one batch of processed files into a commit: deciding each file's status against what
the warehouse already holds (new, changed, duplicate, quarantined) and shaping the rows.

The warehouse takes plain rows: a processed file is anything with ProcessedFile's attributes
(transforms.process.FileResult is one), its rows dicts with exactly the columns of warehouse.schema."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import pyarrow as pa

from warehouse.schema import ARTICLES, DUPLICATE, ENTITIES, FILES, PUBLISHED, QUARANTINED, QUOTES
from warehouse.store import KNOWN_FILE_COLUMNS, KnownFile

(_PATH,) = FILES.key


class ProcessedFile(Protocol):
    """One landing file after processing: where it is and what it held, then its rows (an ARTICLES row
    without run_id, and QUOTES and ENTITIES rows) or, when it could not be published, the reason why."""

    @property
    def path(self) -> str: ...
    @property
    def sha256(self) -> str: ...
    @property
    def size_bytes(self) -> int: ...
    @property
    def mtime_ns(self) -> int: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def article(self) -> Mapping[str, Any] | None: ...
    @property
    def quotes(self) -> Sequence[Mapping[str, Any]]: ...
    @property
    def entities(self) -> Sequence[Mapping[str, Any]]: ...
    @property
    def retry(self) -> bool:
        """True when the file was not read for a passing reason (gone or changed mid-run)."""
        ...


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


class ReconciliationError(RuntimeError):
    """A batch's rows do not add up to its files: a bug, never published."""


def _reconcile(results, files, statuses, articles, quotes, entities) -> None:
    new_ids = {a["article_id"] for a in articles}
    published = {f["path"] for f in files if f["status"] == PUBLISHED and f["article_id"] in new_ids}
    new = [r for r in results if r.path in published]
    checks = {
        "file records = files in the batch": (len(files), len(results)),
        "statuses = files in the batch": (sum(statuses.values()), len(results)),
        "article rows = newly published files": (len(articles), statuses[PUBLISHED]),
        "quote rows = quotes of published files": (len(quotes), sum(len(r.quotes) for r in new)),
        "entity rows = entities of published files": (len(entities), sum(len(r.entities) for r in new)),
    }
    wrong = [f"{name}: {got} != {want}" for name, (got, want) in checks.items() if got != want]
    if wrong:
        raise ReconciliationError("batch does not reconcile: " + "; ".join(wrong))


class BatchAssembler:
    """Holds what is published so far in this run, so that each batch is judged against the
    warehouse plus the batches committed before it."""

    def __init__(self, known: dict[str, KnownFile], published: dict[str, str], run_id: str) -> None:
        self.known = dict(known)
        self.published = dict(published)  # article_id -> source_path
        # bytes -> the path that holds them, a published file first (the one a duplicate names)
        self.by_sha = {k.sha256: p for p, k in known.items() if k.status == PUBLISHED}
        for p, k in known.items():
            self.by_sha.setdefault(k.sha256, p)
        self.run_id = run_id
        # article_id -> the file that published it when the run started (what its duplicates were recorded against)
        self.publisher = {k.article_id: p for p, k in known.items() if k.status == PUBLISHED}

    def assemble(self, number: int, results: Sequence[ProcessedFile], now: datetime) -> Batch:
        """The batch's rows as pyarrow tables of warehouse.schema, and what to withdraw and replace.

        Raises RowError (warehouse.schema) when a file's rows do not have exactly their table's columns or
        hold a value outside a column's set, ReconciliationError when the rows do not add up to the files."""
        articles, quotes, entities, files = [], [], [], []
        withdraw: list[str] = []
        statuses: Counter = Counter()
        published = dict(self.published)
        by_sha = dict(self.by_sha)  # with this batch's files, so a copy within the batch is named too
        article_of = {p: k.article_id for p, k in self.known.items()}
        for r in results:
            prior = self.known.get(r.path)
            if r.retry and prior is not None:
                # Gone or changed mid-run: what the warehouse holds of it stands until a run reads it whole.
                files.append(FILES.row(
                    path=r.path, sha256=prior.sha256, size_bytes=prior.size_bytes, mtime_ns=prior.mtime_ns,
                    status=prior.status, reason=prior.reason, article_id=prior.article_id, run_id=self.run_id,
                    recorded_at=now, missing_since=prior.missing_since))
                statuses["unchanged"] += 1
                continue
            # A duplicate of an article withdrawn or republished from another file since it was recorded (its
            # file changed or was pruned) is decided afresh, so that it never names a withdrawn article.
            orphaned = prior is not None and prior.status == DUPLICATE and (
                prior.article_id not in published
                or published[prior.article_id] != self.publisher.get(prior.article_id))
            if prior and prior.sha256 == r.sha256 and not orphaned:
                # Touched, not changed: keep its status, note the new timestamp.
                files.append(self._file_row(r, prior.status, prior.reason, prior.article_id, now))
                statuses["unchanged"] += 1
                continue
            if prior and prior.status == PUBLISHED and prior.article_id in published:
                withdraw.append(prior.article_id)  # a changed file replaces its earlier rows
                published.pop(prior.article_id)
            if prior and by_sha.get(prior.sha256) == r.path:
                by_sha.pop(prior.sha256)  # its old bytes are no longer here: a copy of them names itself
                if orphaned:
                    by_sha[prior.sha256] = r.path
            first_with_bytes = by_sha.setdefault(r.sha256, r.path)
            aid = r.article["article_id"] if r.article else None
            if r.reason is not None:
                status, reason, aid = QUARANTINED, r.reason, None
            elif first_with_bytes != r.path and article_of.get(first_with_bytes):
                status, reason, aid = DUPLICATE, f"same bytes as {first_with_bytes}", article_of[first_with_bytes]
            elif aid in published:
                status, reason = DUPLICATE, f"same article as {published[aid]}"
            else:
                status, reason = PUBLISHED, None
                published[aid] = r.path
                # a story of its own until flows.stories compares it with the index
                articles.append({**r.article, "run_id": self.run_id, "story_id": aid, "similarity": 1.0})
                quotes.extend(r.quotes)
                entities.extend(r.entities)
            article_of[r.path] = aid
            files.append(self._file_row(r, status, reason, aid, now))
            statuses[status] += 1
        _reconcile(results, files, statuses, articles, quotes, entities)
        tables = {
            ARTICLES.name: ARTICLES.to_arrow(articles),
            QUOTES.name: QUOTES.to_arrow(quotes),
            ENTITIES.name: ENTITIES.to_arrow(entities),
            FILES.name: FILES.to_arrow(files),
        }
        return Batch(number, tables, withdraw, [f[_PATH] for f in files], statuses)

    def accept(self, batch: Batch) -> None:
        """Record a committed batch as the new baseline."""
        for aid in batch.withdraw_article_ids:
            self.published.pop(aid, None)
        for row in batch.tables[ARTICLES.name].select(["article_id", "source_path"]).to_pylist():
            self.published[row["article_id"]] = row["source_path"]
        for row in batch.tables[FILES.name].select([_PATH, *KNOWN_FILE_COLUMNS]).to_pylist():
            path = row.pop(_PATH)
            old = self.known.get(path)
            if old and old.sha256 != row["sha256"] and self.by_sha.get(old.sha256) == path:
                self.by_sha.pop(old.sha256)
            self.known[path] = known = KnownFile(**row)
            if known.status == PUBLISHED:
                self.by_sha[known.sha256] = path
                self.publisher[known.article_id] = path
            self.by_sha.setdefault(known.sha256, path)

    def _file_row(self, r: ProcessedFile, status: str, reason: str | None, aid: str | None, now: datetime) -> dict:
        return FILES.row(
            path=r.path, sha256=r.sha256, size_bytes=r.size_bytes, mtime_ns=r.mtime_ns,
            status=status, reason=reason, article_id=aid, run_id=self.run_id, recorded_at=now, missing_since=None,
        )


def presence_rows(known: Mapping[str, KnownFile], gone: Sequence[str], returned: Sequence[str], run_id: str,
                  now: datetime) -> pa.Table:
    """FILES rows recording that the files at `gone` left the landing folder (missing_since = now; their
    status, reason and article stay: an archive forgets nothing by accident) and that those at `returned`
    are back (missing_since NULL)."""
    rows = []
    for paths, since in ((gone, now), (returned, None)):
        for path in paths:
            k = known[path]
            rows.append(FILES.row(
                path=path, sha256=k.sha256, size_bytes=k.size_bytes, mtime_ns=k.mtime_ns, status=k.status,
                reason=k.reason, article_id=k.article_id, run_id=run_id, recorded_at=now, missing_since=since))
    return FILES.to_arrow(rows)
