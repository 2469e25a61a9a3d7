"""The real flow, on real files, against a real Prefect server and a real warehouse on disk."""

from __future__ import annotations

import dataclasses
import os
import shutil

import duckdb
import pytest

from tests.articles import COUNCIL, GARDEN, HARBOUR

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]

CONTENT = ("articles", "quotes", "entities")


def run(landing, warehouse, runner="process", **kw):
    from flows.etl import news_etl

    state = news_etl(landing=str(landing), warehouse=str(warehouse), task_runner=runner, return_state=True, **kw)
    return state.result(raise_on_failure=False)  # the RunSummary, also when the run ended Failed


def off_by_one(nlp, files, today):
    """A processor whose quotes start one character late: what a broken transform would publish."""
    from transforms.process import process_files

    batch = process_files(nlp, files, today)
    for result in batch.files:
        result.quotes = [{**q, "char_start": q["char_start"] + 1} for q in result.quotes]
    return batch


def query(warehouse, sql):
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


def snapshot(warehouse):
    return {t: sorted(map(repr, query(warehouse, f"select * from {t}"))) for t in (*CONTENT, "files")}


@pytest.fixture
def messy_landing(landing):
    """The seed, articles written for the tests, and the ugly cases of a real landing folder."""
    (landing / "business").mkdir()
    (landing / "business" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (landing / "garden.txt").write_text(GARDEN, encoding="utf-8")
    (landing / "council.txt").write_bytes(COUNCIL.replace("\n", "\r\n").encode("cp1252"))
    (landing / "later").mkdir()
    shutil.copy(landing / "garden.txt", landing / "later" / "garden.txt")  # same bytes
    (landing / "harbour-crlf.txt").write_bytes(("\ufeff" + HARBOUR.replace("\n", "\r\n")).encode())  # same article
    (landing / "empty.txt").write_bytes(b"")
    (landing / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (landing / "bad-date.txt").write_text(" date 2023-02-30 WORLD\nHeadline\n\nBody.\n")
    (landing / "headline-only.txt").write_text(" date 2023-02-03 WORLD\nHeadline\n")
    (landing / "dir.txt").mkdir()
    (landing / "notes.md").write_text("not an article file")
    outside = landing.parent / "outside.txt"
    outside.write_text(GARDEN)
    os.symlink(outside, landing / "escape.txt")
    return landing


def test_messy_folder_every_file_accounted_for(messy_landing, tmp_path):
    wh = tmp_path / "wh"
    summary = run(messy_landing, wh)
    files = dict(query(wh, "select path, status from files"))
    assert files == {
        "000_e9f2a0a8075f9824.txt": "published",
        "business/harbour.txt": "published",
        "garden.txt": "published",
        "council.txt": "published",
        "later/garden.txt": "duplicate",
        "harbour-crlf.txt": "duplicate",
        "empty.txt": "quarantined",
        "photo.txt": "quarantined",
        "bad-date.txt": "quarantined",
        "headline-only.txt": "quarantined",
        "escape.txt": "quarantined",
    }
    reasons = dict(query(wh, "select path, reason from files where status <> 'published'"))
    assert reasons["later/garden.txt"] == "same bytes as garden.txt"
    assert reasons["harbour-crlf.txt"] == "same article as business/harbour.txt"
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["photo.txt"]
    assert reasons["bad-date.txt"] == "impossible date 2023-02-30 in the header line"
    assert "no body" in reasons["headline-only.txt"]
    assert "outside the landing folder" in reasons["escape.txt"]
    assert summary.files_seen == 11
    st = summary.statuses
    assert st["published"] + st["duplicate"] + st["quarantined"] + st["unchanged"] == summary.files_seen
    [(runs_seen, pub, dup, quar)] = query(wh, "select files_seen, published, duplicate, quarantined from runs")
    assert (runs_seen, pub, dup, quar) == (11, 4, 2, 5)
    # invariants of the contract
    assert query(wh, "select count(*) from articles")[0][0] == 4
    assert query(wh, "select count(*) - count(distinct article_id) from articles")[0][0] == 0
    bad_offsets = query(wh, """
        select count(*) from quotes q join articles a using (article_id)
        where q.text <> substr(case q.field when 'body' then a.body when 'headline' then a.headline
                                            else a.standfirst end, q.char_start + 1, q.char_end - q.char_start)""")
    assert bad_offsets[0][0] == 0
    for t in ("quotes", "entities"):
        orphans = query(wh, f"select count(*) from {t} where article_id not in (select article_id from articles)")
        assert orphans[0][0] == 0
    council = query(wh, "select body, source_sha256 from articles where source_path = 'council.txt'")[0]
    assert "Councillor Dev Raman" in council[0] and "\r" not in council[0]
    assert query(wh, "select count(*) from quality where not success and severity = 'critical'")[0][0] == 0


def test_second_run_adds_and_changes_nothing(messy_landing, tmp_path):
    wh = tmp_path / "wh"
    run(messy_landing, wh)
    before = snapshot(wh)
    second = run(messy_landing, wh)
    assert snapshot(wh) == before
    assert second.statuses["unchanged"] == second.files_seen == 11
    assert query(wh, "select count(*) from runs")[0][0] == 2


def test_touched_file_is_unchanged_and_changed_file_replaces_its_rows(landing, tmp_path):
    wh = tmp_path / "wh"
    (landing / "council.txt").write_text(COUNCIL)
    run(landing, wh)
    [(old_id,)] = query(wh, "select article_id from articles where source_path = 'council.txt'")
    before = snapshot(wh)
    os.utime(landing / "council.txt", ns=(1, 1))  # touched: same bytes, new mtime
    touched = run(landing, wh)
    assert touched.statuses["unchanged"] == 2 and snapshot(wh)["articles"] == before["articles"]
    (landing / "council.txt").write_text(COUNCIL.replace("9-4", "10-3").replace("Gail Forsythe", "Gail Forsyth"))
    run(landing, wh)
    [(new_id, body)] = query(wh, "select article_id, body from articles where source_path = 'council.txt'")
    assert new_id != old_id and "10-3" in body
    for t in CONTENT:
        assert query(wh, f"select count(*) from {t} where article_id = '{old_id}'")[0][0] == 0
    renamed = query(wh, f"select count(*) from entities where article_id = '{new_id}' and name = 'Gail Forsyth'")
    assert renamed[0][0] == 1
    assert query(wh, "select count(*) from articles")[0][0] == 2


def bogus_labels(nlp, files, today):
    """A processor that labels the entities of `bad.txt` with a label outside the schema's set."""
    from transforms.process import process_files

    batch = process_files(nlp, files, today)
    for result in batch.files:
        if result.path == "bad.txt":
            result.entities = [{**e, "label": "BOGUS"} for e in result.entities]
    return batch


def test_rows_outside_the_schema_cost_their_commit_not_the_run(landing, tmp_path):
    from flows.definitions import resources_for
    from flows.options import RunOptions

    wh = tmp_path / "wh"
    (landing / "bad.txt").write_text(GARDEN)
    broken = dataclasses.replace(resources_for(RunOptions(landing=landing, warehouse=wh)), processor=bogus_labels)
    summary = run(landing, wh, resources=broken, batch_size=1, commit_size=1)
    assert summary.published_anything and summary.status == "completed with failures"
    assert summary.statuses["published"] == 1 and summary.statuses["not published"] == 1
    assert "entities.label" in summary.message and "'BOGUS' not one of" in summary.message
    assert query(wh, "select count(*) from files where path = 'bad.txt'")[0][0] == 0  # retried by the next run


def test_failed_critical_expectation_publishes_nothing_of_its_batch(landing, tmp_path):
    from flows.definitions import resources_for
    from flows.options import RunOptions

    wh = tmp_path / "wh"
    (landing / "garden.txt").write_text(GARDEN)
    broken = dataclasses.replace(resources_for(RunOptions(landing=landing, warehouse=wh)), processor=off_by_one)
    summary = run(landing, wh, resources=broken)  # the broken transform runs in the worker processes
    assert not summary.published_anything
    assert "expect_column_pair_values_to_be_equal(text,quoted_span) failed on" in summary.message
    assert "quote_id=" in summary.message  # names the offending rows
    assert query(wh, "select count(*) from articles")[0][0] == 0
    assert query(wh, "select count(*) from files")[0][0] == 0  # not recorded: the next run retries them
    failed = query(wh, "select table_name, unexpected_examples from quality where not success and severity='critical'")
    assert failed and all(t == "quotes" for t, _ in failed)
    fixed = run(landing, wh)
    assert fixed.statuses["published"] == 2 and query(wh, "select count(*) from articles")[0][0] == 2


def test_seed_rows(landing, tmp_path):
    wh = tmp_path / "wh"
    run(landing, wh)
    speakers = dict(query(wh, "select substr(text, 1, 20), speaker from quotes"))
    assert speakers["Obviously, as neighb"] == "Dmitry Peskov"
    assert speakers["Having to travel acr"] == "Matthew Miller"
    names = {n for (n,) in query(wh, "select name from entities")}
    assert {"Kim Jong-un", "Vladimir Putin", "Dmitry Peskov", "Kremlin", "White House"} <= names
    assert not names & {"Kim", "Putin", "Peskov", "Reuters / Reuters", "North Korea's"}
    aliases = query(wh, "select alias, articles, mentions from entity_aliases where canonical_name = 'Kim Jong-un'")
    assert ("Kim", 1, 7) in aliases and ("Kim Jong-un", 1, 2) in aliases
    [(speaker_id, entity_id)] = query(wh, """
        select q.speaker_entity_id, e.entity_id from quotes q join entities e
          on e.article_id = q.article_id and e.name = 'Dmitry Peskov'
        where q.text like 'Obviously%'""")
    assert speaker_id == entity_id


def test_reprocess_rederives_every_table_to_the_same_rows(messy_landing, tmp_path):
    wh = tmp_path / "wh"
    run(messy_landing, wh)
    before = snapshot(wh)
    index = "select article_id, published_date, signature from story_index order by 1"
    stories = "select article_id, story_id, similarity from articles order by 1"
    index_before, stories_before = query(wh, index), query(wh, stories)
    again = run(messy_landing, wh, reprocess=True)
    assert again.statuses["published"] == 4 and again.statuses["unchanged"] == 0
    after = snapshot(wh)
    # the same articles, quotes and entities; only the run that published them differs
    assert after["quotes"] == before["quotes"] and after["entities"] == before["entities"]
    # the story index is rebuilt with the tables: the same signatures, the same stories
    assert query(wh, index) == index_before and len(index_before) == 4
    assert query(wh, stories) == stories_before
    assert query(wh, "select count(distinct run_id) from articles") == [(1,)]
    assert query(wh, "select count(*) from runs") == [(2,)]
