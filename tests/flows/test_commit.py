"""Commit groups: task batches gathered into validated commits (the gate and the warehouse commit
itself run in every flow test, tests/e2e/test_flow.py)."""

from __future__ import annotations

from collections import Counter

from flows.commit import commit_groups
from transforms.process import BatchResult, FileResult


def batch(*paths: str) -> BatchResult:
    return BatchResult([FileResult(p, "h", 1, 1) for p in paths], Counter({"nlp": 1.0}))


def test_task_batches_are_gathered_into_commits_of_at_least_commit_size_and_failures_pass_through():
    boom = RuntimeError("worker died")
    outcomes = [(2, batch("a", "b")), (2, batch("c", "d")), (3, boom), (2, batch("e", "f")), (1, batch("g"))]
    groups = list(commit_groups(iter(outcomes), commit_size=3))
    assert groups[1] == (3, boom)  # a failed batch is reported when it comes, on its own
    sizes = [(n, [f.path for f in g.files]) for n, g in (groups[0], groups[2])]
    assert sizes == [(4, ["a", "b", "c", "d"]), (3, ["e", "f", "g"])]
    assert len(groups) == 3 and groups[0][1].stages["nlp"] == 2.0  # timings add up over the gathered batches
