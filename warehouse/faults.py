"""The storage faults a run reports in one line instead of a traceback: a full disk, and a warehouse
whose state is damaged beyond what a run may repair on its own."""

from __future__ import annotations

import errno

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
