"""Pages published beside a run, as Prefect link artifacts: what the installed page writers write.

The flow cannot import the CLI package that renders the HTML report (imports run newsetl -> flows), so
writers are found as Python entry points of the group PAGES: newsetl declares its report there
(pyproject.toml), and any other package may add a page. A writer takes the warehouse folder and returns
the file it wrote (None: nothing to show yet). A page is a view of what the run committed: a writer that
fails is logged and the run goes on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

from prefect.artifacts import create_link_artifact

PAGES = "newsetl.pages"  # entry-point group: name -> callable(warehouse: Path) -> Path | None

log = logging.getLogger(__name__)


def page_writers() -> dict[str, Callable[[Path], Path | None]]:
    """The installed page writers, by entry-point name."""
    return {ep.name: ep.load for ep in entry_points(group=PAGES)}  # loaded when used: imports cost


def publish_pages(warehouse: Path, logger: logging.Logger | logging.LoggerAdapter | None = None) -> list[Path]:
    """Run every page writer on `warehouse` and publish each page written as a link artifact keyed
    `news-etl-<name>` (a file:// link: the page is on the machine that ran the flow). Returns the pages."""
    logger = logger or log
    pages = []
    for name, load in page_writers().items():
        try:
            page = load()(Path(warehouse))
        except Exception as exc:  # noqa: BLE001 - see the module docstring
            logger.warning("page %s not written: %s: %s", name, type(exc).__name__, exc)
            continue
        if page is None:
            continue
        create_link_artifact(Path(page).resolve().as_uri(), link_text=f"{name} ({Path(page).name})",
                             key=f"news-etl-{name}", description=f"{name} of {warehouse} (a local file)")
        pages.append(Path(page))
    return pages
