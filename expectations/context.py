"""A Great Expectations context for the gate: in memory, no analytics, no progress bars, no log chatter."""

from __future__ import annotations

import logging

# GX logs INFO lines from its own import (docs decorators) and WARNING lines from several modules; the gate
# reports through its records, so only GX errors should reach the flow's log. Set before GX is imported.
logging.getLogger("great_expectations").setLevel(logging.ERROR)

import great_expectations as gx  # noqa: E402
from great_expectations.data_context import EphemeralDataContext  # noqa: E402
from great_expectations.data_context.types.base import (  # noqa: E402
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)


def quiet_context() -> EphemeralDataContext:
    """A new ephemeral context: stores in memory, nothing sent home, no tqdm 'Calculating Metrics' bars."""
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)
