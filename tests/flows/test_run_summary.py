"""What a run did: status, reconciliation, the runs row and the Prefect artifact."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.run_summary import RunSummary
from warehouse.schema import RUNS


def summary(**statuses: int) -> RunSummary:
    s = RunSummary("r1", files_seen=sum(statuses.values()))
    s.statuses.update({k.replace("_", " "): v for k, v in statuses.items()})
    return s


def test_status_follows_what_was_published():
    assert summary(published=2).status == "completed"
    partly = summary(published=2, not_published=3)
    partly.failures.append("batch 1 (3 files) failed: boom")
    assert partly.status == "completed with failures" and partly.published_anything
    nothing = summary(not_published=3)
    nothing.failures.append("batch 0 (3 files) failed: boom")
    assert nothing.status == "failed" and not nothing.published_anything
    assert summary(unchanged=4).status == "completed"  # a run with nothing to do succeeded


def test_reconciles_when_every_file_has_exactly_one_status():
    s = summary(published=1, duplicate=1, quarantined=1, unchanged=2)
    assert s.reconciles()
    s.files_seen += 1
    assert not s.reconciles()


def test_the_runs_row_follows_the_schema_and_names_the_first_failure():
    s = summary(published=1, not_published=2)
    s.failures += ["batch 1 not published: expect_column_values_to_not_be_null(body) failed", "second"]
    provenance = {"newsetl_version": "1.2.0", "git_commit": None, "spacy_model": "en_core_web_sm",
                  "spacy_model_version": "3.8.0", "rules_digest": "ab" * 32}
    row = s.run_row("/data/landing", datetime(2026, 11, 29, tzinfo=UTC), "brave-otter", provenance)
    assert row.schema == RUNS.schema and row.num_rows == 1
    r = row.to_pylist()[0]
    assert r["status"] == "completed with failures" and r["message"].startswith("batch 1 not published")
    assert r["landing"] == "/data/landing" and r["published"] == 1 and r["seconds"] > 0
    assert {k: r[k] for k in provenance} == provenance


def test_the_artifact_lists_counts_failures_quarantine_profile_and_slowest_files():
    s = summary(published=1, quarantined=1)
    s.quarantined.append(("empty.txt", "empty file"))
    s.worker_stages.update({"nlp": 3.5, "parse": 0.2})
    s.flow_stages.update({"validate": 1.0})
    s.note_timings([(0.5, "a.txt"), (2.0, "b.txt")], keep=1)
    md = s.markdown()
    assert "| 2 | 0 | 1 | 0 | 1 | 0 |" in md
    assert "| `empty.txt` | empty file |" in md
    assert "| workers | nlp | 3.5 |" in md and "| flow | validate | 1.0 |" in md
    assert "| `b.txt` | 2.00 |" in md and "a.txt" not in md


def test_the_artifact_lists_orphaned_corrections():
    s = summary(published=1)
    assert "Corrections" not in s.markdown()
    s.orphaned.append("corrections/corrections.csv:4: c3 (exclude abc) matches nothing published")
    assert "- `corrections/corrections.csv:4: c3 (exclude abc) matches nothing published`" in s.markdown()


def test_the_artifact_lists_fifty_orphaned_corrections_then_counts_the_rest():
    s = summary(published=1)
    s.orphaned.extend(f"corrections/bulk.csv:{n}: h{n} (exclude abc) matches nothing published" for n in range(2, 1002))
    md = s.markdown()
    assert md.count("matches nothing published") == 50 and "bulk.csv:51:" in md and "bulk.csv:52:" not in md
    assert "- ... and 950 more (`newsetl check` lists them all)" in md
