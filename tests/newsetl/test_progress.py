"""The run's progress bar: drawn on a terminal, absent elsewhere."""

from __future__ import annotations

import io
import re

from rich.console import Console

from newsetl.progress import progress_bar


def test_on_a_terminal_the_bar_shows_files_done_of_total_rate_and_time_left() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120, color_system=None)
    with progress_bar(console) as listen:
        assert listen is not None
        listen(0, 40)
        listen(16, 40)
        listen(32, 40)
    drawn = out.getvalue()
    assert "starting" in drawn or "processing" in drawn
    assert re.search(r"(16|32)/40 files", drawn), drawn
    assert "left" in drawn


def test_elsewhere_nothing_is_drawn() -> None:
    out = io.StringIO()
    with progress_bar(Console(file=out, force_terminal=False)) as listen:
        assert listen is None
    assert out.getvalue() == ""
