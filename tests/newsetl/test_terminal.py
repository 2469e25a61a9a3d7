"""newsetl.terminal: a COLUMNS that is no width never makes output vanish."""

from __future__ import annotations

import io

import pytest
from rich.table import Table

from newsetl.terminal import asked_width, console


@pytest.mark.parametrize(("columns", "width"), [("100", 100), (" 42 ", 42), ("0", None), ("-5", None), ("abc", None),
                                                ("", None), ("80x", None), ("٣", None)])
def test_only_a_positive_whole_number_is_a_width(monkeypatch, columns: str, width: int | None) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert asked_width() == width


@pytest.mark.parametrize("columns", ["0", "-5", "abc", ""])
def test_a_console_prints_whole_lines_whatever_columns_says(monkeypatch, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)  # rich alone prints nothing at all at COLUMNS=0
    out = console()
    assert out.width > 0
    out.file = io.StringIO()
    table = Table(title="newsetl run")
    table.add_column("files seen")
    table.add_row("3")
    out.print(table)
    assert "files seen" in out.file.getvalue() and "3" in out.file.getvalue()


def test_a_width_asked_for_is_kept(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "57")
    assert console().width == 57 and console(stderr=True).width == 57


def test_printable_writes_control_characters_as_escapes_and_keeps_the_rest() -> None:
    from newsetl.terminal import printable

    assert printable("evil\x1b[31mRED\x07\nline\u2028x\x85\tok") == "evil\\x1b[31mRED\\x07\\nline\\u2028x\\x85\\tok"
    assert printable("Zoë said “no” — 习近平, [/] [red]") == "Zoë said “no” — 习近平, [/] [red]"
