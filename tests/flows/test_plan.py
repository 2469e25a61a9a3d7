"""Planning a run: what to read, what to quarantine unread, and the task batches."""

from __future__ import annotations

import dataclasses

import pytest

from flows.landing import LandingFile
from flows.plan import plan, task_batches
from warehouse.store import KnownFile


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
    assert tail == sorted(tail, reverse=True) and min(tail[:-2]) == 4  # down to an eighth of a batch
    assert min(tail[-2:]) >= 2  # the rest shares the last stretch: never under half of that
    assert sum(sizes[-4:]) <= 32  # the last few batches together are at most one full batch


def test_the_tail_stops_shrinking_at_an_eighth_of_a_batch_so_tasks_stay_worth_their_fixed_cost():
    sizes = [len(b) for b in task_batches(files(2000), 128)]
    assert min(sizes[:-2]) == 16 and len(sizes) <= 24  # 43 tasks when the tail went down to 1-2 files
    assert min(sizes[-2:]) >= 8  # the rest shares the last stretch
    assert [len(b) for b in task_batches(files(5), 8)] == [2, 2, 1]  # never under 2 files but for the rest


@pytest.mark.parametrize(("n", "size", "expected"), [
    (17, 128, [9, 8]),  # a daily drop of 17 files: two workers, not one with 16 and one with a single file
    (20, 128, [10, 10]),
    (31, 128, [16, 15]),
    (16, 128, [16]),  # up to the smallest batch: one task
    (33, 128, [16, 9, 8]),
])
def test_a_rest_under_the_smallest_batch_shares_the_last_stretch_evenly(n, size, expected):
    assert [len(b) for b in task_batches(files(n), size)] == expected


@pytest.mark.parametrize("n", [2, 3, 7, 17, 130, 2001])
@pytest.mark.parametrize("size", [1, 2, 3, 16, 128, 10**9])
def test_no_batch_under_half_the_smallest_unless_the_run_or_the_batch_is_that_small(n, size):
    batches = task_batches(files(n), size)
    assert [f for b in batches for f in b] == files(n)
    smallest = max(2, size // 8)
    assert all(min(size, n, smallest // 2) <= len(b) <= size for b in batches)


def test_plan_reads_new_and_changed_files_skips_unchanged_and_quarantines_problems_unread():
    known = {
        "same.txt": KnownFile("h1", 100, 5, "published", None, "a1"),
        "grown.txt": KnownFile("h2", 100, 5, "published", None, "a2"),
        "touched.txt": KnownFile("h3", 100, 5, "duplicate", "same bytes as same.txt", "a1"),
    }
    found = [
        LandingFile("grown.txt", 120, 6),
        LandingFile("link.txt", 0, 0, "link points outside the landing folder; not read"),
        LandingFile("new.txt", 10, 1),
        LandingFile("same.txt", 100, 5),
        LandingFile("touched.txt", 100, 9),
    ]
    p = plan(found, known)
    assert [f.path for f in p.to_read] == ["grown.txt", "new.txt", "touched.txt"]
    assert [f.path for f in p.unread] == ["link.txt"]
    assert p.unchanged == 1 and not p.nothing_to_do


def test_a_recorded_problem_file_that_is_unchanged_is_not_quarantined_again():
    known = {"pipe.txt": KnownFile("", 0, 7, "quarantined", "not a regular file", None)}
    p = plan([LandingFile("pipe.txt", 0, 7, "not a regular file")], known)
    assert p.unchanged == 1 and p.nothing_to_do


def test_files_recorded_unread_are_read_once_the_cause_is_fixed():
    known = {
        "secret.txt": KnownFile("", 100, 5, "quarantined", "permission denied: ...", None),
        "still.txt": KnownFile("", 100, 5, "quarantined", "permission denied: ...", None),
        "gone-mid-run.txt": KnownFile("", 100, 5, "quarantined", "gone before it could be read; ...", None),
    }
    found = [
        LandingFile("gone-mid-run.txt", 100, 5),                     # back, same size and time: read now
        LandingFile("secret.txt", 100, 5),                           # chmod fixed it: mtime is unchanged
        LandingFile("still.txt", 100, 5, "permission denied: ..."),  # still unreadable: nothing to do
    ]
    p = plan(found, known)
    assert [f.path for f in p.to_read] == ["gone-mid-run.txt", "secret.txt"] and p.unchanged == 1


def test_files_gone_from_the_folder_are_kept_marked_and_pruned_only_on_purpose():
    from datetime import UTC, datetime

    since = datetime(2026, 11, 1, tzinfo=UTC)
    known = {
        "a.txt": KnownFile("h1", 100, 5, "published", None, "A"),
        "old.txt": KnownFile("h2", 100, 5, "published", None, "B", missing_since=since),
        "back.txt": KnownFile("h3", 100, 5, "published", None, "C", missing_since=since),
        "copy.txt": KnownFile("h1", 100, 5, "duplicate", "same bytes as a.txt", "A"),
        "locked/": KnownFile("", 0, 0, "quarantined", "folder cannot be listed", None),
    }
    found = [LandingFile("back.txt", 100, 5), LandingFile("copy.txt", 100, 5)]
    p = plan(found, known)
    assert p.gone == ["a.txt"] and p.returned == ["back.txt"] and p.pruned == ["locked/"]
    assert p.to_read == [] and p.unchanged == 2 and not p.nothing_to_do
    pruning = plan(found, known, prune_missing=True)
    assert sorted(pruning.pruned) == ["a.txt", "locked/", "old.txt"] and pruning.gone == []
    # a.txt's article goes: its duplicate is read again, to be decided afresh
    assert [f.path for f in pruning.to_read] == ["copy.txt"] and pruning.unchanged == 1
    marked = {**known, "a.txt": dataclasses.replace(known["a.txt"], missing_since=since)}
    assert plan(found, marked).gone == []  # noticed once: the date it went stays


def test_a_duplicate_whose_article_went_while_it_was_away_is_decided_again_when_it_returns():
    """B copied A's article X1; B left the folder; A changed (X1 withdrawn, A now holds X2); B is back
    unchanged: it must not stay a duplicate of an article that no longer exists."""
    from datetime import UTC, datetime

    since = datetime(2026, 11, 1, tzinfo=UTC)
    known = {
        "a.txt": KnownFile("h2", 120, 9, "published", None, "X2"),
        "b.txt": KnownFile("h1", 100, 5, "duplicate", "same article as a.txt", "X1", missing_since=since),
    }
    p = plan([LandingFile("a.txt", 120, 9), LandingFile("b.txt", 100, 5)], known)
    assert [f.path for f in p.to_read] == ["b.txt"] and p.unchanged == 1 and p.returned == []
    current = {**known, "b.txt": dataclasses.replace(known["b.txt"], article_id="X2", missing_since=None)}
    assert plan([LandingFile("a.txt", 120, 9), LandingFile("b.txt", 100, 5)], current).to_read == []
