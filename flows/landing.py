"""The landing folder: finding raw article files in it and reading them, never outside it.

A run reads its articles through a LandingSource, so that another kind of landing place (object
storage, as the README's scale-out section plans) is one new class, not a change to the flow.
LocalFolder is the one there is now. Sources are sent to worker processes with each task, so they
hold only plain, picklable data."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from warehouse.store import KnownFile

PATTERN_SUFFIX = ".txt"


class ChangedWhileRead(OSError):
    """The file's size or modification time moved between discovery and the end of reading it: its bytes
    may be half old, half new. Not published; read again by the next run."""


@dataclass(frozen=True)
class LandingFile:
    path: str  # relative to the landing folder, POSIX separators
    size: int
    mtime_ns: int
    problem: str | None = None  # set when the file must be quarantined without being read

    def unchanged(self, known: KnownFile | None) -> bool:
        """True when the warehouse recorded this path with the same size and modification time:
        such a file is not read again."""
        return known is not None and known.size_bytes == self.size and known.mtime_ns == self.mtime_ns


class LandingSource(Protocol):
    """Where a run's raw files come from."""

    @property
    def name(self) -> str:
        """How runs record the source (the `landing` column of `runs`)."""
        ...

    def discover(self, max_bytes: int) -> list[LandingFile]:
        """Every article file, sorted by path; files that must not be read carry a `problem`."""
        ...

    def read(self, rel_path: str, max_bytes: int, expected: LandingFile | None = None) -> bytes:
        """The bytes of one file. PermissionError or ValueError when it cannot be read for a reason that
        retrying will not change; FileNotFoundError when it went away, ChangedWhileRead when it changed
        since `expected` (its discovery) or while being read; any other OSError may be retried."""
        ...


@dataclass(frozen=True)
class LocalFolder:
    """A folder on a local or mounted file system."""

    root: Path

    @property
    def name(self) -> str:
        return str(Path(self.root).resolve())

    def discover(self, max_bytes: int) -> list[LandingFile]:
        return discover(self.root, max_bytes)

    def read(self, rel_path: str, max_bytes: int, expected: LandingFile | None = None) -> bytes:
        return read_file(self.root, rel_path, max_bytes, expected)


def discover(root: Path, max_bytes: int) -> list[LandingFile]:
    """Every `*.txt` file under root, recursively, sorted by path. Links are followed only while
    they stay inside root; a file link that leaves it, dangles or is not a regular file is
    returned with `problem` set, so that it is recorded rather than silently skipped; so is a file
    over `max_bytes` or one this process may not read, and a folder that cannot be listed (as
    `FOLDER/`). A problem that goes away (permissions fixed) makes the next run read the file."""
    root = Path(root)
    real_root = root.resolve(strict=True)
    if not real_root.is_dir():
        raise NotADirectoryError(f"landing folder {root} is not a folder")
    found: list[LandingFile] = []
    seen_dirs: set[str] = set()

    def unlistable(exc: OSError) -> None:  # a folder that cannot be listed is recorded, never skipped silently
        if exc.filename and os.path.realpath(exc.filename) != str(real_root):
            rel = Path(exc.filename).relative_to(root).as_posix() + "/"
            found.append(LandingFile(rel, 0, 0, f"folder cannot be listed ({exc.strerror or exc}); its files are "
                                                "not seen until it can be"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=unlistable):
        real_dir = os.path.realpath(dirpath)
        if not _inside(real_dir, real_root) or real_dir in seen_dirs:
            dirnames[:] = []  # a link out of the landing folder, or a cycle
            continue
        seen_dirs.add(real_dir)
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(PATTERN_SUFFIX):
                found.append(_examine(Path(dirpath) / name, root, real_root, max_bytes))
    return sorted(found, key=lambda f: f.path)


def _examine(path: Path, root: Path, real_root: Path, max_bytes: int) -> LandingFile:
    rel = path.relative_to(root).as_posix()
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:  # bytes the file system keeps but no table can: recorded, not read
        shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return LandingFile(shown, 0, 0, "file name is not valid UTF-8; rename the file to publish it")
    real = Path(os.path.realpath(path))
    if not _inside(str(real), real_root):
        return LandingFile(rel, 0, 0, "link points outside the landing folder; not read")
    try:
        st = os.stat(path)
    except OSError as exc:
        return LandingFile(rel, 0, 0, f"cannot stat: {exc.strerror or exc}")
    if not stat.S_ISREG(st.st_mode):
        return LandingFile(rel, 0, st.st_mtime_ns, "not a regular file")
    if not os.access(path, os.R_OK):
        return LandingFile(rel, st.st_size, st.st_mtime_ns, "permission denied: the file cannot be read; "
                                                            "read as soon as it can be")
    if st.st_size > max_bytes:
        return LandingFile(
            rel, st.st_size, st.st_mtime_ns,
            f"file too large: {st.st_size:,} bytes, over the limit of {max_bytes:,} bytes",
        )
    return LandingFile(rel, st.st_size, st.st_mtime_ns)


def _inside(real_path: str, real_root: Path) -> bool:
    return real_path == str(real_root) or real_path.startswith(str(real_root) + os.sep)


def read_file(root: Path, rel_path: str, max_bytes: int, expected: LandingFile | None = None) -> bytes:
    """The bytes of a landing file, refusing anything that resolves outside root or grew too large.
    ChangedWhileRead when its size or modification time differ from `expected` (what discovery saw)
    or moved during the read: a file being written is never taken half-written."""
    real_root = Path(root).resolve(strict=True)
    real = Path(os.path.realpath(Path(root) / rel_path))
    if not _inside(str(real), real_root):
        raise PermissionError(f"{rel_path}: resolves outside the landing folder")
    with open(real, "rb") as fh:
        before = os.fstat(fh.fileno())
        data = fh.read(max_bytes + 1)
        after = os.fstat(fh.fileno())
    if len(data) > max_bytes:
        raise ValueError(f"{rel_path}: file too large (over the limit of {max_bytes:,} bytes)")
    seen = [(before.st_size, before.st_mtime_ns), (after.st_size, after.st_mtime_ns)]
    if expected is not None:
        seen.insert(0, (expected.size, expected.mtime_ns))
    if len(set(seen)) > 1 or len(data) != after.st_size:
        raise ChangedWhileRead(f"{rel_path}: changed while the run read it ({len(data):,} bytes read, "
                               f"{after.st_size:,} bytes now)")
    return data
