"""How the flow cuts the files to read into task batches."""

from __future__ import annotations

import pytest

from flows.etl import task_batches
from newsetl.landing import LandingFile


def files(n: int) -> list[LandingFile]:
    return [LandingFile(f"article_{i:05d}.txt", 1000 + i, i) for i in range(n)]


@pytest.mark.parametrize("n", [0, 1, 2, 5, 31, 32, 33, 100, 1000, 2017])
def test_every_file_once_in_order_no_batch_over_the_size(n):
    batches = task_batches(files(n), 32)
    assert [f for b in batches for f in b] == files(n)
    assert all(1 <= len(b) <= 32 for b in batches)


def test_the_last_batches_shrink_so_the_workers_finish_together():
    sizes = [len(b) for b in task_batches(files(1000), 32)]
    assert sizes[:20] == [32] * 20
    tail = sizes[sizes.index(max(s for s in sizes if s < 32)):]
    assert tail == sorted(tail, reverse=True) and tail[-1] <= 2
    assert sum(sizes[-4:]) <= 32  # the last few batches together are at most one full batch
