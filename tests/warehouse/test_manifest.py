"""The manifest and its history: damaged manifests are named, and a run restores the last published state
from the newest copy, or stops in one line naming the file and the repair."""

from __future__ import annotations

import json

import pytest

from tests.warehouse.test_store import batch, rows
from warehouse import manifest as mf
from warehouse.store import Warehouse, WarehouseDamaged


@pytest.mark.parametrize(("text", "fault"), [
    ('{"commits": 3, "versions": {"articles": 2', "is not valid JSON"),
    ("", "is not valid JSON"),
    ("[]", "has no 'versions' object"),
    ('{"commits": 1}', "has no 'versions' object"),
    ('{"commits": 1, "versions": {"articles": -1}}', "not a count"),
    ('{"commits": "x", "versions": {}}', "not a count"),
    ('{"commits": 1, "versions": {"articles": 1.5}}', "not a count"),
])
def test_damaged_manifests_are_named_with_their_fault(tmp_path, text, fault):
    path = tmp_path / "manifest.json"
    path.write_text(text)
    with pytest.raises(mf.ManifestUnreadable, match=fault) as info:
        mf.read(path)
    assert str(path) in str(info.value)


def test_binary_garbage_is_unreadable_not_a_crash(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(mf.ManifestUnreadable):
        mf.read(path)


def test_history_keeps_every_published_manifest_up_to_its_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(mf, "HISTORY_KEEP", 3)
    path = tmp_path / "manifest.json"
    for n in range(1, 6):
        mf.write(path, mf.Manifest(n, {"articles": n}))
    assert [p.name for p in mf.history(path)] == ["00000005.json", "00000004.json", "00000003.json"]
    assert mf.read(path) == mf.Manifest(5, {"articles": 5})
    assert not list(tmp_path.rglob(".*.tmp"))


def published_warehouse(root):
    with Warehouse.open(root) as wh:
        wh.commit(batch("a"))
        wh.commit(batch("b"))
    return root / "_state" / "manifest.json"


@pytest.mark.parametrize("damage", ["truncate", "delete", "zero"])
def test_run_restores_the_last_published_state_and_says_so(tmp_path, damage):
    manifest = published_warehouse(tmp_path)
    if damage == "truncate":
        manifest.write_text(manifest.read_text()[:20])
    elif damage == "delete":
        manifest.unlink()
    else:
        manifest.write_bytes(b"\x00" * 64)  # what a crash on some file systems leaves
    with Warehouse.open(tmp_path) as wh:
        (notice,) = wh.notices
        copy = manifest.parent / "manifests" / "00000002.json"
        assert notice.endswith(f"restored the published state of commit 2 from {copy}")
        assert wh.published_articles() == {"a": "a.txt", "b": "b.txt"}
        wh.commit(batch("c"))
    assert json.loads(manifest.read_text())["commits"] == 3
    assert rows(tmp_path, "select article_id from articles order by 1") == [("a",), ("b",), ("c",)]


def test_run_stops_in_one_line_when_the_newest_copy_is_damaged_too(tmp_path):
    manifest = published_warehouse(tmp_path)
    manifest.write_text("{")
    (manifest.parent / "manifests" / "00000002.json").write_text("{")
    with pytest.raises(WarehouseDamaged) as info, Warehouse.open(tmp_path):
        pass
    message = str(info.value)
    assert "\n" not in message and str(manifest) in message
    assert message.endswith(f"run `newsetl check --warehouse {tmp_path} --repair`")
    assert rows(tmp_path, "select count(*) from articles") == [(2,)]  # readers are untouched
