"""Recognising a full disk however a library reports it."""

from __future__ import annotations

import errno

from warehouse.faults import no_space


def test_full_disk_is_recognised_through_wrappers():
    assert no_space(OSError(errno.ENOSPC, "No space left on device"))
    assert no_space(RuntimeError("Generic LocalFileSystem error: No space left on device (os error 28)"))
    try:
        try:
            raise OSError(errno.ENOSPC, "full")
        except OSError as inner:
            raise ValueError("write failed") from inner
    except ValueError as outer:
        assert no_space(outer)


def test_other_errors_are_not_a_full_disk():
    assert not no_space(OSError(errno.EACCES, "Permission denied"))
    assert not no_space(ValueError("bad value"))
    assert not no_space(None)
