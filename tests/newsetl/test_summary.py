"""The run summary printed at the end of `newsetl run`, and the profile table."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from flows.run_summary import RunSummary
from newsetl.summary import print_profile, print_summary


def printed(summary: RunSummary, profile: bool = False) -> str:
    console = Console(record=True, width=120)
    print_summary(summary, Path("wh"), console=console)
    if profile:
        print_profile(summary, 10.0, console)
    return console.export_text()


def test_counts_rows_quarantine_failures_and_where_the_warehouse_is():
    s = RunSummary("0123456789abcdef", files_seen=25, seconds=3.25)
    s.statuses.update({"published": 2, "duplicate": 1, "quarantined": 22})
    s.rows.update({"articles": 2, "quotes": 7, "entities": 30})
    s.expectations_evaluated, s.expectations_failed = 40, 1
    s.quarantined += [(f"junk-{i:02d}.txt", "binary content") for i in range(22)]
    out = printed(s)
    assert "newsetl run 01234567 - completed in 3.2s" in out
    assert "quarantined junk-00.txt: binary content" in out and "junk-20.txt" not in out
    assert "... and 2 more (see the files view)" in out
    assert "39/40" in out and "duckdb -readonly wh/news.duckdb" in out


def test_failed_batches_are_said_to_be_retried_next_run():
    s = RunSummary("r2", files_seen=4)
    s.statuses.update({"published": 1, "not published": 3})
    s.failures.append("batch 1 (3 files) failed: worker died")
    out = printed(s)
    assert "completed with failures" in out
    assert "3 files not published: their batches failed; the next run retries them" in out
    assert "failed batch 1 (3 files) failed: worker died" in out


def test_profile_shares_are_of_the_workers_total_and_of_the_wall_clock():
    s = RunSummary("r3")
    s.worker_stages.update({"nlp": 15.0, "parse": 5.0})
    s.flow_stages.update({"validate": 2.0})
    out = printed(s, profile=True)
    assert "where the time went (10.0s wall clock)" in out
    lines = {line.split("│")[2].strip(): line for line in out.splitlines() if line.count("│") >= 5}
    assert "75%" in lines["nlp"] and "25%" in lines["parse"] and "20%" in lines["validate"]


def test_orphaned_corrections_are_listed_with_file_and_line():
    s = RunSummary("r3", files_seen=1)
    s.orphaned.append("corrections/corrections.csv:4: c3 (speaker " + "f" * 32 + ") matches nothing published")
    out = printed(s)
    assert "correction orphaned corrections/corrections.csv:4: c3 (speaker" in out and "fix or delete its line" in out


def test_many_orphaned_corrections_are_listed_twenty_then_counted():
    s = RunSummary("r4", files_seen=1)
    s.orphaned.extend(f"corrections/bulk.csv:{n}: h{n} (speaker {'f' * 32}) matches nothing published"
                      for n in range(2, 20002))
    out = printed(s)
    assert out.count("correction orphaned") == 20 and "bulk.csv:21: h21 " in out and "bulk.csv:22:" not in out
    assert "... and 19980 more orphaned corrections (newsetl check lists them all)" in out


def test_the_duckdb_command_stays_on_one_line_in_narrow_output():
    console = Console(record=True, width=40)
    deep = Path("/srv/newsroom/archive/warehouses/2026")
    print_summary(RunSummary("0123456789abcdef", files_seen=1, seconds=1.0), deep, console=console)
    lines = console.export_text().splitlines()
    assert any(line.endswith(f"-readonly {deep}/news.duckdb)") and line.startswith("warehouse: ") for line in lines)


def test_file_names_and_reasons_are_printed_as_data_never_as_markup_or_escapes():
    s = RunSummary("0123456789abcdef", files_seen=3)
    s.statuses.update({"quarantined": 3})
    s.quarantined += [("a[/]b.txt", "no body"), ("[red]x[/red].txt", "no date [/]"),
                      ("evil\x1b[31mRED\x07\nline.txt", "no body")]
    s.failures.append("batch 0 (1 files) failed: spaCy model /m[/]x could not be loaded: [E050] no")
    out = printed(s)  # `[/]` raised MarkupError once the run had published
    assert "quarantined a[/]b.txt: no body" in out and "quarantined [red]x[/red].txt: no date [/]" in out
    assert "quarantined evil\\x1b[31mRED\\x07\\nline.txt: no body" in out and "\x1b" not in out
    assert "failed batch 0 (1 files) failed: spaCy model /m[/]x could not be loaded: [E050] no" in out
