"""Corrections applied by news.duckdb's views, over real Parquet parts: each kind, what the rows say of it,
the pipeline's values kept, and orphans and superseded lines marked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from tests.warehouse.test_corrections import HEAD, write
from tests.warehouse.test_views import article, entity, query, write_part
from transforms.entities.model import entity_id as entity_id_of
from warehouse.corrections_apply import orphaned
from warehouse.schema import ARTICLES, ENTITIES, QUOTES, STORY_INDEX
from warehouse.views import build_database

A1, A2 = "1" * 32, "2" * 32


def quote(qid: str, aid: str, speaker: str | None, entity_id: str | None) -> dict:
    return QUOTES.row(quote_id=qid, article_id=aid, field="body", paragraph_index=0, char_start=0, char_end=4,
                      text="Talk", quote_type="direct", speaker=speaker, speaker_mention=speaker,
                      speaker_entity_id=entity_id, cue="say", cue_class="speech", speaker_role="spokesman",
                      speaker_affiliation=None, speaker_affiliation_entity_id=None, published_month="2026-11")


def ent(aid: str, name: str, label: str, forms: dict[str, int]) -> dict:
    """An entity row with its id as the pipeline derives it (16 hex digits: corrections name it)."""
    return {**entity(aid, name, label, forms), "entity_id": entity_id_of(name, label)}


def build(folder: Path) -> Path:
    e = [ent(A1, "Dmitry Peskov", "PERSON", {"Peskov": 2}), ent(A1, "Kremlin", "ORG", {"Kremlin": 1}),
         ent(A2, "Mara Lind", "PERSON", {"Mara Lind": 1}), ent(A2, "Mara Lindqvist", "PERSON", {"Lindqvist": 1}),
         ent(A2, "Jon Ek", "PERSON", {"Jon Ek": 1})]
    index = [STORY_INDEX.row(article_id=a, published_date=date(2026, 11, 2), signature=[1]) for a in (A1, A2)]
    ids = {r["name"]: r["entity_id"] for r in e}
    q = [quote("a" * 32, A1, "Dmitry Peskov", ids["Dmitry Peskov"]), quote("b" * 32, A1, None, None),
         quote("c" * 32, A2, "Jon Ek", ids["Jon Ek"]), quote("d" * 32, A2, "Mara Lind", ids["Mara Lind"])]
    files = {
        "articles": [write_part(folder, ARTICLES, [article(A1, date(2026, 11, 2)), article(A2, date(2026, 11, 3))],
                                "p.parquet")],
        "entities": [write_part(folder, ENTITIES, e, "p.parquet")],
        "quotes": [write_part(folder, QUOTES, q, "p.parquet")],
        "story_index": [write_part(folder, STORY_INDEX, index, "p.parquet")],
    }
    db = folder / "news.duckdb"
    build_database(db, files, {name: [f.name for f in t.schema] for name, t in
                               (("articles", ARTICLES), ("entities", ENTITIES), ("quotes", QUOTES),
                                ("story_index", STORY_INDEX))})
    return db


def entity_id(db: Path, name: str) -> str:
    return query(db, "SELECT entity_id FROM pipeline_entities WHERE name = ?", name)[0][0]


def test_without_corrections_the_views_are_the_published_rows(tmp_path: Path) -> None:
    db = build(tmp_path)
    assert query(db, "SELECT count(*) FROM quotes WHERE correction_id IS NULL AND speaker IS NOT DISTINCT FROM "
                     "pipeline_speaker") == [(4,)]
    assert query(db, "SELECT count(*) FROM corrections") == [(0,)]


def test_each_kind_applies_and_says_so(tmp_path: Path) -> None:
    db = build(tmp_path)
    kremlin, ek = entity_id(db, "Kremlin"), entity_id(db, "Jon Ek")
    write(tmp_path, HEAD + "\n".join([
        f"c1,speaker,{'b' * 32},Mara Lind,ana,2024-05-01,named two lines up",
        f"c2,not-quote,{'a' * 32},,ana,2024-05-01,a book title",
        f"c3,entity-label,{kremlin},GPE,ana,2024-05-01,test of a label",
        f"c4,entity-name,{ek},Jonas Ek,ana,2024-05-01,misspelt",
        "c5,merge,Mara Lind | Mara Lindqvist,,ana,2024-05-01,married name",
        f"c6,speaker,{'f' * 32},Nobody,ana,2024-05-01,its article changed",
        f"c7,entity-label,{kremlin},ORG,ana,2024-05-02,changed my mind",
    ]) + "\n")
    db = build(tmp_path)
    assert query(db, "SELECT quote_id, speaker, pipeline_speaker, correction_id, speaker_role, speaker_entity_id "
                     "FROM quotes ORDER BY quote_id") == [
        ("b" * 32, "Mara Lind", None, "c1", None, entity_id(db, "Mara Lind")),  # the warehouse's Mara Lind
        ("c" * 32, "Jonas Ek", "Jon Ek", "c4", "spokesman", ek),  # the entity renamed: the speaker too
        ("d" * 32, "Mara Lind", "Mara Lind", None, "spokesman", entity_id(db, "Mara Lind")),
    ]
    assert query(db, "SELECT count(*) FROM pipeline_quotes") == [(4,)]
    assert query(db, "SELECT name, label, pipeline_name, pipeline_label, correction_id FROM entities "
                     "WHERE correction_id IS NOT NULL ORDER BY name") == [
        ("Jonas Ek", "PERSON", "Jon Ek", "PERSON", "c4"), ("Kremlin", "ORG", "Kremlin", "ORG", "c7")]
    people = query(db, "SELECT name, len(entity_ids), direct_statements FROM people ORDER BY name")
    assert ("Mara Lindqvist", 2, 2) in people or ("Mara Lind", 2, 2) in people
    assert query(db, "SELECT correction_id FROM person_names WHERE correction_id IS NOT NULL") == [("c5",), ("c5",)]
    assert query(db, "SELECT correction_id, status, matched FROM corrections ORDER BY line") == [
        ("c1", "applied", 1), ("c2", "applied", 1), ("c3", "superseded", 1), ("c4", "applied", 1),
        ("c5", "applied", 2), ("c6", "orphaned", 0), ("c7", "applied", 1)]
    assert orphaned(db) == [f"corrections/corrections.csv:7: c6 (speaker {'f' * 32}) matches nothing published"]


def test_an_excluded_article_leaves_every_view_of_its_rows(tmp_path: Path) -> None:
    write(tmp_path, HEAD + f"x1,exclude,{A2},,ana,2024-05-01,advertorial\n")
    db = build(tmp_path)
    for view, pipeline in (("articles", 2), ("quotes", 4), ("entities", 5), ("story_index", 2)):
        assert query(db, f"SELECT count(*) FROM {view} WHERE article_id = ?", A2) == [(0,)]
        assert query(db, f"SELECT count(*) FROM pipeline_{view}") == [(pipeline,)]
    assert query(db, "SELECT DISTINCT name FROM people ORDER BY name") == [("Dmitry Peskov",)]


def test_a_split_takes_a_name_out_of_its_person(tmp_path: Path) -> None:
    write(tmp_path, HEAD + "m1,merge,Mara Lind | Jon Ek,,ana,2024-05-01,test\n"
                           "s1,split,Jon Ek,,ana,2024-05-02,he is not her\n"
                           "s2,split,Nobody Such,,ana,2024-05-02,orphan\n")
    db = build(tmp_path)
    persons = query(db, "SELECT pn.correction_id, count(DISTINCT person_id) FROM person_names pn "
                        "JOIN pipeline_entities e USING (entity_id) WHERE e.name IN ('Mara Lind', 'Jon Ek') "
                        "GROUP BY ALL ORDER BY 1")
    assert persons == [("m1", 1), ("s1", 1)]
    assert query(db, "SELECT count(DISTINCT person_id) FROM person_names pn JOIN pipeline_entities e "
                     "USING (entity_id) WHERE e.name IN ('Mara Lind', 'Jon Ek')") == [(2,)]
    assert query(db, "SELECT correction_id, status FROM corrections ORDER BY line") == [
        ("m1", "applied"), ("s1", "applied"), ("s2", "orphaned")]


def test_the_corrections_table_is_commented(tmp_path: Path) -> None:
    db = build(tmp_path)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'corrections' "
                           "AND comment IS NOT NULL").fetchall() == [(11,)]
        assert con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name LIKE 'pipeline_%' "
                           "AND comment IS NULL").fetchall() == [(0,)]
    finally:
        con.close()
