"""What a run checks before it writes anything: its arguments name a landing folder, a model, a reachable
Dask scheduler and a warehouse it can write. The CLI's run and a deployment's flow run both call it, so a
typo or an unreachable resource fails in one line and leaves no warehouse, lock or database behind."""

from __future__ import annotations

import re
import socket

from flows.options import RunOptions
from flows.resources import Resources, SpacyModel
from warehouse.corrections import CorrectionError
from warehouse.corrections import load as load_corrections
from warehouse.layout import write_problem

_ADDRESS = re.compile(r"(?P<scheme>[a-z][a-z0-9+]*)://(?P<host>[^\s:/]+):(?P<port>\d{1,5})")
SCHEDULER_TIMEOUT = 5.0  # seconds to wait for a Dask scheduler to accept a connection


def problem(options: RunOptions, resources: Resources | None = None) -> str | None:
    """The first reason the run cannot start, as one line naming the value and what to do; None when
    it can. Checks, cheapest first: the landing folder, the model (found, not loaded), the Dask scheduler
    (a connection, when an address is given), the warehouse folder (a probe file), its corrections files."""
    if not options.landing.is_dir():
        return f"landing folder {options.landing} does not exist or is not a folder"
    model = resources.model if resources is not None else SpacyModel(options.model)
    if reason := model.missing():
        return f"{reason} (--model names an installed spaCy model package or a model folder)"
    if options.dask_address and (reason := scheduler_problem(options.dask_address)):
        return reason  # (RunOptions allows an address with the dask runner only)
    if reason := write_problem(options.warehouse):
        return reason
    try:  # a malformed correction stops the run before it publishes anything, naming file and line
        load_corrections(options.warehouse)
    except CorrectionError as exc:
        return f"corrections: {exc}"
    return None


def scheduler_problem(address: str, timeout: float = SCHEDULER_TIMEOUT) -> str | None:
    """None when something accepts connections at the Dask scheduler `address` (scheme://HOST:PORT),
    else why not, naming the address and what to do. A TCP connection is the check: it needs neither
    Dask's client nor a handshake, and a wrong host or port is what it catches."""
    match = _ADDRESS.fullmatch(address)
    if match is None:
        return f"dask_address {address!r} is not a scheduler address like tcp://HOST:PORT"
    if match["scheme"] not in ("tcp", "tls"):
        return None  # other transports (ucx, inproc) are not plain TCP: Dask checks them itself
    try:
        with socket.create_connection((match["host"], int(match["port"])), timeout=timeout):
            return None
    except OSError as exc:
        reason = "no answer" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        return (f"cannot reach the Dask scheduler at {address}: {reason}; "
                "start it (`dask scheduler`) or correct dask_address")
