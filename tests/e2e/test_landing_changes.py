"""Landing files that change under the pipeline, with the real flow on real files: deleted or rewritten
while a run reads them, removed between runs (kept, marked missing; withdrawn only on purpose with
prune_missing), and the duplicate that pointed at a withdrawn article."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from flows.definitions import resources_for
from flows.landing import LandingFile, LocalFolder
from flows.options import RunOptions
from tests.articles import COUNCIL, GARDEN, HARBOUR
from tests.e2e.test_flow import query, run

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]


@pytest.fixture
def folder(tmp_path) -> Path:
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "harbour.txt").write_text(HARBOUR)
    (landing / "garden.txt").write_text(GARDEN)
    (landing / "council.txt").write_text(COUNCIL)
    return landing


def files(wh: Path) -> dict[str, tuple]:
    rows = query(wh, "select path, status, reason, article_id, missing_since is not null from files")
    return {r[0]: r[1:] for r in rows}


def articles(wh: Path) -> dict[str, str]:
    return dict(query(wh, "select article_id, source_path from articles"))


def assert_references_hold(wh: Path) -> None:
    """Every files.article_id names an article; every published file is the source of its article."""
    assert query(wh, "select count(*) from files f left join articles a using (article_id) "
                     "where f.article_id is not null and a.article_id is null") == [(0,)]
    assert query(wh, "select count(*) from files f join articles a using (article_id) "
                     "where f.status = 'published' and a.source_path <> f.path") == [(0,)]


@dataclasses.dataclass(frozen=True)
class Meddling(LocalFolder):
    """The real landing folder, where another process deletes or rewrites `victim` just as the run reads it."""

    victim: str = ""
    action: str = "delete"

    def read(self, rel_path: str, max_bytes: int, expected: LandingFile | None = None) -> bytes:
        if rel_path == self.victim:
            path = Path(self.root) / rel_path
            if self.action == "delete":
                path.unlink()
            else:
                with open(path, "a") as fh:
                    fh.write("\nA paragraph the writer was still adding.\n")
        return super().read(rel_path, max_bytes, expected)


def meddled_run(landing: Path, wh: Path, victim: str, action: str):
    resources = dataclasses.replace(resources_for(RunOptions(landing=landing)),
                                    source=Meddling(landing, victim, action))
    return run(landing, wh, "thread", resources=resources)


@pytest.mark.parametrize("action", ["delete", "rewrite"])
def test_file_deleted_or_rewritten_while_read_is_recorded_and_read_again(folder, tmp_path, action):
    wh = tmp_path / "wh"
    original = (folder / "garden.txt").read_text()
    summary = meddled_run(folder, wh, "garden.txt", action)
    assert summary.statuses["published"] == 2, summary
    status, reason, aid, missing = files(wh)["garden.txt"]
    assert (status, aid, missing) == ("quarantined", None, False)
    expected = "gone before it could be read" if action == "delete" else "changed while the run read it"
    assert reason.startswith(expected) and reason.endswith("read again by the next run")
    assert len(articles(wh)) == 2  # nothing half-published
    (folder / "garden.txt").write_text(original if action == "delete" else original + "\nMore.\n")
    summary = run(folder, wh, "thread")
    assert summary.statuses["published"] == 1 and files(wh)["garden.txt"][0] == "published"
    assert len(articles(wh)) == 3
    assert_references_hold(wh)


def test_published_file_rewritten_while_read_keeps_its_article(folder, tmp_path):
    wh = tmp_path / "wh"
    run(folder, wh, "thread")
    before = articles(wh)
    (folder / "garden.txt").write_text(GARDEN.replace("forty families", "fifty families"))
    summary = meddled_run(folder, wh, "garden.txt", "rewrite")
    assert articles(wh) == before and files(wh)["garden.txt"][0] == "published"
    assert summary.statuses["unchanged"] == 3
    run(folder, wh, "thread")  # the writer is done: the new version replaces the old
    assert len(articles(wh)) == 3 and articles(wh) != before
    assert_references_hold(wh)


def test_file_removed_between_runs_keeps_its_rows_until_pruned(folder, tmp_path):
    wh = tmp_path / "wh"
    run(folder, wh, "thread")
    shutil.copy(folder / "council.txt", folder / "council-copy.txt")
    run(folder, wh, "thread")
    assert files(wh)["council-copy.txt"][0] == "duplicate"
    council_id = files(wh)["council.txt"][2]
    saved = (folder / "council.txt").read_bytes()
    (folder / "council.txt").unlink()
    summary = run(folder, wh, "thread")
    assert summary.gone == 1
    assert files(wh)["council.txt"] == ("published", None, council_id, True)
    assert council_id in articles(wh)  # an archive forgets nothing by accident
    since = query(wh, "select missing_since from files where path = 'council.txt'")
    from flows.run import run as run_once

    idle = run_once(RunOptions(landing=folder, warehouse=wh))  # nothing new: the date of going stays
    assert idle.gone == 0 and query(wh, "select missing_since from files where path = 'council.txt'") == since
    (folder / "council.txt").write_bytes(saved)
    run(folder, wh, "thread")
    assert files(wh)["council.txt"][3] is False
    (folder / "council.txt").unlink()
    summary = run(folder, wh, "thread", prune_missing=True)
    assert summary.pruned == 1 and "council.txt" not in files(wh)
    # the copy is the article now, not a duplicate of a withdrawn one
    assert files(wh)["council-copy.txt"] == ("published", None, council_id, False)
    assert articles(wh)[council_id] == "council-copy.txt"
    assert_references_hold(wh)


def test_duplicate_of_a_changed_file_does_not_point_at_the_withdrawn_article(folder, tmp_path):
    wh = tmp_path / "wh"
    (folder / "later").mkdir()
    shutil.copy(folder / "harbour.txt", folder / "later" / "harbour.txt")
    run(folder, wh, "thread")
    old_id = files(wh)["harbour.txt"][2]
    assert files(wh)["later/harbour.txt"][:3] == ("duplicate", "same bytes as harbour.txt", old_id)
    (folder / "harbour.txt").write_text(HARBOUR.replace("by 2027", "by 2029"))
    run(folder, wh, "thread")
    new_id = files(wh)["harbour.txt"][2]
    assert new_id != old_id and files(wh)["later/harbour.txt"][:3] == ("published", None, old_id)
    assert set(articles(wh)) >= {old_id, new_id}
    assert_references_hold(wh)


def test_a_pruned_first_article_hands_its_story_to_the_next_earliest_copy(folder, tmp_path):
    wh = tmp_path / "wh"
    # the same story republished under another headline a day later, and again two days later
    header, _, rest = HARBOUR.partition("\n")
    body = rest.partition("\n")[2]  # all but the headline

    def shifted(days: int, headline: str) -> str:
        day = header.split()[1]
        when = (date.fromisoformat(day) + timedelta(days=days)).isoformat()
        return f"{header.replace(day, when)}\n{headline}\n{body}"

    (folder / "harbour-copy.txt").write_text(shifted(1, "Harbour plan: the port's new berth approved"))
    (folder / "harbour-again.txt").write_text(shifted(2, "Port expansion gets the go-ahead"))
    run(folder, wh, "thread")
    stories = dict(query(wh, "select source_path, story_id from articles"))
    harbour_id = files(wh)["harbour.txt"][2]
    assert stories["harbour-copy.txt"] == stories["harbour-again.txt"] == stories["harbour.txt"] == harbour_id
    assert query(wh, f"select articles from stories where story_id = '{harbour_id}'") == [(3,)]
    (folder / "harbour.txt").unlink()
    run(folder, wh, "thread", prune_missing=True)
    stories = dict(query(wh, "select source_path, story_id from articles"))
    copy_id = files(wh)["harbour-copy.txt"][2]
    assert stories["harbour-copy.txt"] == stories["harbour-again.txt"] == copy_id
    assert harbour_id not in {a for (a,) in query(wh, "select article_id from story_index")}
    assert query(wh, "select count(*) from story_index") == query(wh, "select count(*) from articles")
