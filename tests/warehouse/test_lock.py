"""The run lock: a second run is told who holds it; a killed run's lock never blocks, and is noticed."""

from __future__ import annotations

import json
import os
import socket

import pytest

from warehouse.lock import OWNER, WarehouseBusy, describe_owner, is_held, run_lock


def test_busy_warehouse_names_the_run_holding_it(tmp_path):
    with run_lock(tmp_path, tmp_path, 0) as killed:
        assert killed is None and is_held(tmp_path)
        with pytest.raises(WarehouseBusy, match=f"in use by another run \\(pid {os.getpid()} on host "
                                                f"{socket.gethostname()} since "), run_lock(tmp_path, tmp_path, 0):
            pass
    assert not is_held(tmp_path) and not (tmp_path / OWNER).exists()


def test_owner_file_left_by_a_killed_run_is_reported_once(tmp_path):
    (tmp_path / OWNER).write_text(json.dumps({"host": "elsewhere", "pid": 7, "started": "yesterday"}))
    with run_lock(tmp_path, tmp_path, 0) as killed:
        assert killed == "pid 7 on host elsewhere since yesterday"
    with run_lock(tmp_path, tmp_path, 0) as killed:
        assert killed is None


def test_unreadable_owner_file_is_an_unknown_run(tmp_path):
    (tmp_path / OWNER).write_text("{")
    assert describe_owner(tmp_path) == "an unknown run"
