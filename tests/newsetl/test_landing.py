import os
from pathlib import Path

import pytest

from newsetl.landing import discover, read_file


def write(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_discovers_txt_files_recursively_in_path_order(tmp_path):
    write(tmp_path / "b.txt")
    write(tmp_path / "a" / "deep" / "c.txt")
    write(tmp_path / "notes.md")
    write(tmp_path / "a" / "image.jpg")
    assert [f.path for f in discover(tmp_path)] == ["a/deep/c.txt", "b.txt"]


def test_folder_named_txt_is_walked_not_read(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    write(tmp_path / "folder.txt" / "inner.txt")
    assert [f.path for f in discover(tmp_path)] == ["folder.txt/inner.txt"]


def test_links_out_of_the_landing_folder_are_recorded_not_followed(tmp_path):
    landing, outside = tmp_path / "landing", tmp_path / "outside"
    write(outside / "secret.txt", b"do not read")
    write(landing / "real.txt")
    os.symlink(outside / "secret.txt", landing / "link.txt")
    os.symlink(outside, landing / "linkdir")
    os.symlink(landing / "real.txt", landing / "inner_link.txt")
    os.symlink(landing / "missing.txt", landing / "dangling.txt")
    found = {f.path: f.problem for f in discover(landing)}
    assert found["link.txt"] == "link points outside the landing folder; not read"
    assert found["real.txt"] is None and found["inner_link.txt"] is None
    assert "cannot stat" in found["dangling.txt"]
    assert not any(p.startswith("linkdir/") for p in found)
    with pytest.raises(PermissionError):
        read_file(landing, "link.txt")


def test_link_cycles_terminate(tmp_path):
    write(tmp_path / "a" / "x.txt")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    assert [f.path for f in discover(tmp_path)] == ["a/x.txt"]


def test_fifo_and_oversized_files_are_flagged_without_reading(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "big.txt", b"a" * 2000)
    found = {f.path: f.problem for f in discover(tmp_path, max_bytes=1000)}
    assert found["pipe.txt"] == "not a regular file"
    assert found["big.txt"].startswith("file too large")
