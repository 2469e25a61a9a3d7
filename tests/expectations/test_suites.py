"""The gate's suites: what warehouse.schema says, derived expectation by expectation, then the domain's rules."""

from __future__ import annotations

from typing import Any

import great_expectations.expectations as gxe
import pyarrow as pa
import pytest

from expectations.derived import expectation_parameters
from expectations.suites import (
    GATED_TABLES,
    REFERENCE_CHECKS,
    ROW_NAMES,
    UNRESOLVED_CHECKS,
    build_suite,
    reference_expectation,
    schema_expectations,
)
from tests.expectations.test_gate import TODAY, make_batch
from warehouse.schema import ARTICLES, ENTITIES, FILES, QUOTES, REFERENCES, SEVERITIES, Reference, Table
from warehouse.table import col


def described(expectation: gxe.Expectation) -> tuple[str, dict[str, Any], str]:
    kwargs = dict(expectation.configuration.kwargs)
    return expectation.expectation_type, kwargs, expectation.severity.value


def by_type(table: Table, type_: str) -> list[dict[str, Any]]:
    return [kw for t, kw, _ in map(described, schema_expectations(table)) if t == type_]


@pytest.mark.parametrize("table", GATED_TABLES, ids=lambda t: t.name)
def test_one_not_null_per_non_nullable_column_in_column_order(table: Table) -> None:
    not_null = by_type(table, "expect_column_values_to_not_be_null")
    assert [kw["column"] for kw in not_null] == [c.name for c in table.spec if not c.nullable]
    assert all(set(kw) == {"column"} for kw in not_null)  # every row, no `mostly`


@pytest.mark.parametrize("table", GATED_TABLES, ids=lambda t: t.name)
def test_closed_value_sets_come_from_the_schema(table: Table) -> None:
    literal_sets = {kw["column"]: tuple(kw["value_set"]) for kw in by_type(table, "expect_column_values_to_be_in_set")
                    if isinstance(kw["value_set"], list)}
    assert literal_sets == table.value_sets


def test_the_key_is_unique_single_or_compound() -> None:
    assert by_type(QUOTES, "expect_column_values_to_be_unique") == [{"column": "quote_id"}]
    assert by_type(FILES, "expect_column_values_to_be_unique") == [{"column": "path"}]
    assert by_type(ENTITIES, "expect_compound_columns_to_be_unique") == [{"column_list": ["article_id", "entity_id"]}]
    assert by_type(ENTITIES, "expect_column_values_to_be_unique") == []
    assert described(schema_expectations(ARTICLES)[-1])[0] == "expect_column_values_to_be_unique"


def test_every_schema_reference_of_a_gated_table_has_its_check_and_no_other() -> None:
    gated = {t.name for t in GATED_TABLES}
    assert set(REFERENCE_CHECKS) == {r for r in REFERENCES if r.table in gated}
    for reference, check in REFERENCE_CHECKS.items():
        type_, kwargs, severity = described(reference_expectation(reference))
        assert (type_, kwargs["column"], severity) == ("expect_column_values_to_be_null",
                                                       f"{reference.column}_unresolved", check.severity)
        assert (reference.column, check.referenced) in UNRESOLVED_CHECKS[reference.table]
        assert ("row_condition" in kwargs) is (check.row_condition is not None)
    assert described(reference_expectation(QUOTES.reference("speaker_entity_id")))[2] == "warning"
    assert described(reference_expectation(QUOTES.reference("article_id")))[2] == "critical"


def test_a_reference_without_a_batch_check_fails_the_suite_naming_it() -> None:
    quality = Table("quality", "Checks.", (
        col("run_id", pa.string(), "the run", False, references="runs.run_id"),
        col("expectation", pa.string(), "the expectation", False),
    ), key=("run_id", "expectation"))
    with pytest.raises(KeyError, match=r"reference quality.run_id -> runs.run_id has no batch check"):
        schema_expectations(quality)
    with pytest.raises(KeyError, match="has no batch check in expectations.suites.REFERENCE_CHECKS"):
        reference_expectation(Reference("files", "article_id", "entities", "article_id"))


def test_a_published_files_article_is_checked_only_for_published_rows() -> None:
    nulls = by_type(FILES, "expect_column_values_to_be_null")
    (check,) = [kw for kw in nulls if kw["column"] == "article_id_unresolved"]
    assert check["row_condition"]["column"] == {"name": "status"}
    assert (check["row_condition"]["operator"], check["row_condition"]["parameter"]) == ("==", "published")


@pytest.mark.parametrize("table", GATED_TABLES, ids=lambda t: t.name)
def test_build_suite_is_named_after_its_table_schema_expectations_first(table: Table) -> None:
    suite = build_suite(table)
    assert suite.name == table.name
    schema = [described(e) for e in schema_expectations(table)]
    assert [described(e) for e in suite.expectations[: len(schema)]] == schema
    assert len(suite.expectations) > len(schema)  # and the domain's rules after them
    assert {described(e)[2] for e in suite.expectations} <= set(SEVERITIES)
    for e in suite.expectations:  # every column named is one the batch has
        kwargs = e.configuration.kwargs
        named = [kwargs.get("column"), *kwargs.get("column_list", []), kwargs.get("column_A"), kwargs.get("column_B")]
        derived = {"quoted_span", "story_first_date", "story_first_story",
                   *(f"{column}_unresolved" for column, _ in UNRESOLVED_CHECKS[table.name])}
        assert {c for c in named if c} <= {*table.columns, *derived}, described(e)
    assert set(ROW_NAMES[table.name]) <= set(table.columns)


def test_every_parameter_the_suites_name_is_one_derived_computes() -> None:
    named = set()
    for table in GATED_TABLES:
        for e in build_suite(table).expectations:
            named |= {v["$PARAMETER"] for v in e.configuration.kwargs.values() if isinstance(v, dict) and
                      "$PARAMETER" in v}
    assert named == set(expectation_parameters(make_batch(n_articles=1), TODAY))
