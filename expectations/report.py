"""The gate's verdict on a batch: one record per expectation evaluated, shaped like warehouse.schema.QUALITY."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import numpy as np
import pandas as pd
from great_expectations.core import ExpectationValidationResult

from warehouse.schema import CRITICAL, QUALITY

# QUALITY's columns that the flow adds when it writes the records, not the gate.
_ADDED_BY_WRITER = ("run_id", "batch", "evaluated_at")
RECORD_COLUMNS: tuple[str, ...] = tuple(c for c in QUALITY.columns if c not in _ADDED_BY_WRITER)

# Enough offending rows to find the problem; the count says how many there are in all.
MAX_EXAMPLES = 5
_MAX_VALUE_CHARS = 40
_ERROR = "error: "


@dataclass(frozen=True)
class QualityRecord:
    """One expectation evaluated on one table of a batch; fields are RECORD_COLUMNS, then `expected`."""

    table_name: str
    expectation: str
    column_name: str | None
    severity: str
    success: bool
    observed_value: str | None
    unexpected_count: int | None
    unexpected_examples: str | None
    # what a table-level expectation wanted (e.g. "64..64"); for describe() only, QUALITY has no column for it
    expected: str | None = dataclasses.field(default=None, compare=False)

    def row(self) -> dict[str, Any]:
        """The record as a QUALITY row without run_id, batch and evaluated_at."""
        return {name: getattr(self, name) for name in RECORD_COLUMNS}

    def describe(self) -> str:
        """One line, e.g. `quotes: expect_column_values_to_be_unique(quote_id) failed on 2 rows: quote_id=ab12`."""
        head = f"{self.table_name}: {self.expectation}({self.column_name or ''})"
        if self.success:
            return f"{head} held"
        if self.observed_value and self.observed_value.startswith(_ERROR):
            return f"{head} could not be evaluated: {self.observed_value[len(_ERROR) :]}"
        if self.unexpected_count is not None:
            rows = "row" if self.unexpected_count == 1 else "rows"
            return f"{head} failed on {self.unexpected_count} {rows}: {self.unexpected_examples or '?'}"
        expected = f", expected {self.expected}" if self.expected else ""
        return f"{head} failed: observed {self.observed_value}{expected}"


@dataclass(frozen=True)
class GateReport:
    """What the gate found in one batch. `passed` is False when any critical expectation failed."""

    records: tuple[QualityRecord, ...]

    @property
    def passed(self) -> bool:
        return not self.critical_failures

    @property
    def failures(self) -> tuple[QualityRecord, ...]:
        """Every failed expectation, the critical ones first."""
        failed = [r for r in self.records if not r.success]
        return tuple(sorted(failed, key=lambda r: r.severity != CRITICAL))

    @property
    def critical_failures(self) -> tuple[QualityRecord, ...]:
        return tuple(r for r in self.records if not r.success and r.severity == CRITICAL)

    def describe_failures(self, limit: int = 5) -> str:
        """The first `limit` failures on one line, critical ones first, warnings marked; empty when all held."""
        failures = self.failures
        shown = [r.describe() if r.severity == CRITICAL else f"({r.severity}) {r.describe()}" for r in failures[:limit]]
        more = f" (+{len(failures) - limit} more failed)" if len(failures) > limit else ""
        return "; ".join(shown) + more

    def rows(self) -> list[dict[str, Any]]:
        """The records as QUALITY rows without run_id, batch and evaluated_at (the writer adds those)."""
        return [r.row() for r in self.records]


def record_from_result(table_name: str, result: ExpectationValidationResult, row_names: Sequence[str]) -> QualityRecord:
    """Turn a GX result into a record; `row_names` are the columns that name an offending row."""
    config = result.expectation_config
    kwargs = config.kwargs
    details: Mapping[str, Any] = result.result or {}
    error = _error_message(result)
    unexpected_count = details.get("unexpected_count")
    if error is not None:
        observed = f"{_ERROR}{error}"
    elif unexpected_count is not None:
        observed = f"{unexpected_count} of {details.get('element_count')} rows unexpected"
    else:
        observed = _text(details.get("observed_value"), limit=None)
    return QualityRecord(
        table_name=table_name,
        expectation=config.type,
        column_name=column_name(kwargs),
        severity=str(getattr(config.severity, "value", config.severity)),
        success=bool(result.success),
        observed_value=observed,
        unexpected_count=None if unexpected_count is None else int(unexpected_count),
        unexpected_examples=_examples(details.get("partial_unexpected_index_list"), row_names, unexpected_count),
        expected=_expected(kwargs),
    )


def _error_message(result: ExpectationValidationResult) -> str | None:
    # GX gives either one exception_info or one per failed metric, keyed by the metric's id.
    info = result.exception_info or {}
    infos = [info] if "raised_exception" in info else [i for i in info.values() if isinstance(i, Mapping)]
    for item in infos:
        if item.get("raised_exception"):
            return str(item.get("exception_message") or "the expectation raised an exception").splitlines()[0]
    return None


def column_name(kwargs: Mapping[str, Any]) -> str | None:
    """The column(s) an expectation checks, as QUALITY.column_name: `quote_id`, `article_id,entity_id`."""
    if kwargs.get("column"):
        return str(kwargs["column"])
    if kwargs.get("column_list"):
        return ",".join(kwargs["column_list"])
    if kwargs.get("column_A"):
        return f"{kwargs['column_A']},{kwargs['column_B']}"
    return None


def _expected(kwargs: Mapping[str, Any]) -> str | None:
    if "value" in kwargs:
        return _text(kwargs["value"])
    if "min_value" in kwargs or "max_value" in kwargs:
        low, high = kwargs.get("min_value"), kwargs.get("max_value")
        return f"{'' if low is None else _text(low)}..{'' if high is None else _text(high)}"
    return None


def _examples(index_list: Sequence[Mapping[str, Any]] | None, row_names: Sequence[str], count: Any) -> str | None:
    """Distinct offending rows as `key=value other=value`, comma separated, naming columns first."""
    if not index_list:
        return None
    shown: list[str] = []
    for entry in index_list:
        names = [c for c in row_names if c in entry] + [c for c in entry if c not in row_names]
        text = " ".join(f"{c}={_text(entry[c])}" for c in names)
        if text not in shown:
            shown.append(text)
        if len(shown) == MAX_EXAMPLES:
            break
    more = ", ..." if count is not None and int(count) > len(shown) else ""
    return ", ".join(shown) + more


def _text(value: Any, limit: int | None = _MAX_VALUE_CHARS) -> str:
    """A value as report text: NULL for missing, dates in ISO form, long strings cut, spaced ones quoted."""
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return "NULL"
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time(0) and value.tzinfo is None:
        return value.date().isoformat()  # a date column read as datetime64
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 2] + ".."
    return repr(text) if isinstance(value, str) and (not text or any(ch in text for ch in " ,;=")) else text
