"""The storage faults a run reports in one line instead of a traceback: a full disk, and a warehouse
whose state is damaged beyond what a run may repair on its own."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path

from deltalake import DeltaTable

from warehouse import layout

_NO_SPACE_TEXT = ("No space left on device", "os error 28", "ENOSPC")


class DiskFull(RuntimeError):
    """The disk filled up during a write; the message says what was being written and what readers see."""


class WarehouseDamaged(RuntimeError):
    """The warehouse's state is damaged and cannot be recovered safely by a run; the message names the
    file and the command that repairs it."""


def no_space(exc: BaseException | None) -> bool:
    """True when `exc`, or an exception it was raised from, is a full disk: an OSError with ENOSPC or
    a Delta Lake or DuckDB error reporting it (they wrap the OS error in their own types)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if any(text in str(exc) for text in _NO_SPACE_TEXT):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def remove_half_written(root: Path, db_name: str, table_dirs: Sequence[Path], since_ns: int) -> None:
    """Remove what a write interrupted by a full disk left since `since_ns` (time.time_ns()): temporary
    views files, Delta commit temporaries, and data files that no version in the table's log names.
    Files that a complete (if unpublished) Delta version names stay: recovery rolls those back."""
    for stale in Path(root).glob(f".{db_name}.*.tmp"):
        stale.unlink(missing_ok=True)
    for path in table_dirs:
        if not path.is_dir():
            continue
        try:
            named = {str(layout.file_path(u).resolve()) for u in DeltaTable(str(path)).file_uris()}
        except Exception:  # a first commit that never completed: nothing in it is named
            named = set()
        for f in path.rglob("*"):
            if not f.is_file() or f.stat().st_mtime_ns < since_ns or str(f.resolve()) in named:
                continue
            if f.parent.name != "_delta_log" or f.suffix == ".tmp" or f.name.startswith("_commit_"):
                f.unlink(missing_ok=True)
