"""The tasks' own work, called directly: reading a batch through its source, in order."""

from __future__ import annotations

import traceback
from datetime import date

from flows.landing import LandingFile, LocalFolder
from flows.resources import SpacyModel
from flows.tasks import discover_files, process_batch
from transforms.process import BatchResult, FileResult


class _Model(SpacyModel):
    def pipeline(self):  # the stand-in processor below reads no model
        return None


def echo(nlp, files, today):
    """A processor that publishes each file's bytes as its body (no model needed)."""
    return BatchResult([FileResult(f.path, "h", len(f.data), f.mtime_ns, article={"body": f.data.decode()})
                        for f in files], {"parse": 0.5})


def test_a_batch_is_read_through_its_source_and_returned_in_input_order(tmp_path):
    (tmp_path / "b.txt").write_text("bee")
    (tmp_path / "a.txt").write_text("ay")
    source = LocalFolder(tmp_path)
    found = {f.path: f for f in source.discover(1_000)}
    files = [found["b.txt"], LandingFile("gone.txt", 3, 1), found["a.txt"]]
    result = process_batch.fn(source, files, _Model("none"), echo, date(2026, 11, 29), 1_000)
    assert [r.path for r in result.files] == ["b.txt", "gone.txt", "a.txt"]
    assert result.files[0].article == {"body": "bee"} and result.files[2].article == {"body": "ay"}
    gone = result.files[1]
    assert gone.reason == ("gone before it could be read (deleted or renamed during the run); "
                           "read again by the next run")
    assert gone.sha256 == "" and gone.article is None and gone.retry
    assert result.stages["parse"] == 0.5 and "read" in result.stages and "load model" in result.stages


def test_a_file_rewritten_after_discovery_is_not_taken_and_is_read_again_next_run(tmp_path):
    (tmp_path / "live.txt").write_text("first version")
    source = LocalFolder(tmp_path)
    (discovered,) = source.discover(1_000)
    (tmp_path / "live.txt").write_text("second, longer version")  # a writer still at work
    result = process_batch.fn(source, [discovered], _Model("none"), echo, date(2026, 11, 29), 1_000)
    (changed,) = result.files
    assert changed.reason == ("changed while the run read it (22 bytes read, 22 bytes now); "
                              "read again by the next run")
    assert changed.retry and changed.article is None and changed.sha256 == ""


def test_a_file_grown_past_the_limit_since_discovery_is_quarantined_not_read(tmp_path):
    (tmp_path / "grew.txt").write_bytes(b"x" * 5_000)
    result = process_batch.fn(LocalFolder(tmp_path), [LandingFile("grew.txt", 10, 1)], _Model("none"), echo,
                              date(2026, 11, 29), 1_000)
    assert "file too large" in result.files[0].reason


def test_discovery_goes_through_the_source(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    assert [f.path for f in discover_files.fn(LocalFolder(tmp_path), 1_000)] == ["x.txt"]


def test_a_rule_table_that_cannot_be_read_fails_the_batch_at_once_with_its_reason(tmp_path):
    from prefect import flow

    from transforms.lexicon import LexiconError

    (tmp_path / "a.txt").write_text("ay")
    source = LocalFolder(tmp_path)
    calls = []

    def broken(nlp, files, today):
        calls.append(len(files))
        raise LexiconError("/x/reporting_verbs.txt:146: 'say so' has a space; one word per line")

    @flow
    def one_batch() -> tuple[bool, str | None]:
        state = process_batch(source, source.discover(1_000), _Model("none"), broken, date(2026, 11, 29), 1_000,
                              return_state=True)
        return state.is_failed(), state.message

    failed, message = one_batch()
    assert failed and calls == [1]  # no retry: it would fail alike
    assert message == "rule tables: /x/reporting_verbs.txt:146: 'say so' has a space; one word per line"


class _Damaged(SpacyModel):
    def pipeline(self):
        from flows.resources import ModelUnloadable

        _Damaged.loads += 1
        raise ModelUnloadable(f"spaCy model {self.name} could not be loaded: Unpack failed: incomplete input")

    loads = 0


def test_a_model_that_cannot_be_loaded_fails_the_batch_at_once_naming_it(tmp_path):
    from prefect import flow

    (tmp_path / "a.txt").write_text("ay")
    source = LocalFolder(tmp_path)

    @flow
    def one_batch() -> tuple[bool, str | None]:
        state = process_batch(source, source.discover(1_000), _Damaged("/models/en_news"), echo,
                              date(2026, 11, 30), 1_000, return_state=True)
        return state.is_failed(), state.message

    failed, message = one_batch()
    assert failed and _Damaged.loads == 1  # no retry: it would fail alike
    assert message == "spaCy model /models/en_news could not be loaded: Unpack failed: incomplete input"


class _Truncated(SpacyModel):
    def pipeline(self):
        from flows.resources import ModelUnloadable

        try:
            raise ValueError("Unpack failed: incomplete input")
        except ValueError as exc:
            raise ModelUnloadable(f"spaCy model {self.name} could not be loaded: parser: {exc}") from exc


def test_how_a_model_failed_to_load_is_logged_with_its_traceback_for_verbose_runs(tmp_path, caplog):
    import logging

    from prefect import flow

    (tmp_path / "a.txt").write_text("ay")
    source = LocalFolder(tmp_path)

    @flow
    def one_batch() -> bool:
        return process_batch(source, source.discover(1_000), _Truncated("/models/en_news"), echo,
                             date(2026, 11, 30), 1_000, return_state=True).is_failed()

    with caplog.at_level(logging.INFO, logger="prefect"):
        assert one_batch()
    logged = [r for r in caplog.records if "could not be loaded" in r.getMessage() and r.exc_info]
    assert logged and logged[0].levelno == logging.INFO  # -v shows it; a quiet run prints one line
    assert "Unpack failed" in "".join(traceback.format_exception(*logged[0].exc_info))
