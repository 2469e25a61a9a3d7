"""news.duckdb: views typed and commented from the schema, over real Parquet files, replaced atomically."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from warehouse.corrections_apply import CORRECTED_TABLES
from warehouse.derived_views import CORRECTED_COLUMNS, DERIVED_VIEWS, ENTITY_ALIASES, PIPELINE_PREFIX
from warehouse.schema import ALL_TABLES, ARTICLES, ENTITIES, Table
from warehouse.sql_text import literal
from warehouse.views import STORAGE_VERSION, build_database, duck_type, relative_files


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def article(aid: str, day: date, **changes: object) -> dict:
    return ARTICLES.row(**{**dict(
        article_id=aid, source_path=f"{day:%Y/%m}/{aid}.txt", source_sha256="0" * 64, published_date=day,
        section="WORLD", headline=f"Peskov says talks resume ({aid})", standfirst=None,
        image_caption="Delegates arrive for the talks", image_credit="Reuters",
        body="Talks went on for a third day.\n\n\"The door remains open,\" Peskov told reporters.",
        paragraph_count=2, word_count=15, run_id="run-0001", published_month=f"{day:%Y-%m}", story_id=aid,
        similarity=1.0,
    ), **changes})


def entity(aid: str, name: str, label: str, forms: dict[str, int]) -> dict:
    return ENTITIES.row(article_id=aid, entity_id=f"{label}:{name}", name=name, label=label,
                        mention_count=sum(forms.values()), surface_forms=list(forms),
                        surface_form_mentions=list(forms.values()), gender=None, gender_evidence=None,
                        published_month="2026-11")


def write_part(folder: Path, table: Table, rows: list[dict], name: str, drop: tuple[str, ...] = ()) -> str:
    """One Parquet file as Delta writes it: in its hive partition folder, without the partition column,
    and without `drop` (columns a later version added)."""
    data = table.to_arrow(rows).cast(table.storage_schema)
    partition = rows[0][table.partition_by[0]] if table.partition_by else None
    path = folder / table.name / (f"{table.partition_by[0]}={partition}" if partition else "") / name
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data.drop_columns([*table.partition_by, *drop]), path)
    return str(path)


def test_an_empty_warehouse_has_every_view_typed_commented_and_empty(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    build_database(db, {}, {})
    views = {name for (name,) in query(db, "SELECT view_name FROM duckdb_views() WHERE NOT internal")}
    pipeline = {PIPELINE_PREFIX + name for name in CORRECTED_TABLES}  # the rows before corrections
    assert views == {t.name for t in ALL_TABLES} | {v.name for v in DERIVED_VIEWS} | pipeline
    # views only, the identity of people derived at the build and the corrections loaded (empty here)
    assert sorted(query(db, "SELECT table_name FROM duckdb_tables()")) == [("corrections",), ("person_names",)]
    assert query(db, "SELECT count(*) FROM people") == [(0,)]
    for table in ALL_TABLES:
        assert query(db, f"SELECT count(*) FROM {table.name}") == [(0,)]
        columns = query(db, "SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = ? "
                            "ORDER BY column_index", table.name)
        assert columns[:len(table.spec)] == [(c.name, str(duckdb.sqltype(duck_type(c.type))), c.comment)
                                             for c in table.spec]
        assert [(name, comment) for name, _, comment in columns[len(table.spec):]] == list(
            CORRECTED_COLUMNS.get(table.name, {}).items())
        assert query(db, "SELECT comment FROM duckdb_views() WHERE view_name = ?", table.name) == [(table.comment,)]
    assert query(db, "SELECT count(*) FROM entity_aliases") == [(0,)]
    assert dict(query(db, "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'entity_aliases'")) \
        == ENTITY_ALIASES.columns
    assert query(db, "SELECT comment FROM duckdb_views() WHERE view_name = 'entity_aliases'") == [
        (ENTITY_ALIASES.comment,)]


def test_views_read_the_files_and_a_column_older_files_lack_reads_null(tmp_path: Path) -> None:
    folder = tmp_path / "O'Brien's warehouse"  # paths are SQL literals in the view
    old = write_part(folder, ARTICLES, [article("a-old", date(2026, 10, 30))], "part-0.parquet",
                     drop=("image_credit",))
    new = write_part(folder, ARTICLES, [article("a-new", date(2026, 11, 28)), article("a-two", date(2026, 11, 27))],
                     "part-1.parquet")
    db = folder / "news.duckdb"
    build_database(db, {"articles": [old, new]}, {"articles": ARTICLES.columns})
    got = query(db, "SELECT article_id, image_credit, published_month, published_date, word_count FROM articles "
                    "ORDER BY article_id")
    assert got == [
        ("a-new", "Reuters", "2026-11", date(2026, 11, 28), 15),
        ("a-old", None, "2026-10", date(2026, 10, 30), 15),
        ("a-two", "Reuters", "2026-11", date(2026, 11, 27), 15),
    ]
    # a column no stored file has yet (the table's Delta schema lacks it) reads NULL without being read
    build_database(db, {"articles": [old]}, {"articles": [c for c in ARTICLES.columns if c != "image_credit"]})
    assert query(db, "SELECT article_id, image_credit, headline FROM articles") == [
        ("a-old", None, "Peskov says talks resume (a-old)")]
    assert query(db, "SELECT count(*) FROM quotes") == [(0,)]  # tables without files stay empty


def test_a_reader_holding_the_old_file_keeps_its_state(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    stale = tmp_path / f".news.duckdb.{os.getpid()}.tmp"
    stale.write_text("left by a rebuild that crashed")
    first = write_part(tmp_path, ARTICLES, [article("a1", date(2026, 11, 27))], "part-0.parquet")
    second = write_part(tmp_path, ARTICLES, [article("a2", date(2026, 11, 28))], "part-1.parquet")
    build_database(db, {"articles": [first]}, {"articles": ARTICLES.columns})
    reader = duckdb.connect(str(db), read_only=True)
    try:
        assert reader.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]
        build_database(db, {"articles": [first, second]}, {"articles": ARTICLES.columns})
        assert reader.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]
        # DuckDB hands a second connect() to the same path the instance already open: attach it afresh instead
        # (an attaching session names the warehouse folder in file_search_path, as the README says)
        fresh = duckdb.connect(config={"file_search_path": str(tmp_path)})
        fresh.execute(f"ATTACH {literal(str(db))} AS news (READ_ONLY)")
        assert fresh.execute("SELECT article_id FROM news.articles ORDER BY 1").fetchall() == [("a1",), ("a2",)]
        fresh.close()
    finally:
        reader.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "news.duckdb"]


def test_entity_aliases_lists_every_spelling_of_each_entity(tmp_path: Path) -> None:
    rows = [
        entity("a1", "Dmitry Peskov", "PERSON", {"Dmitry Peskov": 1, "Peskov": 3}),
        entity("a1", "Kremlin", "ORG", {"Kremlin": 2}),
        entity("a2", "Dmitry Peskov", "PERSON", {"Peskov": 2}),
        entity("a2", "Ursula von der Leyen", "PERSON", {"Ursula von der Leyen": 1, "von der Leyen": 1}),
    ]
    db = tmp_path / "news.duckdb"
    build_database(db, {"entities": [write_part(tmp_path, ENTITIES, rows, "part-0.parquet")]},
                   {"entities": ENTITIES.columns})
    assert query(db, "SELECT alias, canonical_name, label, entity_id, articles, mentions FROM entity_aliases "
                     "ORDER BY entity_id, alias") == [
        ("Kremlin", "Kremlin", "ORG", "ORG:Kremlin", 1, 2),
        ("Dmitry Peskov", "Dmitry Peskov", "PERSON", "PERSON:Dmitry Peskov", 1, 1),
        ("Peskov", "Dmitry Peskov", "PERSON", "PERSON:Dmitry Peskov", 2, 5),
        ("Ursula von der Leyen", "Ursula von der Leyen", "PERSON", "PERSON:Ursula von der Leyen", 1, 1),
        ("von der Leyen", "Ursula von der Leyen", "PERSON", "PERSON:Ursula von der Leyen", 1, 1),
    ]
    types = query(db, "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'entity_aliases'")
    assert dict(types) == {"alias": "VARCHAR", "canonical_name": "VARCHAR", "label": "VARCHAR",
                           "entity_id": "VARCHAR", "articles": "INTEGER", "mentions": "INTEGER"}


def test_a_moved_warehouse_reads_its_own_files_from_any_working_directory(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "built, here"
    part = write_part(folder, ARTICLES, [article("a1", date(2026, 11, 27))], "part-0.parquet")
    build_database(folder / "news.duckdb", {"articles": [part]}, {"articles": ARTICLES.columns})
    moved = tmp_path / "elsewhere" / "O'Brien's copy"
    moved.parent.mkdir()
    shutil.move(folder, moved)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert query(moved / "news.duckdb", "SELECT article_id FROM articles") == [("a1",)]
    monkeypatch.chdir(moved)  # opened by a bare file name, from inside the warehouse folder
    assert query(Path("news.duckdb"), "SELECT article_id FROM articles") == [("a1",)]
    monkeypatch.chdir(moved.parent)
    assert query(Path(moved.name) / "news.duckdb", "SELECT article_id FROM articles") == [("a1",)]


def test_the_file_is_written_in_a_storage_version_released_duckdb_reads(tmp_path: Path) -> None:
    build_database(tmp_path / "news.duckdb", {}, {})
    header = (tmp_path / "news.duckdb").read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    assert int.from_bytes(header[12:20], "little") == 64  # DuckDB 1.0's format, which every release since reads
    assert STORAGE_VERSION == "v1.0.0"


def test_view_files_are_named_relative_to_the_warehouse(tmp_path: Path) -> None:
    inside = tmp_path / "tables" / "articles" / "part-0.parquet"
    assert relative_files(tmp_path, [str(inside), f"file://{inside}"]) == ["tables/articles/part-0.parquet"] * 2
    with pytest.raises(ValueError, match="outside the warehouse folder"):
        relative_files(tmp_path / "tables", [str(tmp_path / "other.parquet")])


def test_relative_files_decode_the_uris_deltalake_gives(tmp_path: Path) -> None:
    folder = tmp_path / "news desk #2"
    uri = "file://" + str(folder).replace(" ", "%20").replace("#", "%23") + "/tables/articles/part%20x.parquet"
    assert relative_files(folder, [uri]) == ["tables/articles/part x.parquet"]
