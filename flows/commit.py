"""Commits of the news-etl flow: task batches gathered into commit groups, each validated by the
Great Expectations gate and committed to the warehouse, or recorded with why it was not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pyarrow as pa
from prefect import get_run_logger

from flows.options import RunOptions
from flows.resources import Resources
from flows.run_summary import RunSummary
from flows.stories import StoryKeeper
from instrumentation.stopwatch import Stopwatch
from transforms.process import BatchResult
from warehouse.batch import BatchAssembler, ReconciliationError
from warehouse.schema import ARTICLES, CONTENT_TABLES, QUALITY, STORY_INDEX, RowError
from warehouse.store import Warehouse

if TYPE_CHECKING:
    from expectations.data_docs import RunDocs
    from expectations.gate import Gate

Outcome = tuple[int, BatchResult | BaseException]  # (files, their results or why the batch failed)


class Committer:
    """Validates each commit group with the gate and commits it, or records why it was not."""

    def __init__(self, wh: Warehouse, summary: RunSummary, options: RunOptions, resources: Resources,
                 assembler: BatchAssembler, started: datetime, today: date, clock: Stopwatch,
                 stories: StoryKeeper) -> None:
        self.wh, self.summary, self.options, self.resources = wh, summary, options, resources
        self.stories = stories
        self.assembler, self.started, self.today, self.clock = assembler, started, today, clock
        self.gate: Gate | None = None
        self.docs: RunDocs | None = None

    def commit(self, number: int, n_files: int, result: BatchResult | BaseException) -> None:
        log, summary, wh = get_run_logger(), self.summary, self.wh
        if isinstance(result, BaseException):
            summary.failures.append(f"batch {number} ({n_files} files) failed: {result}")
            summary.statuses["not published"] += n_files
            log.error(summary.failures[-1])
            return
        summary.worker_stages.update(result.stages)
        outcome = result.files
        if self.gate is None or self.docs is None:  # at the first batch: importing GX overlaps the workers' start
            with self.clock.stage("validate (set-up)"):
                self.gate, self.docs = self.resources.validation(wh.root, summary.run_id, self.started)
        now = datetime.now(UTC)
        with self.clock.stage("assemble"):
            try:
                batch = self.assembler.assemble(number, outcome, now)
            except (RowError, ReconciliationError) as exc:  # a transform's bug: this batch waits, the run goes on
                summary.failures.append(f"batch {number} ({len(outcome)} files) not published: {exc}")
                summary.statuses["not published"] += len(outcome)
                log.error(summary.failures[-1])
                return
        with self.clock.stage("stories"):
            signatures = {r.article["article_id"]: r.signature for r in outcome if r.article is not None}
            story_rows = self.stories.assign(batch.tables[ARTICLES.name], batch.withdraw_article_ids, signatures)
            batch.tables[ARTICLES.name] = story_rows.articles
        with self.clock.stage("validate"):
            report = self.gate.validate(batch.frames, self.today, committed_article_ids=self.assembler.published,
                                        keep_results=self.docs.batch(number), story_firsts=story_rows.firsts)
        quality = QUALITY.to_arrow(
            [{**r, "run_id": summary.run_id, "batch": number, "evaluated_at": now} for r in report.rows()]
        )
        summary.expectations_evaluated += len(report.records)
        summary.expectations_failed += len(report.failures)
        publish = not self.options.reprocess
        if report.passed:
            try:
                wh.commit({**batch.tables, ARTICLES.name: stacked(story_rows.articles, story_rows.rewritten),
                           STORY_INDEX.name: story_rows.index, QUALITY.name: quality},
                          batch.withdraw_article_ids, batch.replace_paths, publish=publish,
                          rewrite_article_ids=story_rows.rewrite_ids)
            except BaseException:
                self.stories.forget()  # the index in memory is ahead of the warehouse: read it again
                raise
            self.assembler.accept(batch)
            summary.statuses.update(batch.statuses)
            for table in CONTENT_TABLES:
                summary.rows[table.name] += batch.tables[table.name].num_rows
            summary.quarantined += [(r.path, r.reason) for r in outcome if r.reason]
            summary.note_timings([(r.seconds, r.path) for r in outcome])
        else:
            self.stories.forget()
            wh.commit({QUALITY.name: quality}, publish=publish)
            summary.failures.append(f"batch {number} not published: {report.describe_failures()}")
            summary.statuses["not published"] += len(outcome)
            log.error(summary.failures[-1])


def commit_groups(outcomes: Iterator[Outcome], commit_size: int) -> Iterator[Outcome]:
    """Task batches joined into commits of at least `commit_size` files: validating and committing
    has a fixed cost per commit that small task batches (good for spreading work) would repeat."""
    group = BatchResult([])
    for n, outcome in outcomes:
        if isinstance(outcome, BaseException):
            yield n, outcome
            continue
        group.files.extend(outcome.files)
        group.stages.update(outcome.stages)
        if len(group.files) >= commit_size:
            yield len(group.files), group
            group = BatchResult([])
    if group.files:
        yield len(group.files), group


def stacked(*tables: pa.Table) -> pa.Table:
    """ARTICLES rows from the batch and from the warehouse (whose types Delta chose) as one table."""
    return pa.concat_tables([t.select(ARTICLES.columns).cast(ARTICLES.storage_schema) for t in tables])
