"""The gate's report: QUALITY records from GX results, critical failures first, offending rows named by key."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import great_expectations as gx
import great_expectations.expectations as gxe
import numpy as np
import pandas as pd
import pytest
from great_expectations.core import ExpectationValidationResult

from expectations.context import quiet_context
from expectations.report import MAX_EXAMPLES, RECORD_COLUMNS, GateReport, QualityRecord, record_from_result

ROW_NAMES = ("quote_id", "article_id")


def record(expectation: str, column: str | None, severity: str = "critical", success: bool = False,
           **details: object) -> QualityRecord:
    values = dict(observed_value=None, unexpected_count=None, unexpected_examples=None)
    return QualityRecord("quotes", expectation, column, severity, success, **{**values, **details})


HELD = record("expect_column_values_to_not_be_null", "quote_id", success=True, observed_value="0 of 9 rows unexpected",
              unexpected_count=0)
FEW_SPEAKERS = record("expect_column_values_to_not_be_null", "speaker", "warning", observed_value="7 of 9 rows "
                      "unexpected", unexpected_count=7, unexpected_examples="quote_id=q2 article_id=a1, ...")
DUPLICATE = record("expect_column_values_to_be_unique", "quote_id", observed_value="2 of 9 rows unexpected",
                   unexpected_count=2, unexpected_examples="quote_id=q2 article_id=a1")
COUNT = record("expect_column_unique_value_count_to_be_between", "article_id", observed_value="7", expected="8..8")


def test_a_record_is_a_quality_row_and_says_what_failed_in_one_line() -> None:
    assert list(DUPLICATE.row()) == list(RECORD_COLUMNS) and "expected" not in DUPLICATE.row()
    assert DUPLICATE.describe() == (
        "quotes: expect_column_values_to_be_unique(quote_id) failed on 2 rows: quote_id=q2 article_id=a1")
    assert COUNT.describe() == "quotes: expect_column_unique_value_count_to_be_between(article_id) failed: " \
                               "observed 7, expected 8..8"
    assert HELD.describe() == "quotes: expect_column_values_to_not_be_null(quote_id) held"
    one = record("expect_column_values_to_be_in_set", "field", unexpected_count=1)
    assert one.describe().endswith("(field) failed on 1 row: ?")
    table_level = record("expect_table_row_count_to_be_between", None, observed_value="0")
    assert table_level.describe() == "quotes: expect_table_row_count_to_be_between() failed: observed 0"
    assert dataclasses.replace(COUNT, expected=None) == COUNT  # `expected` is for describe only, not QUALITY


def test_critical_failures_come_before_warnings_in_record_order() -> None:
    report = GateReport((HELD, FEW_SPEAKERS, DUPLICATE, COUNT))
    assert not report.passed
    assert report.failures == (DUPLICATE, COUNT, FEW_SPEAKERS)
    assert report.critical_failures == (DUPLICATE, COUNT)
    assert report.describe_failures() == "; ".join([DUPLICATE.describe(), COUNT.describe(),
                                                    f"(warning) {FEW_SPEAKERS.describe()}"])
    assert report.describe_failures(limit=1) == f"{DUPLICATE.describe()} (+2 more failed)"
    assert report.rows() == [r.row() for r in (HELD, FEW_SPEAKERS, DUPLICATE, COUNT)]


def test_warnings_alone_let_the_batch_pass() -> None:
    report = GateReport((HELD, FEW_SPEAKERS))
    assert report.passed and report.failures == (FEW_SPEAKERS,) and report.critical_failures == ()
    assert report.describe_failures().startswith("(warning) quotes: expect_column_values_to_not_be_null(speaker)")
    assert GateReport((HELD,)).describe_failures() == "" and GateReport(()).passed


@pytest.fixture(scope="module")
def results() -> dict[str, ExpectationValidationResult]:
    """Real GX results for a small bad quotes frame, asked for as the gate asks once a table failed."""
    context = quiet_context()
    asset = context.data_sources.add_pandas(name="batch").add_dataframe_asset(name="quotes")
    suite = context.suites.add(gx.ExpectationSuite(name="quotes", expectations=[
        gxe.ExpectColumnValuesToBeUnique(column="quote_id", severity="critical"),
        gxe.ExpectColumnValuesToNotBeNull(column="speaker", mostly=0.9, severity="warning"),
        gxe.ExpectColumnUniqueValueCountToBeBetween(column="article_id", min_value=3, max_value=3, severity="critical"),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="char_end", column_B="char_start", severity="critical"),
        gxe.ExpectColumnValuesToBeBetween(column="paragraph", min_value=0, severity="critical"),  # no such column
        gxe.ExpectColumnValuesToBeInSet(column="quote_type", value_set=["direct", "partial"], severity="critical"),
    ]))
    validation = context.validation_definitions.add(gx.ValidationDefinition(
        name="quotes", data=asset.add_batch_definition_whole_dataframe("quotes"), suite=suite))
    frame = pd.DataFrame({
        "quote_id": ["q1", "q2", "q2", "q4"], "article_id": ["a1", "a1", "a2", "a2"],
        "speaker": ["Dmitry Peskov", None, None, "Olaf Scholz"],
        "quote_type": ["direct", "partial", "direct", "direct"],
        "char_start": [0, 10, 5, 7], "char_end": [12, 10, 9, 20],
    })
    result = validation.run(batch_parameters={"dataframe": frame}, result_format={
        "result_format": "SUMMARY", "unexpected_index_column_names": list(ROW_NAMES),
        "return_unexpected_index_query": False})
    return {r.expectation_config.type + ":" + str(r.expectation_config.kwargs.get("column")): r for r in result.results}


def test_records_from_real_gx_results_name_the_offending_rows(results: dict[str, ExpectationValidationResult]) -> None:
    def rec(key: str) -> QualityRecord:
        return record_from_result("quotes", results[key], ROW_NAMES)

    assert rec("expect_column_values_to_be_unique:quote_id") == record(
        "expect_column_values_to_be_unique", "quote_id", observed_value="2 of 4 rows unexpected", unexpected_count=2,
        unexpected_examples="quote_id=q2 article_id=a1, quote_id=q2 article_id=a2")
    speaker = rec("expect_column_values_to_not_be_null:speaker")
    assert (speaker.severity, speaker.unexpected_examples) == (
        "warning", "quote_id=q2 article_id=a1 speaker=NULL, quote_id=q2 article_id=a2 speaker=NULL")
    count = rec("expect_column_unique_value_count_to_be_between:article_id")
    assert (count.observed_value, count.unexpected_count, count.expected) == ("2", None, "3..3")
    pair = rec("expect_column_pair_values_a_to_be_greater_than_b:None")
    assert (pair.column_name, pair.unexpected_examples) == ("char_end,char_start",
                                                            "quote_id=q2 article_id=a1 char_end=10 char_start=10")
    held = rec("expect_column_values_to_be_in_set:quote_type")
    assert (held.success, held.observed_value, held.unexpected_examples) == (True, "0 of 4 rows unexpected", None)


def test_an_expectation_that_raised_is_recorded_as_an_error(results: dict[str, ExpectationValidationResult]) -> None:
    error = record_from_result("quotes", results["expect_column_values_to_be_between:paragraph"], ROW_NAMES)
    assert not error.success and error.unexpected_count is None
    assert error.observed_value.startswith("error: ") and '"paragraph"' in error.observed_value
    assert "\n" not in error.observed_value
    assert error.describe().startswith("quotes: expect_column_values_to_be_between(paragraph) could not be evaluated: ")


def built(config: gxe.Expectation, success: bool = False, **details: object) -> ExpectationValidationResult:
    return ExpectationValidationResult(success=success, expectation_config=config.configuration, result=details)


def test_examples_are_distinct_few_and_readable() -> None:
    entries = [{"quote_id": f"q{i}", "text": "we will not back down", "article_id": "a1"} for i in range(8)]
    many = built(gxe.ExpectColumnValuesToBeUnique(column="quote_id"), element_count=90, unexpected_count=8,
                 partial_unexpected_index_list=[entries[0], *entries])
    rec = record_from_result("quotes", many, ROW_NAMES)
    shown = rec.unexpected_examples.split(", ")
    assert len(shown) == MAX_EXAMPLES + 1 and shown[-1] == "..."
    assert shown[:2] == ["quote_id=q0 article_id=a1 text='we will not back down'",
                         "quote_id=q1 article_id=a1 text='we will not back down'"]
    odd = built(gxe.ExpectColumnValuesToBeBetween(column="published_date", min_value=date(1900, 1, 1),
                                                  max_value=date(2026, 11, 30)), element_count=3, unexpected_count=1,
                partial_unexpected_index_list=[{"article_id": "a1", "published_date": datetime(1850, 6, 1),
                                                "word_count": np.int64(12), "score": 3.0, "note": "x" * 60,
                                                "forms": ["Peskov", None]}])
    rec = record_from_result("articles", odd, ("article_id",))
    assert rec.expected == "1900-01-01..2026-11-30"
    assert rec.unexpected_examples == (
        f"article_id=a1 published_date=1850-06-01 word_count=12 score=3 note={'x' * 38}.. forms=[Peskov, NULL]")
    assert rec.severity == "critical"  # GX's default


def test_a_failed_metric_error_is_found_whatever_its_key() -> None:
    raised = ExpectationValidationResult(
        success=False, expectation_config=gxe.ExpectColumnValuesToBeUnique(column="quote_id").configuration,
        exception_info={"('column_values.unique', 'abc')": {
            "raised_exception": True, "exception_message": "boom: no memory\nTraceback ...",
            "exception_traceback": "Traceback ..."}})
    assert record_from_result("quotes", raised, ROW_NAMES).observed_value == "error: boom: no memory"
