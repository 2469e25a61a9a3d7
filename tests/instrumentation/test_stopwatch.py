"""The profiling stopwatch: seconds summed per stage."""

from __future__ import annotations

import time

import pytest

from instrumentation.stopwatch import Stopwatch


def test_stages_sum_over_every_timing_and_count_time_spent_in_a_failure():
    clock = Stopwatch()
    for _ in range(2):
        with clock.stage("parse"):
            time.sleep(0.01)
    with pytest.raises(RuntimeError), clock.stage("nlp"):
        time.sleep(0.01)
        raise RuntimeError("a failed stage still took its time")
    assert clock.seconds["parse"] >= 0.02 and clock.seconds["nlp"] >= 0.01
    clock.add({"parse": 1.0, "read": 0.5})
    assert clock.seconds["parse"] >= 1.02 and clock.seconds["read"] == 0.5
