"""Identity across incremental runs: a later article that names `James B. Comey` joins the `James Comey`
of an earlier one in one person, while the earlier article's published rows stay byte-identical."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.articles import COMEY_FIRST, COMEY_SECOND
from tests.e2e.test_flow import query, run

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]

def content_files(wh: Path) -> dict[str, bytes]:
    """Every data file of the three content tables, by path: what a later run must leave untouched."""
    return {str(p.relative_to(wh)): p.read_bytes() for table in ("articles", "quotes", "entities")
            for p in sorted((wh / "tables" / table).rglob("*.parquet"))}


def test_a_later_article_joins_two_names_without_rewriting_the_earlier_rows(tmp_path: Path) -> None:
    landing, wh = tmp_path / "landing", tmp_path / "wh"
    landing.mkdir()
    (landing / "first.txt").write_text(COMEY_FIRST, encoding="utf-8")
    run(landing, wh, runner="thread")
    before = content_files(wh)
    rows_before = {t: sorted(map(repr, query(wh, f"select * from {t}"))) for t in ("articles", "quotes", "entities")}
    [(first_person,)] = query(wh, "select person_id from people where name = 'James Comey'")

    (landing / "second.txt").write_text(COMEY_SECOND, encoding="utf-8")
    run(landing, wh, runner="thread")
    after = content_files(wh)
    assert {path: data for path, data in after.items() if path in before} == before  # not a byte rewritten
    first_id = query(wh, "select article_id from articles where source_path = 'first.txt'")[0][0]
    for table in ("articles", "quotes", "entities"):
        rows = sorted(map(repr, query(wh, f"select * from {table} where article_id = '{first_id}'")))
        assert rows == rows_before[table], table

    people = query(wh, "select person_id, name, list_sort(aliases), articles, gender from people "
                       "where list_contains(aliases, 'James B. Comey')")
    assert len(people) == 1
    person_id, name, aliases, articles, gender = people[0]
    assert {"James Comey", "James B. Comey", "Comey"} <= set(aliases)
    assert articles == 2 and name in ("James Comey", "James B. Comey")
    assert gender == "male"  # `Mr. Comey` in the second article; the first shows none and does not disagree
    # the second article's statements reach the person through person_names
    said = query(wh, "select count(*) from quotes q join person_names pn "
                     f"on pn.entity_id = q.speaker_entity_id where pn.person_id = '{person_id}'")
    assert said[0][0] >= 2
    assert first_person
