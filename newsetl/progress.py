"""The progress bar of `newsetl run` on a terminal: files done of the run's total, the rate, the time
left. Nothing at all when the output is not a terminal (a pipe, a file, cron, CI): logs stay clean."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from newsetl import terminal


class RateColumn(ProgressColumn):
    """Files per second, over rich's recent window; blank until there is one."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} files/s" if task.speed else "", style="progress.data.speed")


@contextmanager
def progress_bar(console: Console | None = None) -> Iterator[Callable[[int, int], None] | None]:
    """Yield a listener for flows.run's `on_progress` that draws a transient bar on `console` (default:
    stderr), or None when that is not a terminal. Until the run knows its files it shows `starting`
    (the Prefect server, the model, the workers)."""
    console = console or terminal.console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("files"), RateColumn(), TimeElapsedColumn(), TextColumn("elapsed,"),
                   TimeRemainingColumn(), TextColumn("left"), console=console, transient=True)
    task = bar.add_task("starting", total=None)

    def listen(done: int, total: int) -> None:
        bar.update(task, description="processing", completed=done, total=total)

    with bar:
        yield listen
