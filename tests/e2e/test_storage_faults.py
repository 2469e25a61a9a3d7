"""Storage faults an operator meets, through the real command line on real files: a manifest damaged
(a run recovers it and says so, or stops in one line naming the repair), and a disk that fills up
mid-commit (one line, the published state unchanged, nothing half-written left, and the next run with
space converges). The disk is a real small tmpfs, mounted when the machine allows it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.articles import COUNCIL, GARDEN, HARBOUR
from tests.e2e.test_crash import NEWSETL, finish, run, snapshot

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]


def write_landing(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"harbour-{i}.txt").write_text(HARBOUR.replace("by 2027", f"by {2030 + i}"))
    (folder / "garden.txt").write_text(GARDEN)
    (folder / "council.txt").write_text(COUNCIL)
    return folder


def newsetl(*args: str) -> tuple[int, str, str]:
    proc = subprocess.run([str(NEWSETL), *args], capture_output=True, text=True, timeout=600)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A landing folder and a warehouse built from it by the real command line (copied by each test)."""
    base = tmp_path_factory.mktemp("faults")
    landing = write_landing(base / "landing", 2)
    code, out = finish(run(landing, base / "wh"))
    assert code == 0, out
    return landing, base / "wh"


def test_truncated_manifest_is_recovered_by_the_next_run(built, tmp_path):
    landing, reference = built
    wh = tmp_path / "wh"
    shutil.copytree(reference, wh)
    manifest = wh / "_state" / "manifest.json"
    manifest.write_text(manifest.read_text()[:40])  # what a full disk can leave
    (landing / "late.txt").write_text(HARBOUR.replace("by 2027", "by 2040"))
    try:
        code, out = finish(run(landing, wh))
    finally:
        (landing / "late.txt").unlink()
    assert code == 0, out
    (notice,) = [line for line in out.splitlines() if line.startswith("recovery: ")]
    assert notice.startswith(f"recovery: {manifest.resolve()} is not valid JSON (")
    newest = max((reference / "_state" / "manifests").glob("*.json"))  # the last published state
    assert notice.endswith(f"restored the published state of commit {int(newest.stem)} from "
                           f"{manifest.parent.resolve()}/manifests/{newest.name}")
    assert len(snapshot(wh)["articles"]) == len(snapshot(reference)["articles"]) + 1
    assert newsetl("check", "--warehouse", str(wh))[0] == 0


def test_unrecoverable_manifest_stops_in_one_line_and_check_names_it(built, tmp_path):
    landing, reference = built
    wh = tmp_path / "wh"
    shutil.copytree(reference, wh)
    state = wh / "_state"
    for path in [state / "manifest.json", *(state / "manifests").glob("*.json")]:
        path.write_text('{"commits": ')
    code, out = finish(run(landing, wh))
    assert code == 1
    assert out.strip().splitlines() == [
        f"newsetl: {(state / 'manifest.json').resolve()} is not valid JSON (Expecting value), and so is its newest "
        f"copy ({max((state / 'manifests').glob('*.json')).resolve()} is not valid JSON (Expecting value)); "
        f"run `newsetl check --warehouse {wh.resolve()} --repair`"]
    code, stdout, stderr = newsetl("check", "--warehouse", str(wh), "--repair")
    assert code == 1 and "no copy of it names versions the Delta logs hold" in stdout, stdout + stderr
    assert stderr.strip() == f"newsetl: warehouse {wh}: 1 problem(s)"
    assert snapshot(wh) == snapshot(reference)  # readers keep the views they had


@pytest.fixture
def small_disk(tmp_path):
    """A 24 MB tmpfs, or a skip saying why the machine does not allow one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill up here: {(proc.stderr or proc.stdout).strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(mount: Path) -> Path:
    filler = mount / "filler"
    free = shutil.disk_usage(mount).free
    with open(filler, "wb") as fh:
        fh.truncate(0)
    subprocess.run(["fallocate", "-l", str(max(0, free - 4096)), str(filler)], check=True)
    return filler


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_full_disk_mid_commit_changes_nothing_and_the_next_run_converges(small_disk, tmp_path):
    landing = write_landing(tmp_path / "landing", 1)
    wh = small_disk / "wh"
    code, out = finish(run(landing, wh))
    assert code == 0, out
    before, before_files = snapshot(wh), files_under(wh)
    write_landing(landing, 4)  # three more articles, and a disk with no room for them
    filler = fill(small_disk)
    code, out = finish(run(landing, wh))
    assert code == 1, out
    last = out.strip().splitlines()[-1]
    assert last.startswith("newsetl: no space left on device writing "), out
    assert last.endswith("; the published state is unchanged"), out
    assert snapshot(wh) == before
    assert files_under(wh) - before_files <= {"_state/run.lock"}, "half-written files left behind"
    filler.unlink()
    code, out = finish(run(landing, wh))
    assert code == 0, out
    clean = tmp_path / "clean"
    assert finish(run(landing, clean))[0] == 0
    assert snapshot(wh) == snapshot(clean)
    assert newsetl("check", "--warehouse", str(wh))[0] == 0
