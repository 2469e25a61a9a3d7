"""Planning a run: which discovered files to read, which to quarantine unread, which are unchanged,
and how the files to read are cut into task batches. Plain data in, plain data out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from flows.landing import LandingFile
from warehouse.schema import DUPLICATE, PUBLISHED
from warehouse.store import KnownFile


@dataclass
class Plan:
    """to_read: files to process (duplicates whose article a changed file may withdraw come last, so
    that they are decided after it); unread: files quarantined without reading (their `problem` says
    why); unchanged: files recorded with the same size and modification time, not read again; gone:
    recorded paths no longer in the landing folder, newly noticed (their rows stay, marked missing);
    returned: paths marked missing that are back unchanged; pruned: missing paths whose rows go
    (`prune_missing`)."""

    to_read: list[LandingFile] = field(default_factory=list)
    unread: list[LandingFile] = field(default_factory=list)
    unchanged: int = 0
    gone: list[str] = field(default_factory=list)
    returned: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)

    @property
    def nothing_to_do(self) -> bool:
        return not (self.to_read or self.unread or self.gone or self.returned or self.pruned)


def plan(files: list[LandingFile], known: Mapping[str, KnownFile], prune_missing: bool = False) -> Plan:
    """Split discovered files into those to read, those quarantined unread, and a count of those
    unchanged since the last run; and find the recorded paths gone from the folder (or back).

    A file recorded unread (no hash: a problem found at discovery, or gone or changed mid-run) is read
    again as soon as discovery finds nothing wrong with it: the cause was fixed."""
    p = Plan()
    found = {f.path: f for f in files}
    for f in files:
        k = known.get(f.path)
        if f.unchanged(k) and not (k.sha256 == "" and f.problem is None):
            p.unchanged += 1
            if k.missing_since is not None:
                p.returned.append(f.path)
        elif f.problem:
            p.unread.append(f)
        else:
            p.to_read.append(f)
    for path, k in known.items():
        if path not in found:
            if prune_missing or path.endswith("/"):  # a folder recorded as unlistable is listable (or gone) now
                p.pruned.append(path)
            elif k.missing_since is None:
                p.gone.append(path)
    withdrawn = {known[f.path].article_id for f in p.to_read if f.path in known and known[f.path].status == PUBLISHED}
    withdrawn |= {known[path].article_id for path in p.pruned if known[path].status == PUBLISHED}
    # a duplicate of an article no published file holds any more (withdrawn while the copy was away
    # from the folder) is as stale as one whose article this run withdraws
    published = {k.article_id for k in known.values() if k.status == PUBLISHED} - withdrawn
    reading = {f.path for f in p.to_read}
    for path, k in known.items():
        if (k.status == DUPLICATE and k.article_id not in published and path in found and path not in reading
                and found[path].problem is None):
            p.to_read.append(found[path])  # its article may go: decided again, after the file it copies
            p.unchanged -= 1
            if path in p.returned:
                p.returned.remove(path)
    return p


TAIL_FRACTION = 8  # the smallest tail batch is this fraction of a batch (see task_batches)


def task_batches(files: list[LandingFile], batch_size: int) -> list[list[LandingFile]]:
    """Files cut into task batches of `batch_size`, the last ones smaller and smaller (a quarter of
    what remains) so that the workers run out of work at about the same time instead of one finishing
    a whole batch while the others wait. The shrinking stops at an eighth of a batch (at least 2 files):
    every task has a fixed cost (its Prefect task run's API round trips, the batch and its rows passed
    between processes) of about a quarter second of a worker's time, as much as a few short articles
    take, so a tail of one- and two-file tasks cost more than the balance it bought. A rest that would
    be under that size shares the last stretch evenly with the batch before it (17 files: 9 and 8,
    not 16 and 1)."""
    smallest = max(2, batch_size // TAIL_FRACTION)
    chunks, i = [], 0
    while i < len(files):
        rest = len(files) - i
        size = min(batch_size, max(smallest, -(-rest // 4)))
        if 0 < rest - size < smallest:
            size = min(batch_size, -(-rest // 2))
        chunks.append(files[i : i + size])
        i += size
    return chunks
