"""Great Expectations Data Docs for the gate's runs: one static site in WAREHOUSE/data_docs/.

The flow hands each batch's GX results to a RunDocs (through Gate.validate's `keep_results`) and builds
the site once at the end of the run. Results are kept as JSON in WAREHOUSE/data_docs/_results/, so the
site's index lists the recent runs, not just the latest; older runs are pruned. The `quality` view remains
the complete record: the site is for reading a run's results the way GX presents them.

Usage in the flow:

    docs = RunDocs(warehouse, run_id)
    report = gate.validate(batch.frames, today, committed_article_ids=..., keep_results=docs.batch(number))
    ...
    index = docs.build()  # WAREHOUSE/data_docs/index.html, or None when there was nothing to show
"""

from __future__ import annotations

import copy
import logging
import shutil
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import great_expectations as gx
from great_expectations.core import ExpectationSuiteValidationResult
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import (
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)

import expectations.context  # noqa: F401  (quietens GX's loggers before it logs anything)
from expectations.suites import GATED_TABLES, build_suite
from warehouse import layout
from warehouse.layout import data_docs_index

log = logging.getLogger(__name__)

FOLDER = layout.DATA_DOCS
SITE = "warehouse"
# Runs whose results stay in the site; older ones are removed when a run builds it.
KEEP_RUNS = 30
# Passing batches shown per run; every batch with a failed expectation is shown whatever this says.
# A large backfill has hundreds of batches, and the quality view already holds every result.
MAX_PASSING_BATCHES = 20


class RunDocs:
    """One run's GX validation results, batch by batch, and the Data Docs site they are added to."""

    def __init__(self, warehouse: Path, run_id: str, started: datetime | None = None,
                 keep_runs: int = KEEP_RUNS, max_passing_batches: int = MAX_PASSING_BATCHES) -> None:
        self.folder = Path(warehouse) / FOLDER
        self.run_id = run_id
        self.started = started or datetime.now(UTC)
        self.keep_runs = keep_runs
        self.max_passing_batches = max_passing_batches
        self._batches: dict[int, list[ExpectationSuiteValidationResult]] = {}

    def batch(self, number: int) -> list[ExpectationSuiteValidationResult]:
        """The list to pass as Gate.validate(keep_results=...) for batch `number`."""
        self._forget_unshown()
        return self._batches.setdefault(number, [])

    def _forget_unshown(self) -> None:
        # results of batches that will not be shown are dropped as the run goes, so that a long run's
        # memory stays flat
        shown = set(self.shown_batches())
        for number in [n for n in self._batches if n not in shown]:
            del self._batches[number]

    def shown_batches(self) -> list[int]:
        """Batches whose results go into the site: every one with a failure, and the first passing ones."""
        passing = [n for n in sorted(self._batches) if all(r.success for r in self._batches[n])]
        return sorted(set(self._batches) - set(passing) | set(passing[: self.max_passing_batches]))

    def build(self) -> Path | None:
        """Add this run's results to the site and rebuild its index; returns the index page, or None when
        the run validated nothing and there is no site yet. Never raises: the docs are a view of results
        already committed to `quality`, so failing to render them must not fail the run."""
        try:
            return self._build()
        except Exception as exc:  # noqa: BLE001 - see the docstring
            log.warning("Data Docs not built: %s", exc)
            return None

    def _build(self) -> Path | None:
        index = self.folder / "index.html"
        shown = self.shown_batches()
        if not shown:
            return index if index.exists() else None
        context = _site_context(self.folder)
        suites = [context.suites.add(_copy_suite(build_suite(table))) for table in GATED_TABLES]
        store = context.validation_results_store
        run = RunIdentifier(run_name=self.run_id, run_time=self.started)
        new_keys: list = []
        for number in shown:
            for result in self._batches[number]:
                # the page's "Run Name" and "Run Time" come from the result itself (else `__none__`)
                result.meta["run_id"] = run.to_json_dict()
                key = ValidationResultIdentifier(
                    expectation_suite_identifier=ExpectationSuiteIdentifier(name=result.suite_name),
                    run_id=run,
                    batch_identifier=f"batch-{number:04d}",
                )
                store.set(key, result)
                new_keys.append(key)
        self._prune(store)
        new_keys += [ExpectationSuiteIdentifier(name=suite.name) for suite in suites]
        context.build_data_docs(site_names=[SITE], resource_identifiers=new_keys)
        return index

    def _prune(self, store) -> None:
        """Drop the results and pages of all but the newest `keep_runs` runs."""
        keys = store.list_keys()
        started: dict[str, datetime] = {}
        for key in keys:
            name, time = key.run_id.run_name, key.run_id.run_time
            started[name] = max(started.get(name, time), time)
        newest = sorted(started, key=started.__getitem__, reverse=True)[: self.keep_runs]
        for key in keys:
            if key.run_id.run_name not in newest:
                store.remove_key(key)
                suite = key.expectation_suite_identifier.name
                shutil.rmtree(self.folder / "validations" / suite / key.run_id.run_name, ignore_errors=True)


def _copy_suite(suite: gx.ExpectationSuite) -> gx.ExpectationSuite:
    # GX refuses expectations that already belong to another suite's context
    return gx.ExpectationSuite(name=suite.name, expectations=[copy.copy(e) for e in suite.expectations],
                               meta=suite.meta)


def _site_context(folder: Path):
    """An ephemeral context whose validation results live in folder/_results and whose one Data Docs
    site is `folder`: no analytics, no progress bars, no 'how to' buttons."""
    defaults = InMemoryStoreBackendDefaults(init_temp_docs_sites=False)
    defaults.stores[defaults.validation_results_store_name]["store_backend"] = {
        "class_name": "TupleFilesystemStoreBackend",
        "base_directory": str(folder / "_results"),
    }
    config = DataContextConfig(
        store_backend_defaults=defaults,
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        data_docs_sites={
            SITE: {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(folder)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder", "show_cta_footer": False},
            }
        },
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def results_count(folder: Path) -> int:
    """Validation results kept in the site at `folder` (for tests and diagnostics)."""
    return len(list((Path(folder) / "_results").rglob("*.json")))


__all__: Sequence[str] = ("RunDocs", "data_docs_index", "results_count")
