"""Pages published beside a run: the installed writers (newsetl's report among them) run on the
warehouse, each page becomes a link artifact on a real Prefect server, a failing writer does not fail
the run."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from prefect import flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

import flows.publish as publish
from flows.publish import page_writers, publish_pages

pytestmark = pytest.mark.usefixtures("prefect_server")


def test_newsetl_installs_its_report_as_a_page_writer() -> None:
    writers = page_writers()
    assert "report" in writers
    from newsetl.report_html import write_report_page

    assert writers["report"]() is write_report_page


def artifact(key: str):
    async def latest():
        async with get_client() as client:
            found = await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
            return found[-1] if found else None
    return asyncio.run(latest())


def test_each_page_written_is_a_link_artifact_of_the_run(tmp_path: Path, monkeypatch, caplog) -> None:
    def good(warehouse: Path) -> Path:
        page = warehouse / "page.html"
        page.write_text("<html></html>")
        return page

    def broken(warehouse: Path) -> Path:
        raise OSError("disk on fire")

    writers = {"good-page": lambda: good, "broken-page": lambda: broken, "nothing-yet": lambda: (lambda w: None)}
    monkeypatch.setattr(publish, "page_writers", lambda: writers)

    @flow
    def a_run(warehouse: str) -> list[Path]:
        return publish_pages(Path(warehouse))

    assert a_run(str(tmp_path)) == [tmp_path / "page.html"]
    link = artifact("news-etl-good-page")
    assert link is not None and link.type == "markdown"  # Prefect keeps a link artifact as a markdown link
    assert (tmp_path / "page.html").resolve().as_uri() in str(link.data)
    assert link.flow_run_id is not None  # attached to the run that wrote it
    assert artifact("news-etl-broken-page") is None and artifact("news-etl-nothing-yet") is None
    assert "page broken-page not written: OSError: disk on fire" in caplog.text
