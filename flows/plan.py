"""Planning a run: which discovered files to read, which to quarantine unread, which are unchanged,
and how the files to read are cut into task batches. Plain data in, plain data out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from flows.landing import LandingFile
from warehouse.store import KnownFile


@dataclass
class Plan:
    """to_read: files to process; unread: (file, reason) quarantined without reading; unchanged:
    files recorded with the same size and modification time, not read again."""

    to_read: list[LandingFile] = field(default_factory=list)
    unread: list[LandingFile] = field(default_factory=list)
    unchanged: int = 0

    @property
    def nothing_to_do(self) -> bool:
        return not self.to_read and not self.unread


def plan(files: list[LandingFile], known: Mapping[str, KnownFile]) -> Plan:
    """Split discovered files into those to read, those quarantined unread (their `problem` says
    why), and a count of those unchanged since the last run."""
    p = Plan()
    for f in files:
        if f.unchanged(known.get(f.path)):
            p.unchanged += 1
        elif f.problem:
            p.unread.append(f)
        else:
            p.to_read.append(f)
    return p


def task_batches(files: list[LandingFile], batch_size: int) -> list[list[LandingFile]]:
    """Files cut into task batches of `batch_size`, the last ones smaller and smaller (a quarter of
    what remains, at least 2 files) so that the workers run out of work at about the same time
    instead of one finishing a whole batch while the others wait."""
    chunks, i = [], 0
    while i < len(files):
        size = min(batch_size, max(2, -(-(len(files) - i) // 4)))
        chunks.append(files[i : i + size])
        i += size
    return chunks
