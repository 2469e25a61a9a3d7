"""The manifest: which version of each Delta table is published, and the history that lets a damaged
one be recovered.

`_state/manifest.json` names the published versions; readers and views see only those. Each
manifest is first written to `_state/manifests/NNNNNNNN.json` (its commit number), then to
manifest.json, both atomically (temporary file, fsync, rename). So when manifest.json is lost or
unreadable (a full disk, a bad copy, a hand edit), the newest history entry is the last state that
was published or about to be, with every table version it names complete in the Delta logs: the
warehouse can return to it without losing a published row. The history keeps the last
HISTORY_KEEP manifests."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from deltalake import DeltaTable

HISTORY = "manifests"  # inside the state folder
HISTORY_KEEP = 50


class ManifestUnreadable(ValueError):
    """A manifest file exists but does not hold a manifest; the message says which file and why."""


@dataclass(frozen=True)
class Manifest:
    """commits: the number of the last commit; versions: table name -> published Delta version."""

    commits: int = 0
    versions: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"commits": self.commits, "versions": self.versions}, indent=2)


def parse(text: str, where: Path) -> Manifest:
    """The manifest in `text` (read from `where`); ManifestUnreadable naming the file and the fault."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ManifestUnreadable(f"{where} is not valid JSON ({_short(exc)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("versions"), dict):
        raise ManifestUnreadable(f"{where} has no 'versions' object")
    versions, commits = data["versions"], data.get("commits", 0)
    good = all(isinstance(k, str) and type(v) is int and v >= 0 for k, v in versions.items())
    if not good or type(commits) is not int or commits < 0:
        raise ManifestUnreadable(f"{where} holds a version or commit number that is not a count")
    return Manifest(commits, dict(versions))


def read(path: Path) -> Manifest | None:
    """The manifest at `path`, None when there is none; ManifestUnreadable when it is damaged."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    return parse(raw.decode("utf-8", errors="strict") if _is_utf8(raw) else "\ufffd", path)


def write(path: Path, manifest: Manifest) -> None:
    """Record `manifest` in the history, then make it the manifest at `path`; old history entries
    beyond HISTORY_KEEP go. A failure (a full disk) leaves no partial file behind and the previous
    manifest in place."""
    folder = history_dir(path)
    folder.mkdir(exist_ok=True)
    _atomic_write(folder / f"{manifest.commits:08d}.json", manifest.to_json())
    _atomic_write(path, manifest.to_json())
    for old in history(path)[HISTORY_KEEP:]:
        old.unlink(missing_ok=True)


def history_dir(path: Path) -> Path:
    return Path(path).parent / HISTORY


def history(path: Path) -> list[Path]:
    """The history entries of the manifest at `path`, newest first."""
    folder = history_dir(path)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob("*.json") if p.stem.isdigit()), key=lambda p: int(p.stem), reverse=True)


def newest_in_history(path: Path) -> tuple[Path, Manifest] | None:
    """The newest history entry and its manifest, None when there is no history. ManifestUnreadable
    when the newest entry is damaged too: an older one may miss later commits, so it proves nothing."""
    entries = history(path)
    if not entries:
        return None
    found = read(entries[0])
    return (entries[0], found) if found is not None else None


def readable_history(path: Path) -> list[tuple[Path, Manifest]]:
    """Every history entry that reads, newest first (for a repair that must choose one)."""
    good = []
    for entry in history(path):
        try:
            found = read(entry)
        except ManifestUnreadable:
            continue
        if found is not None:
            good.append((entry, found))
    return good


def missing_versions(tables_dir: Path, versions: Mapping[str, int]) -> list[str]:
    """'TABLE version V, absent from its Delta log' for each version in `versions` that the Delta
    tables under `tables_dir` lack."""
    missing = []
    for name, version in sorted(versions.items()):
        try:
            DeltaTable(str(Path(tables_dir) / name), version=version)
        except Exception:  # deltalake raises its own errors (TableNotFoundError, DeltaError) for both
            missing.append(f"{name} version {version}, absent from its Delta log")
    return missing


def restore_newest(path: Path, tables_dir: Path, fault: str) -> tuple[Path, Manifest]:
    """Make the newest history entry the manifest at `path` again, when it reads and the Delta tables under
    `tables_dir` hold every version it names; returns (entry, manifest). Otherwise ManifestUnreadable,
    whose message starts with `fault` (what is wrong with the manifest) and says why it cannot be."""
    try:
        newest = newest_in_history(path)
    except ManifestUnreadable as exc:
        raise ManifestUnreadable(f"{fault}, and so is its newest copy ({exc})") from None
    if newest is None:
        raise ManifestUnreadable(f"{fault} and there is no earlier copy to recover it from")
    entry, found = newest
    if missing := missing_versions(tables_dir, found.versions):
        raise ManifestUnreadable(f"{fault}; its newest copy {entry.name} names {missing[0]}")
    write(path, found)
    return entry, found


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "w") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _short(exc: Exception) -> str:
    return str(exc).split(":")[0] if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
