"""`newsetl compare` on two warehouses built by the real command line from the same files, the second by
a copy of newsetl whose rule tables lack the reporting verb `tell` (as an upgrade that edits the rules
would): what compare reports is exactly what the missing verb changed, and each run's provenance says
which rules built it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.articles import GARDEN, HARBOUR
from tests.conftest import ROOT, SEED

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]

NEWSETL = Path(sys.executable).parent / "newsetl"
PACKAGES = ("flows", "transforms", "warehouse", "expectations", "newsetl", "instrumentation")
REMOVED_VERB = "tell"


def newsetl(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(NEWSETL), *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "200", **(env or {})})


def without_verb(code: Path, verb: str) -> Path:
    """A copy of newsetl's packages whose word lists and rule tables no longer hold `verb`."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, code / package, ignore=shutil.ignore_patterns("__pycache__"))
    for table in (code / "transforms" / "lexicon").iterdir():
        if table.suffix in (".txt", ".tsv"):
            lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
            table.write_text("".join(ln for ln in lines if ln.split("\t")[0].split("#")[0].strip() != verb),
                             encoding="utf-8")
    return code


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("compare")
    landing = root / "landing"
    landing.mkdir()
    shutil.copy(SEED, landing / SEED.name)
    (landing / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (landing / "garden.txt").write_text(GARDEN, encoding="utf-8")
    old, new = root / "old", root / "new"
    done = newsetl("run", "--landing", str(landing), "--warehouse", str(old))
    assert done.returncode == 0, done.stderr
    code = without_verb(root / "code", REMOVED_VERB)
    done = newsetl("run", "--landing", str(landing), "--warehouse", str(new), env={"PYTHONPATH": str(code)})
    assert done.returncode == 0, done.stderr
    return old, new


def test_compare_reports_exactly_what_the_removed_verb_changed(pair: tuple[Path, Path]) -> None:
    old, new = pair
    done = newsetl("compare", str(old), str(new), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    counts = {(r["what"], r["change"]): r["count"] for r in report["summary"]["rows"]}
    assert counts[("articles", "in both")] == 3
    assert counts[("articles", "only in old")] == counts[("articles", "only in new")] == 0
    # the entities do not depend on reporting verbs
    assert all(n == 0 for (what, _), n in counts.items() if what == "entities")
    # the quotes the verb cued lost their attribution, and nothing else changed
    told = rows(old / "news.duckdb", f"SELECT text FROM quotes WHERE cue = '{REMOVED_VERB}'")
    assert len(told) >= 3  # Peskov told Russian media / reporters; Miller told reporters
    changes = report["quote_changes"]["rows"]
    assert changes and {c["text"] for c in changes} <= {t for (t,) in told}
    assert counts[("quotes", "added")] == 0
    assert counts[("quotes", "removed")] + counts[("quotes", "re-attributed")] + counts[("quotes", "re-typed")] == len(
        changes)
    left = rows(new / "news.duckdb", f"SELECT count(*) FROM quotes WHERE cue = '{REMOVED_VERB}'")
    assert left == [(0,)]
    # the terminal form says the same, and exits 0 although the warehouses differ
    table = newsetl("compare", str(old), str(new))
    assert table.returncode == 0 and "What would change" in table.stdout and "re-attributed" in table.stdout


def test_each_warehouse_records_the_rules_that_built_it(pair: tuple[Path, Path]) -> None:
    old, new = pair
    sql = "SELECT DISTINCT newsetl_version, spacy_model, spacy_model_version, rules_digest FROM runs"
    [(old_version, old_model, old_model_version, old_rules)] = rows(old / "news.duckdb", sql)
    [(new_version, new_model, new_model_version, new_rules)] = rows(new / "news.duckdb", sql)
    assert (old_version, old_model, old_model_version) == (new_version, new_model, new_model_version)
    assert old_model_version and old_model
    assert old_rules != new_rules and len(old_rules) == len(new_rules) == 64
    # any quote joins, through its article, to the code and data that produced it
    joined = rows(old / "news.duckdb", "SELECT count(*), count(r.rules_digest) FROM quotes "
                  "JOIN articles AS a USING (article_id) JOIN runs AS r ON r.run_id = a.run_id")
    assert joined[0][0] > 0 and joined[0][0] == joined[0][1]


def test_compare_writes_its_page(pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = pair
    page = tmp_path / "compare.html"
    done = newsetl("compare", str(old / "news.duckdb"), str(new), "--html", str(page), "--limit", "3")
    assert done.returncode == 0, done.stderr
    html = page.read_text(encoding="utf-8")
    assert 'id="quote_changes"' in html and 'id="entity_changes"' in html and "re-attributed" in html
