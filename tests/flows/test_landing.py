import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flows.landing import LocalFolder, discover, read_file
from flows.options import DEFAULTS

MAX = DEFAULTS.max_bytes


def write(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_discovers_txt_files_recursively_in_path_order(tmp_path):
    write(tmp_path / "b.txt")
    write(tmp_path / "a" / "deep" / "c.txt")
    write(tmp_path / "notes.md")
    write(tmp_path / "a" / "image.jpg")
    assert [f.path for f in discover(tmp_path, MAX)] == ["a/deep/c.txt", "b.txt"]


def test_folder_named_txt_is_walked_not_read(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    write(tmp_path / "folder.txt" / "inner.txt")
    assert [f.path for f in discover(tmp_path, MAX)] == ["folder.txt/inner.txt"]


def test_links_out_of_the_landing_folder_are_recorded_not_followed(tmp_path):
    landing, outside = tmp_path / "landing", tmp_path / "outside"
    write(outside / "secret.txt", b"do not read")
    write(landing / "real.txt")
    os.symlink(outside / "secret.txt", landing / "link.txt")
    os.symlink(outside, landing / "linkdir")
    os.symlink(landing / "real.txt", landing / "inner_link.txt")
    os.symlink(landing / "missing.txt", landing / "dangling.txt")
    found = {f.path: f.problem for f in discover(landing, MAX)}
    assert found["link.txt"] == "link points outside the landing folder; not read"
    assert found["real.txt"] is None and found["inner_link.txt"] is None
    assert "cannot stat" in found["dangling.txt"]
    assert not any(p.startswith("linkdir/") for p in found)
    with pytest.raises(PermissionError):
        read_file(landing, "link.txt", MAX)


def test_link_cycles_terminate(tmp_path):
    write(tmp_path / "a" / "x.txt")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    assert [f.path for f in discover(tmp_path, MAX)] == ["a/x.txt"]


def test_fifo_and_oversized_files_are_flagged_without_reading(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "big.txt", b"a" * 2000)
    found = {f.path: f.problem for f in discover(tmp_path, max_bytes=1000)}
    assert found["pipe.txt"] == "not a regular file"
    assert found["big.txt"].startswith("file too large")


def test_local_folder_is_a_landing_source_over_the_same_rules(tmp_path):
    write(tmp_path / "a.txt", b"hello")
    write(tmp_path / "big.txt", b"x" * 2001)
    source = LocalFolder(tmp_path)
    assert source.name == str(tmp_path.resolve())
    found = {f.path: f.problem for f in source.discover(2000)}
    assert found["a.txt"] is None and found["big.txt"].startswith("file too large")
    assert source.read("a.txt", 2000) == b"hello"
    with pytest.raises(ValueError, match="file too large"):
        source.read("big.txt", 2000)


def test_a_file_name_that_is_not_utf8_is_recorded_with_its_bytes_escaped_not_read(tmp_path):
    write(tmp_path / "good.txt")
    open(os.path.join(os.fsencode(tmp_path), b"bad\xffname.txt"), "wb").close()
    found = {f.path: f.problem for f in discover(tmp_path, MAX)}
    reason = "file name is not valid UTF-8; rename the file to publish it"
    assert found == {"bad\\xffname.txt": reason, "good.txt": None}
    assert all(path.encode("utf-8") for path in found)  # every recorded path can be stored


def discover_unprivileged(root: Path) -> list[tuple[str, str | None]]:
    """Discovery in a process without the power to read everything (when the tests run as root, permissions
    mean nothing to it: it runs with the capabilities that bypass them dropped), as (path, problem) pairs."""
    code = ("import json, sys; from flows.landing import discover; "
            "print(json.dumps([(f.path, f.problem) for f in discover(sys.argv[1], 10**6)]))")
    prefix = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv (util-linux) to drop the power to read every file")
        caps = "-dac_override,-dac_read_search"
        prefix = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]
    proc = subprocess.run([*prefix, sys.executable, "-c", code, str(root)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return [tuple(item) for item in json.loads(proc.stdout)]


def test_unreadable_files_and_unlistable_folders_are_recorded_not_skipped(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "ok.txt").write_text("fine")
    (landing / "secret.txt").write_text("no")
    (landing / "secret.txt").chmod(0o000)
    locked = landing / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("unseen")
    locked.chmod(0o000)
    try:
        found = dict(discover_unprivileged(landing))
        assert found["ok.txt"] is None
        assert found["secret.txt"] == "permission denied: the file cannot be read; read as soon as it can be"
        assert found["locked/"].startswith("folder cannot be listed (Permission denied); its files are not seen")
    finally:
        locked.chmod(0o755)
        (landing / "secret.txt").chmod(0o644)
    assert dict(discover_unprivileged(landing)) == {"ok.txt": None, "secret.txt": None, "locked/inside.txt": None}
