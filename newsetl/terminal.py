"""The consoles the CLI prints on, sized the same way everywhere.

rich takes COLUMNS as the width whenever it is all digits: `COLUMNS=0` makes every table and line print
as nothing at all (a run summary, a report: gone, exit status 0). A width is taken from COLUMNS only
when it is a positive whole number; otherwise from the terminal, else 80, as shutil.get_terminal_size
does (https://docs.python.org/3/library/shutil.html#shutil.get_terminal_size)."""

from __future__ import annotations

import os
import re
import shutil

from rich.console import Console


def asked_width() -> int | None:
    """The width COLUMNS asks for: a positive whole number, else None (unset, empty, 0, negative, not a number)."""
    value = os.environ.get("COLUMNS", "").strip()
    return int(value) if value.isascii() and value.isdigit() and int(value) > 0 else None


def console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr) as wide as COLUMNS asks, else the terminal, else 80 characters.
    rich finds the width itself unless COLUMNS is set to something that is no width."""
    unusable = "COLUMNS" in os.environ and asked_width() is None
    return Console(stderr=stderr, width=shutil.get_terminal_size().columns if unusable else None)


# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: in a terminal they
# move the cursor, recolour, retitle the window or break a table's line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """`text` with each control character written as its escape (`\\x1b`, `\\n`), as Python's repr
    writes it: data shown in a terminal (a file name, a quotation) is shown, never obeyed."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
