"""`newsetl compare` on two warehouses built from the same 100 PolNeAR-dev articles (../shared, skipped when
absent), the second by a copy of newsetl whose rule tables lack the reporting verb `tell`: the counts of the
comparison are what the missing verb can change, and they agree with the rows listed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.e2e.test_compare import newsetl, rows, without_verb

CORPUS = SHARED / "corpora" / "polnear-dev" / "articles"
ARTICLES = 100
pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server"),
              pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is absent (../shared)")]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    root = tmp_path_factory.mktemp("corpus")
    landing = root / "landing"
    landing.mkdir()
    for path in sorted(CORPUS.glob("*.txt"))[:ARTICLES]:
        shutil.copy(path, landing / path.name)
    old, new = root / "old", root / "new"
    for wh, env in ((old, None), (new, {"PYTHONPATH": str(without_verb(root / "code", "tell"))})):
        done = newsetl("run", "--landing", str(landing), "--warehouse", str(wh), env=env)
        assert done.returncode == 0, done.stderr
    done = newsetl("compare", str(old), str(new), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), old


def test_the_counts_are_what_removing_tell_can_change(report: tuple[dict, Path]) -> None:
    found, old = report
    counts = {(r["what"], r["change"]): r["count"] for r in found["summary"]["rows"]}
    assert counts[("articles", "in both")] == ARTICLES
    assert all(n == 0 for (what, change), n in counts.items()
               if what in ("entities", "people", "corrections") or change in ("only in old", "only in new"))
    told = rows(old / "news.duckdb", "SELECT DISTINCT a.source_path, q.text FROM quotes AS q "
                                     "JOIN articles AS a USING (article_id) WHERE q.cue = 'tell'")
    changes = found["quote_changes"]["rows"]

    def around_told(c: dict) -> bool:  # a told statement's text, or one that holds it or lies inside it
        return any(c["source_path"] == path and (c["text"] in text or text in c["text"]) for path, text in told)

    # a statement is added only out of or around a told one: where the lost cue had ended a neighbour's
    # content (`says he'd sit Putin down ... and tells the crowd ...`: without `tell`, the second verb no
    # longer ends the first content) or had held a stance (`told reporters he believes X`: one statement,
    # nested_stances.py; without `tell`, `he believes X` is one of its own)
    added = [c for c in changes if c["change"] == "added"]
    assert len(added) < counts[("quotes", "removed")]
    assert all(around_told(c) for c in added), added
    # only articles that used the verb change, and mostly the statements it cued or their quotations (a
    # neighbour may follow: the `he` of `why he would do so` was resolved through the told-statement before it)
    assert changes and {c["source_path"] for c in changes} <= {path for path, _ in told}
    assert sum(around_told(c) for c in changes) >= 0.9 * len(changes)
    for change in ("added", "removed", "re-attributed", "re-typed", "corrected"):
        assert counts[("quotes", change)] == sum(c["change"] == change for c in changes)
    assert counts[("quotes", "removed")] > 0 and counts[("quotes", "re-attributed")] > 0
    per_article = found["quotes_by_article"]["rows"]
    assert sum(r["added"] + r["removed"] + r["reattributed"] + r["retyped"] for r in per_article) == len(changes)
