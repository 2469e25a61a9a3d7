"""Corrections that survive, end to end, on articles written for the test and real runs of the command line:
a speaker correction holds through a rerun, a changed file, `--reprocess`, and a `--reprocess` by a copy of
newsetl whose rule tables lack the cue `tell` (which re-attributes the quote in the pipeline's rows); a
merge of two people shows in the people view and the reports; an exclusion removes an article from every
report but not from `files`; a correction whose article changed is listed as orphaned in the run summary
and by `newsetl check`; a malformed line stops the run in one line naming file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_compare import newsetl, rows, without_verb

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]

BRIDGE = """ date 2024-04-02 LOCAL
Calder bridge to reopen in spring
Repairs to the Old Mill bridge are ahead of schedule.

Repairs to the Old Mill bridge in Calder are ahead of schedule, the city's transport office said on Tuesday.

"We will have traffic crossing the river again by May," said Helen Marsh, the city's mayor.

Tomas Berg, who chairs the council's transport committee, visited the site with the site manager, Erik Lund.

The market would lose "every stall it has", the chairman told reporters.
"""

FOOTPATH = """ date 2024-04-09 POLITICS
Council backs new river footpath

The city council on Monday approved a footpath along the river from the Old Mill bridge to the station.

"People asked for a safe way to walk to the station," said Helen Ward, the city's mayor.
"""

ADVERT = """ date 2024-04-10 LIFESTYLE
Sponsored: Holm Kitchens opens its spring showroom

Holm Kitchens invites readers to its new showroom on Quay Street.

"Our kitchens are built to last a lifetime," said Lena Holm, the company's founder.
"""

FERRY = """ date 2024-04-12 BUSINESS
Ferry fares to rise in June

Calder Ferries will raise fares by five per cent from June, the company said.

"Fuel costs have doubled in two years," said Piet Vos, the company's finance director.
"""

TOLD = "every stall it has"  # the pipeline's speaker: `the chairman` (who is Tomas Berg), cued by `tell`


def speaker_of(wh: Path, text: str) -> tuple:
    [row] = rows(wh / "news.duckdb", f"SELECT quote_id, speaker, pipeline_speaker, correction_id FROM quotes "
                                     f"WHERE text = '{text}'")
    return row


def ok(*args: str, env: dict[str, str] | None = None):
    done = newsetl(*args, env=env)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every step, in order, with what each left in the warehouse."""
    root = tmp_path_factory.mktemp("corrections")
    landing, wh = root / "landing", root / "wh"
    landing.mkdir()
    for name, text in (("bridge", BRIDGE), ("footpath", FOOTPATH), ("advert", ADVERT), ("ferry", FERRY)):
        (landing / f"{name}.txt").write_text(text, encoding="utf-8")
    run = ("run", "--landing", str(landing), "--warehouse", str(wh))
    at = {"first": ok(*run)}
    at["pipeline"] = speaker_of(wh, TOLD)
    told = at["pipeline"][0]
    [(advert,)] = rows(wh / "news.duckdb", "SELECT article_id FROM articles WHERE source_path = 'advert.txt'")
    [(ferry,)] = rows(wh / "news.duckdb", "SELECT quote_id FROM quotes WHERE speaker = 'Piet Vos'")
    w = ("--warehouse", str(wh))
    at["correct"] = [
        ok("correct", "speaker", told, "Tomas Berg", *w, "--why", "the chairman is Tomas Berg"),
        ok("correct", "merge", "Helen Marsh", "Helen Ward", *w, "--why", "the mayor took her husband's name"),
        ok("correct", "exclude", advert, *w, "--why", "sponsored content"),
        ok("correct", "speaker", ferry, "Anna Vos", *w, "--who", "bo", "--why", "to be orphaned"),
    ]
    at["corrected"] = speaker_of(wh, TOLD)
    at["rerun"] = ok(*run)
    at["after rerun"] = speaker_of(wh, TOLD)
    (landing / "ferry.txt").write_text(FERRY.replace("five per cent", "six per cent"), encoding="utf-8")
    at["changed"] = ok(*run)
    at["after change"] = speaker_of(wh, TOLD)
    at["check"] = newsetl("check", *w)
    at["reprocess"] = ok(*run, "--reprocess")
    at["after reprocess"] = speaker_of(wh, TOLD)
    code = without_verb(root / "code", "tell")
    at["rules"] = ok(*run, "--reprocess", env={"PYTHONPATH": str(code)})
    at["after rules"] = speaker_of(wh, TOLD)
    at["report"] = json.loads(ok("report", *w, "--format", "json", "--limit", "0").stdout)
    at["wh"], at["landing"], at["advert"] = wh, landing, advert
    return at


def test_a_speaker_correction_survives_rerun_reprocess_and_a_rule_change(story: dict) -> None:
    qid, pipeline, _, _ = story["pipeline"]
    assert pipeline == "the chairman"  # what the pipeline says with `tell` among its cues
    assert story["corrected"] == (qid, "Tomas Berg", "the chairman", "c1")
    for step in ("after rerun", "after change", "after reprocess"):
        assert story[step] == (qid, "Tomas Berg", "the chairman", "c1"), step
    # the rule tables without `tell`: the pipeline no longer attributes the quote; the correction holds
    assert story["after rules"] == (qid, "Tomas Berg", None, "c1")
    [(entity,)] = rows(story["wh"] / "news.duckdb", f"SELECT e.name FROM quotes q JOIN entities e ON "
                                                   f"e.entity_id = q.speaker_entity_id AND e.article_id = q.article_id "
                                                   f"WHERE q.quote_id = '{qid}'")
    assert entity == "Tomas Berg"


def test_a_merge_of_two_people_shows_in_the_people_view_and_the_reports(story: dict) -> None:
    db = story["wh"] / "news.duckdb"
    [(name, aliases, statements)] = rows(db, "SELECT name, aliases, direct_statements FROM people "
                                             "WHERE list_contains(aliases, 'Helen Ward')")
    assert {"Helen Marsh", "Helen Ward"} <= set(aliases) and statements == 2
    by_role = [r for r in story["report"]["people_by_role"]["rows"] if r["role"] == "mayor"]
    assert [(r["name"], r["statements"]) for r in by_role] == [(name, 2)]


def test_an_excluded_article_is_gone_from_every_report_but_not_from_files(story: dict) -> None:
    text = json.dumps(story["report"])
    for words in ("Holm Kitchens", "Lena Holm", "built to last", "Sponsored"):
        assert words not in text
    db = story["wh"] / "news.duckdb"
    assert rows(db, "SELECT status FROM files WHERE path = 'advert.txt'") == [("published",)]
    assert rows(db, f"SELECT count(*) FROM articles WHERE article_id = '{story['advert']}'") == [(0,)]
    assert rows(db, f"SELECT count(*) FROM pipeline_articles WHERE article_id = '{story['advert']}'") == [(1,)]


def test_a_correction_whose_article_changed_is_listed_as_orphaned(story: dict) -> None:
    assert "orphaned" not in story["rerun"].stdout
    out = " ".join(story["changed"].stdout.split())
    assert "correction orphaned corrections/corrections.csv:5: c4 (speaker" in out
    assert story["check"].returncode == 1 and "correction orphaned: corrections/corrections.csv:5: c4" in \
        story["check"].stdout
    assert rows(story["wh"] / "news.duckdb", "SELECT correction_id, status FROM corrections ORDER BY line") == [
        ("c1", "applied"), ("c2", "applied"), ("c3", "applied"), ("c4", "orphaned")]


def test_a_malformed_line_stops_the_run_in_one_line_naming_file_and_line(story: dict) -> None:
    wh = story["wh"]
    path = wh / "corrections" / "corrections.csv"
    before = rows(wh / "news.duckdb", "SELECT count(*) FROM runs")
    good = path.read_text(encoding="utf-8")
    try:
        path.write_text(good + "c5,speaker,not-an-id,Someone,ana,2024-05-01,typo\n", encoding="utf-8")
        done = newsetl("run", "--landing", str(story["landing"]), "--warehouse", str(wh))
        assert done.returncode == 1
        assert done.stderr.strip() == (f"newsetl: corrections: {path}:6: target 'not-an-id' must be a quote_id "
                                       "(32 hex digits) in a correction of kind speaker")
        assert rows(wh / "news.duckdb", "SELECT count(*) FROM runs") == before  # nothing written
    finally:
        path.write_text(good, encoding="utf-8")
