"""The gate's GX context: in memory, nothing sent home, no progress bars on stderr, GX's loggers quiet."""

from __future__ import annotations

import logging
from pathlib import Path

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd
import pytest
from great_expectations.data_context import EphemeralDataContext
from great_expectations.data_context.types.base import DataContextConfig, InMemoryStoreBackendDefaults

from expectations.context import quiet_context

QUOTES = pd.DataFrame({
    "quote_id": ["q1", "q2", "q2", "q4"],
    "speaker": ["Dmitry Peskov", None, "Olaf Scholz", "Fumio Kishida"],
    "char_start": [0, 31, 12, 7],
    "char_end": [21, 40, 44, 29],
})


def validate(context: EphemeralDataContext) -> bool:
    """A small failing validation, as the gate runs one: enough metrics for GX to want a progress bar."""
    asset = context.data_sources.add_pandas(name="batch").add_dataframe_asset(name="quotes")
    suite = context.suites.add(gx.ExpectationSuite(name="quotes", expectations=[
        gxe.ExpectColumnValuesToBeUnique(column="quote_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="speaker"),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="char_end", column_B="char_start"),
    ]))
    validation = context.validation_definitions.add(gx.ValidationDefinition(
        name="quotes", data=asset.add_batch_definition_whole_dataframe("quotes"), suite=suite))
    return validation.run(batch_parameters={"dataframe": QUOTES}).success


def test_the_context_is_ephemeral_without_analytics_or_progress_bars(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    context = quiet_context()
    assert isinstance(context, EphemeralDataContext)
    assert context.root_directory is None
    assert type(context.expectations_store.store_backend).__name__ == "InMemoryStoreBackend"
    assert type(context.validation_results_store.store_backend).__name__ == "InMemoryStoreBackend"
    assert context.config.data_docs_sites == {}
    assert context.variables.analytics_enabled is False
    bars = context.variables.progress_bars
    assert (bars.globally, bars.metric_calculations) == (False, False)
    assert validate(context) is False
    assert list(tmp_path.iterdir()) == []  # nothing written where it runs


def test_each_call_is_a_new_context() -> None:
    first, second = quiet_context(), quiet_context()
    first.suites.add(gx.ExpectationSuite(name="quotes"))
    assert [s.name for s in first.suites.all()] == ["quotes"]
    assert second.suites.all() == []


def test_validating_prints_no_progress_bar(capfd: pytest.CaptureFixture[str]) -> None:
    # the same context with GX's default progress bars draws 'Calculating Metrics' on stderr (whatever
    # TQDM_DISABLE says: GX passes tqdm its own `disable`)
    noisy = gx.get_context(mode="ephemeral", project_config=DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False), analytics_enabled=False))
    validate(noisy)
    assert "Calculating Metrics" in capfd.readouterr().err
    validate(quiet_context())
    assert capfd.readouterr() == ("", "")


def test_gx_logs_errors_only(caplog: pytest.LogCaptureFixture) -> None:
    """Set on import, before GX's own imports log anything; the gate reports through its records."""
    with caplog.at_level(logging.DEBUG):  # the root logger lets everything through; GX's own level still holds
        logging.getLogger("great_expectations.validator.validator").warning("a GX warning")
        logging.getLogger("great_expectations.data_context").error("a GX error")
    assert [(r.name, r.levelname) for r in caplog.records] == [("great_expectations.data_context", "ERROR")]
