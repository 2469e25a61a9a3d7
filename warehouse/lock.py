"""The run lock of a warehouse, and who holds it.

The lock itself is an OS file lock (filelock) on `_state/run.lock`: the system releases it when its
process dies, however it dies, so a killed run never blocks the next one. Beside it, `_state/run.owner`
names the run holding it (host, pid, start), for the message a second run prints, and tells the next
run that the previous one was killed: a clean run removes it when it releases the lock; a run killed
on this or another host leaves it behind, with the lock free."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from warehouse import layout

OWNER = "run.owner"


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse lock."""


def owner_path(state_dir: Path) -> Path:
    return Path(state_dir) / OWNER


def describe_owner(state_dir: Path) -> str | None:
    """'pid P on host H since T' from the owner file, None when there is none; 'an unknown run'
    when it cannot be read."""
    path = owner_path(state_dir)
    try:
        data = json.loads(path.read_text())
        return f"pid {int(data['pid'])} on host {data['host']} since {data['started']}"
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return "an unknown run"


def is_held(state_dir: Path) -> bool:
    """True when some process holds the run lock now."""
    lock = FileLock(str(Path(state_dir) / layout.LOCK))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    lock.release()
    return False


@contextmanager
def run_lock(root: Path, state_dir: Path, timeout: float) -> Iterator[str | None]:
    """Hold the run lock for the block, waiting up to `timeout` seconds; WarehouseBusy, naming the
    holder, when another run keeps it. Yields who held it last when that run was killed (its owner
    file was left behind), else None."""
    lock = FileLock(str(Path(state_dir) / layout.LOCK))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        holder = describe_owner(state_dir) or "another run"
        raise WarehouseBusy(
            f"warehouse {root} is in use by another run ({holder}; lock {Path(state_dir) / layout.LOCK})"
        ) from None
    try:
        killed = describe_owner(state_dir)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        me = {"host": socket.gethostname(), "pid": os.getpid(), "started": started}
        with suppress(OSError):  # a full disk: the owner file is a courtesy, the lock protects the warehouse
            owner_path(state_dir).write_text(json.dumps(me))
        yield killed
    finally:
        owner_path(state_dir).unlink(missing_ok=True)
        lock.release()
