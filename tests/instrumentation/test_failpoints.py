"""Failpoints: a crash test kills a real process at a named moment, the N-th time it is reached."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from instrumentation.failpoints import ENV_VAR, Failpoints


@pytest.mark.parametrize(("spec", "armed"), [("", (None, 1)), ("after-manifest", ("after-manifest", 1)),
                                             ("after-files:3", ("after-files", 3))])
def test_armed_from_the_environment(spec, armed):
    fp = Failpoints.from_env({ENV_VAR: spec} if spec else {})
    assert (fp.name, fp.nth) == armed


@pytest.mark.parametrize("spec", ["after-files:0", "after-files:two", "after-files:-1"])
def test_a_malformed_spec_is_refused_naming_it(spec):
    with pytest.raises(ValueError, match=f"{ENV_VAR}='{spec}'"):
        Failpoints.from_env({ENV_VAR: spec})


def test_the_process_is_killed_on_the_nth_pass_of_the_armed_point_only():
    code = (
        "from instrumentation.failpoints import Failpoints\n"
        "fp = Failpoints('commit-start', 2)\n"
        "fp.reach('after-files'); fp.reach('commit-start'); print('first pass', flush=True)\n"
        "fp.reach('commit-start'); print('not reached', flush=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert done.stdout == "first pass\n"


def test_unarmed_failpoints_do_nothing():
    fp = Failpoints()
    for _ in range(3):
        fp.reach("commit-start")
    assert fp.passes == 0
