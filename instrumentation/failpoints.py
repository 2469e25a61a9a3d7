"""Failpoints: named moments of a commit at which a crash test kills the process.

The crash tests start a real run with NEWSETL_FAILPOINT=NAME:N in its environment; the run's wiring
(flows.definitions) turns that into a Failpoints object handed to the warehouse, which calls
`reach(NAME)` at each such moment. The N-th time it is reached, the process is SIGKILLed, exactly
there, as a power cut or an OOM kill would. Without the variable nothing is armed and `reach` is a
comparison with None."""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping

ENV_VAR = "NEWSETL_FAILPOINT"


class Failpoints:
    """At most one armed failpoint: `name`, to fire on its `nth` pass (1-based)."""

    def __init__(self, name: str | None = None, nth: int = 1) -> None:
        self.name, self.nth, self.passes = name, nth, 0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Failpoints:
        """Armed from `NEWSETL_FAILPOINT=NAME[:N]`; ValueError when N is not a positive integer."""
        spec = environ.get(ENV_VAR, "")
        if not spec:
            return cls()
        name, _, nth = spec.partition(":")
        if not nth.strip():
            return cls(name, 1)
        if not nth.strip().isdigit() or int(nth) < 1:
            raise ValueError(f"{ENV_VAR}={spec!r}: expected NAME or NAME:N with N a positive integer")
        return cls(name, int(nth))

    def reach(self, name: str) -> None:
        """Called at the moment `name`; kills this process when that is the armed pass."""
        if name != self.name:
            return
        self.passes += 1
        if self.passes == self.nth:
            os.kill(os.getpid(), signal.SIGKILL)
