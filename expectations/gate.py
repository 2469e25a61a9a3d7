"""The quality gate the flow runs on every batch before committing it."""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

import great_expectations as gx
import pandas as pd
from great_expectations.core import ExpectationSuiteValidationResult

from expectations.context import quiet_context
from expectations.derived import (
    expectation_parameters,
    referenced_values,
    with_quoted_spans,
    with_story_firsts,
    with_unresolved,
)
from expectations.report import MAX_EXAMPLES, GateReport, QualityRecord, column_name, record_from_result
from expectations.suites import GATED_TABLES, ROW_NAMES, UNRESOLVED_CHECKS, build_suite
from warehouse.schema import ARTICLES, QUOTES


class Gate:
    """Great Expectations suites over a batch's articles, quotes, entities and files.

    The context, data source, assets, suites and validation definitions are built once here;
    validate() only binds the batch's dataframes. One ValidationDefinition per table rather than a
    Checkpoint: a Checkpoint passes the same batch parameters, hence the same dataframe, to each of
    its validation definitions, and each table here is its own dataframe.

    validate() is serialised by a lock (a GX context is not meant for concurrent use); a Gate is
    not picklable: build one where it is used (flows.resources.gx_validation builds one per run)
    rather than ship it to workers."""

    def __init__(self) -> None:
        self._context = quiet_context()
        source = self._context.data_sources.add_pandas(name="batch")
        self._validations: dict[str, gx.ValidationDefinition] = {}
        self._order: dict[str | None, int] = {}
        for table in GATED_TABLES:
            asset = source.add_dataframe_asset(name=table.name)
            suite = self._context.suites.add(build_suite(table))
            self._order.update({e.id: i for i, e in enumerate(suite.expectations)})
            self._validations[table.name] = self._context.validation_definitions.add(
                gx.ValidationDefinition(
                    name=table.name, data=asset.add_batch_definition_whole_dataframe(table.name), suite=suite
                )
            )
        self._lock = threading.Lock()
        self._check_record_keys()

    def validate(
        self,
        batch: Mapping[str, pd.DataFrame],
        today: date | None = None,
        committed_article_ids: Collection[str] = (),
        keep_results: list[ExpectationSuiteValidationResult] | None = None,
        story_firsts: Mapping[str, tuple[date, str]] | None = None,
    ) -> GateReport:
        """Validate one batch: tables 'articles', 'quotes', 'entities', 'files' with warehouse.schema's
        columns (extra columns are ignored). `today` (default: the local date) bounds publication dates.
        `committed_article_ids` (a set or dict, for fast `in`) are the articles committed before this
        batch: a touched file's row, re-recorded with its earlier status, may name one of them.
        `keep_results`, when given, receives GX's own result for each table, e.g. for expectations.data_docs.
        `story_firsts`: story_id -> (published_date, story_id) of the committed articles the batch's
        story_id values name (flows.stories.StoryRows.firsts): the first article of each story is checked
        to be the earliest and its own story's first.

        Raises ValueError when a table or a column is missing: that is a bug in the caller, not bad data."""
        _check_columns(batch)
        frames = {table.name: batch[table.name] for table in GATED_TABLES}
        frames[QUOTES.name] = with_quoted_spans(batch["quotes"], batch["articles"])
        frames[ARTICLES.name] = with_story_firsts(batch["articles"], story_firsts or {})
        referenced = referenced_values(batch, committed_article_ids, story_firsts or {})
        for table in GATED_TABLES:
            for column, name in UNRESOLVED_CHECKS[table.name]:
                frames[table.name] = with_unresolved(frames[table.name], column, referenced[name])
        parameters = expectation_parameters(batch, today or date.today(), committed_article_ids)
        records: list[QualityRecord] = []
        with self._lock:
            try:
                for table in GATED_TABLES:
                    records.extend(self._validate_table(table.name, frames[table.name], parameters, keep_results))
            finally:
                self._forget_results()
        return GateReport(tuple(records))

    def _validate_table(
        self, name: str, frame: pd.DataFrame, parameters: dict[str, Any],
        keep_results: list[ExpectationSuiteValidationResult] | None = None,
    ) -> list[QualityRecord]:
        validation = self._validations[name]
        result = validation.run(
            batch_parameters={"dataframe": frame}, expectation_parameters=parameters, result_format="BASIC"
        )
        if not result.success:
            # BASIC has counts but not which rows; SUMMARY costs about half as much again, so it is
            # only asked for when something failed, and it names the offending rows by ROW_NAMES.
            result = validation.run(
                batch_parameters={"dataframe": frame},
                expectation_parameters=parameters,
                result_format={
                    "result_format": "SUMMARY",
                    "unexpected_index_column_names": list(ROW_NAMES[name]),
                    "partial_unexpected_count": 4 * MAX_EXAMPLES,  # room for repeats of one key
                    "return_unexpected_index_query": False,
                },
            )
        if keep_results is not None:
            keep_results.append(result)
        ordered = sorted(result.results, key=lambda r: self._order.get(r.expectation_config.id, 0))
        return [record_from_result(name, r, ROW_NAMES[name]) for r in ordered]

    def _forget_results(self) -> None:
        # ValidationDefinition.run keeps every result in the context's (in-memory) results store; the
        # gate has handed its records back, so drop them rather than grow with every batch of the run.
        store = self._context.validation_results_store
        for key in store.list_keys():
            store.remove_key(key)

    def _check_record_keys(self) -> None:
        # QUALITY's key is (run_id, batch, table_name, expectation, column_name): two expectations of one
        # type on one column of one table would collide there, so refuse to build such a gate.
        seen: set[tuple[str, str, str | None]] = set()
        for name, validation in self._validations.items():
            for expectation in validation.suite.expectations:
                key = (name, expectation.expectation_type, column_name(expectation.configuration.kwargs))
                if key in seen:
                    raise ValueError(f"two {key[1]} expectations on {name}.{key[2]}: QUALITY's key would collide")
                seen.add(key)


def _check_columns(batch: Mapping[str, pd.DataFrame]) -> None:
    problems = []
    for table in GATED_TABLES:
        if table.name not in batch:
            problems.append(f"no {table.name} table")
            continue
        missing = [c for c in table.columns if c not in batch[table.name].columns]
        if missing:
            problems.append(f"{table.name} lacks {', '.join(missing)}")
    if problems:
        raise ValueError("batch does not follow warehouse.schema: " + "; ".join(problems))
