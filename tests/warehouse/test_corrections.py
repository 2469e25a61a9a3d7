"""Corrections files: parsed, validated line by line (one-line errors naming file and line), appended."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse.corrections import HEADER, Correction, CorrectionError, append, load, next_id, parse

QID = "a" * 32
EID = "b" * 16
HEAD = ",".join(HEADER) + "\n"


def write(warehouse: Path, text: str, name: str = "corrections.csv") -> Path:
    path = warehouse / "corrections" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_folder_no_corrections(tmp_path: Path) -> None:
    assert load(tmp_path) == []


def test_a_corrections_file_where_the_folder_should_be_is_refused_not_ignored(tmp_path: Path) -> None:
    (tmp_path / "corrections").write_text(HEAD + f"c1,not-quote,{QID},,ana,2024-05-01,why\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match=r"corrections: is not a folder"):
        load(tmp_path)


def test_a_why_may_hold_line_breaks_and_tabs(tmp_path: Path) -> None:
    write(tmp_path, HEAD + f'c1,not-quote,{QID},,ana,2024-05-01,"a list:\r\n\t1. an ad\r\n\t2. no speaker"\r\n')
    assert load(tmp_path)[0].why == "a list:\n\t1. an ad\n\t2. no speaker"
    append(tmp_path, Correction("c2", "not-quote", "b" * 32, "", "bo", "2024-05-02", "pasted:\r\nfrom Windows"))
    assert load(tmp_path)[1].why == "pasted:\nfrom Windows"


def test_every_kind_loads_in_file_and_line_order(tmp_path: Path) -> None:
    write(tmp_path, HEAD + f"c1,speaker,{QID},Mara Lindqvist,ana,2024-05-01,the byline is the speaker\n"
                           "\n"  # a blank line is allowed
                           f'c2,entity-label,{EID},ORG,ana,2024-05-01T10:00:00+00:00,"a company, not a man"\n')
    write(tmp_path, HEAD + "m1,merge,Jon Ek | Jonathan Ek,,bo,2024-05-02,same minister\n"
                           f"x1,exclude,{'c' * 32},,bo,2024-05-02,an advertorial\n", "zz-people.csv")
    got = load(tmp_path)
    assert [(c.id, c.kind, c.file, c.line) for c in got] == [
        ("c1", "speaker", "corrections/corrections.csv", 2), ("c2", "entity-label", "corrections/corrections.csv", 4),
        ("m1", "merge", "corrections/zz-people.csv", 2), ("x1", "exclude", "corrections/zz-people.csv", 3)]
    assert got[1].why == "a company, not a man"
    assert got[2].parts == ("Jon Ek", "Jonathan Ek")


@pytest.mark.parametrize(("line", "reason"), [
    (f"c1,speaker,{QID},X,ana,2024-05-01", "6 fields, expected 7"),
    (f"c1,speaker,{QID[:-1]},X,ana,2024-05-01,why", "must be a quote_id (32 hex digits)"),
    (f"c1,quote,{QID},X,ana,2024-05-01,why", "kind 'quote' is not one of"),
    (f"c1,speaker,{QID},X,,2024-05-01,why", "who is empty"),
    (f"c1,speaker,{QID},X,ana,2024-05-01,", "why is empty"),
    (f"c1,speaker,{QID},X,ana,yesterday,why", "not an ISO 8601 date"),
    (f"c1,entity-label,{EID},COMPANY,ana,2024-05-01,why", "value 'COMPANY' is not a label"),
    (f"c1,entity-name,{EID},,ana,2024-05-01,why", "gives the new name"),
    ("c1,merge,Jon Ek,,ana,2024-05-01,why", "two or more people"),
    (f"c1,not-quote,{QID},yes,ana,2024-05-01,why", "value must be empty"),
    (f"c 1,not-quote,{QID},,ana,2024-05-01,why", "id 'c 1'"),
    ("c1,merge,Jon Ek | JON EK,,ana,2024-05-01,why", "names a person twice"),
    (f"c1,speaker,{QID},Jon\x00Ek,ana,2024-05-01,why", "value 'Jon\\x00Ek' holds a control character"),
    (f"c1,speaker,{QID},Jon Ek,ana\x1b[31m,2024-05-01,why", "who 'ana\\x1b[31m' holds a control character"),
])
def test_a_malformed_line_is_one_line_naming_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    good = f"c0,not-quote,{QID},,ana,2024-05-01,fine\n"
    path = write(tmp_path, HEAD + good + line + "\n")
    with pytest.raises(CorrectionError) as err:
        load(tmp_path)
    message = str(err.value)
    assert message.startswith(f"{path}:3: ") and reason in message and "\n" not in message


def test_a_bad_header_or_a_duplicated_id_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "id,kind,target\n")
    with pytest.raises(CorrectionError, match=r"corrections\.csv:1: the header must be"):
        load(tmp_path)
    write(tmp_path, HEAD + f"c1,not-quote,{QID},,ana,2024-05-01,a\n")
    write(tmp_path, HEAD + f"c1,exclude,{'c' * 32},,ana,2024-05-01,b\n", "more.csv")
    with pytest.raises(CorrectionError, match=r"more\.csv:2: id 'c1' is already used at corrections/corrections"):
        load(tmp_path)


def test_append_writes_the_header_once_and_quotes_what_needs_it(tmp_path: Path) -> None:
    first = Correction("c1", "speaker", QID, "Ek, Jon", "ana", "2024-05-01", "the byline")
    path = append(tmp_path, first)
    append(tmp_path, Correction(next_id(load(tmp_path)), "not-quote", "d" * 32, "", "bo", "2024-05-02", "a title"))
    assert path.read_text(encoding="utf-8").splitlines() == [
        ",".join(HEADER), f'c1,speaker,{QID},"Ek, Jon",ana,2024-05-01,the byline',
        f"c2,not-quote,{'d' * 32},,bo,2024-05-02,a title"]
    assert [c.value for c in load(tmp_path)] == ["Ek, Jon", ""]
    with pytest.raises(CorrectionError, match="already used"):
        append(tmp_path, first)
    with pytest.raises(CorrectionError, match="why is empty"):
        append(tmp_path, Correction("c9", "not-quote", QID, "", "ana", "2024-05-01", ""))
    assert len(load(tmp_path)) == 2  # nothing half-written


def test_a_hand_edited_file_without_a_final_newline_takes_the_next_line(tmp_path: Path) -> None:
    write(tmp_path, HEAD + f"fix-7,not-quote,{QID},,ana,2024-05-01,a")
    append(tmp_path, Correction(next_id(load(tmp_path)), "exclude", "e" * 32, "", "bo", "2024-05-02", "b"))
    assert [(c.id, c.line) for c in load(tmp_path)] == [("fix-7", 2), ("c1", 3)]


def test_parse_reports_csv_faults_by_line() -> None:
    with pytest.raises(CorrectionError, match=r"^f\.csv:2: "):
        parse(HEAD + 'c1,speaker,"unclosed\n', "f.csv")


def test_hidden_files_and_editors_locks_are_not_corrections(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + f"c1,not-quote,{QID},,ana,2024-05-01,why\n")
    (path.parent / ".#corrections.csv").symlink_to("ana@host.4242:1700000000")  # Emacs, while editing
    (path.parent / "~$corrections.csv").write_bytes(b"\x05ana\x00\xff\xfe")  # Excel's owner file
    (path.parent / "._corrections.csv").write_bytes(b"\x00\x05\x16\x07Mac OS X")  # macOS AppleDouble
    assert [c.id for c in load(tmp_path)] == ["c1"]


def test_a_csv_file_is_read_whatever_the_case_of_its_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + f"c1,not-quote,{QID},,ana,2024-05-01,why\n")
    (path.parent / "zfixes.CSV").write_text(HEAD + f"c2,exclude,{'e' * 32},,bo,2024-05-02,from a spreadsheet\n")
    (path.parent / "notes.txt").write_text("not a correction\n")
    (path.parent / "old.csv").mkdir()  # a folder named like a file is not read
    assert [(c.id, c.file) for c in load(tmp_path)] == [("c1", "corrections/corrections.csv"),
                                                         ("c2", "corrections/zfixes.CSV")]
