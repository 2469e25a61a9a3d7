"""warehouse.table: column comments, references, the derived schemas and the schema-checked row constructors."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pyarrow as pa
import pytest

from warehouse.schema import ARTICLES, ENTITIES, FILES, PUBLISHED, QUOTE_TYPES, QUOTES, TEXT_FIELDS
from warehouse.table import Reference, RowError, Table, col, listing

NOW = datetime(2024, 1, 1, tzinfo=UTC)


def file_values(**changes: object) -> dict[str, object]:
    values = dict(path="a.txt", sha256="0" * 64, size_bytes=1, mtime_ns=1, status=PUBLISHED, reason=None,
                  article_id="A", run_id="r1", recorded_at=NOW, missing_since=None)
    return {**values, **changes}


def test_listing_joins_with_commas_and_the_last_word() -> None:
    assert listing(["body"]) == "body"
    assert listing(["headline", "body"], "and") == "headline and body"
    assert listing(list(TEXT_FIELDS)) == "headline, standfirst or body"


def test_comments_mention_the_allowed_values_and_references() -> None:
    def comment(table, column: str) -> str:
        return table.schema.field(column).metadata[b"comment"].decode()

    assert comment(FILES, "status") == "what the pipeline did with the file: published, duplicate or quarantined"
    assert comment(QUOTES, "quote_type") == (
        "how the statement is given: direct (a whole quoted statement), partial (words quoted in a sentence) "
        "or indirect (reported speech without quotation marks)"
    )
    assert comment(QUOTES, "article_id") == "the article (references articles.article_id)"
    assert comment(ENTITIES, "label").endswith(", LAW or LANGUAGE")
    assert comment(ARTICLES, "headline") == ARTICLES.column("headline").comment == "headline"
    assert QUOTES.comment.startswith("One row per attributed statement in an article's headline, standfirst or body")


def test_a_meaning_for_a_value_the_column_does_not_allow_is_refused() -> None:
    with pytest.raises(ValueError, match=r"column quote_type: meanings for values it does not allow: \['quoted'\]"):
        col("quote_type", pa.string(), "how", values=QUOTE_TYPES, meanings={"quoted": "in quotation marks"})


def test_a_table_with_a_repeated_column_or_a_foreign_key_column_is_refused() -> None:
    quote_id = col("quote_id", pa.string(), "id", False)
    with pytest.raises(ValueError, match="table quotes repeats a column"):
        Table("quotes", "Quotes.", (quote_id, quote_id), key=("quote_id",))
    with pytest.raises(ValueError, match=r"key or partition column\(s\) \['published_month'\] are not its columns"):
        Table("quotes", "Quotes.", (quote_id,), key=("quote_id",), partition_by=("published_month",))


def test_references_and_value_sets_are_derived_in_column_order() -> None:
    assert list(QUOTES.references) == ["article_id", "speaker_entity_id", "speaker_affiliation_entity_id"]
    ref = QUOTES.reference("speaker_entity_id")
    assert ref == QUOTES.references["speaker_entity_id"] == Reference("quotes", "speaker_entity_id", "entities",
                                                                       "entity_id")
    assert (ref.target, str(ref)) == ("entities.entity_id", "quotes.speaker_entity_id -> entities.entity_id")
    assert list(QUOTES.value_sets) == ["field", "quote_type", "cue_class"]
    assert FILES.values("path") == ()
    with pytest.raises(KeyError, match="quotes.text references no other column"):
        QUOTES.reference("text")


def test_an_unknown_column_is_a_key_error_naming_the_table() -> None:
    with pytest.raises(KeyError, match="table files has no column 'state'"):
        FILES.values("state")
    with pytest.raises(KeyError, match="table quotes has no column 'speaker_age'"):
        QUOTES.column("speaker_age")


def test_row_builds_a_row_in_column_order() -> None:
    row = FILES.row(**dict(reversed(file_values().items())))
    assert list(row) == FILES.columns
    assert FILES.to_arrow([row]).schema == FILES.schema


def test_row_refuses_unknown_and_missing_columns_naming_them() -> None:
    with pytest.raises(RowError, match=r"^files row: unknown column\(s\) state; missing column\(s\) status$"):
        FILES.row(**{k: v for k, v in file_values(state="published").items() if k != "status"})
    with pytest.raises(RowError, match=r"missing column\(s\) reason, recorded_at"):
        FILES.row(**{k: v for k, v in file_values().items() if k not in ("reason", "recorded_at")})


def test_row_refuses_a_value_outside_its_set_naming_table_column_and_value() -> None:
    with pytest.raises(RowError, match="^files.status: 'skipped' not one of published, duplicate, quarantined$"):
        FILES.row(**file_values(status="skipped"))
    # NULL is the gate's to report (not-null expectations), not the constructor's
    assert FILES.row(**file_values(status=None))["status"] is None


def test_to_arrow_checks_every_row_and_value_once_per_batch() -> None:
    rows = [file_values(path=f"{i}.txt") for i in range(5)]
    assert FILES.to_arrow(rows).num_rows == 5
    assert FILES.to_arrow([]).schema == FILES.schema
    rows[3] = {**rows[3], "extra": 1}
    with pytest.raises(RowError, match=r"^files row 3: unknown column\(s\) extra$"):
        FILES.to_arrow(rows)
    rows[3] = {k: v for k, v in file_values(path="3.txt").items() if k != "mtime_ns"}
    with pytest.raises(RowError, match=r"^files row 3: missing column\(s\) mtime_ns$"):
        FILES.to_arrow(rows)
    rows[3] = file_values(path="3.txt", status="skipped")
    with pytest.raises(RowError, match=r"^files.status \(row 3\): 'skipped' not one of published, duplicate"):
        FILES.to_arrow(rows)
    rows[3] = file_values(path="3.txt", size_bytes="large")
    with pytest.raises(RowError, match=r"^files.size_bytes: values are not int64"):
        FILES.to_arrow(rows)
    rows[3] = file_values(path="3.txt", status=None)
    assert FILES.to_arrow(rows).column("status").null_count == 1


def test_to_arrow_names_the_column_of_a_value_of_the_wrong_type() -> None:
    article = dict(
        article_id="a1", source_path="2026/11/story.txt", source_sha256="f" * 64, published_date="2026-11-28",
        section="WORLD", headline="Peskov says talks resume", standfirst=None, image_caption=None,
        image_credit=None, body="Talks went on.", paragraph_count=1, word_count=3, run_id="r1",
        published_month="2026-11", story_id="a1", similarity=1.0,
    )
    with pytest.raises(RowError, match=r"^articles.published_date: values are not date32\[day\]"):
        ARTICLES.to_arrow([article])
    entity = dict(article_id="a1", entity_id="e1", name="Dmitry Peskov", label="PERSON", mention_count=3,
                  surface_forms=["Dmitry Peskov", "Peskov"], surface_form_mentions=[1, "two"],
                  gender=None, gender_evidence=None, published_month="2026-11")
    with pytest.raises(RowError, match=r"^entities.surface_form_mentions: values are not list<item: int32>"):
        ENTITIES.to_arrow([entity])
    assert ARTICLES.to_arrow([{**article, "published_date": date(2026, 11, 28)}]).num_rows == 1


def test_to_arrow_costs_little_beside_building_the_table() -> None:
    """The checks are a key-set comparison per row and a pyarrow unique per value-set column."""
    rows = [QUOTES.row(quote_id=f"q{i}", article_id=f"a{i // 9}", field=TEXT_FIELDS[i % 3], paragraph_index=i % 8,
                       char_start=i, char_end=i + 20, text="the talks were constructive", quote_type=QUOTE_TYPES[i % 2],
                       speaker="Dmitry Peskov", speaker_mention="Peskov", speaker_entity_id="e1", cue="say",
                       cue_class="speech", speaker_role="spokesman", speaker_affiliation="Kremlin",
                       speaker_affiliation_entity_id="e2", published_month="2026-11") for i in range(5000)]

    def best(build) -> float:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            build(rows)
            times.append(time.perf_counter() - started)
        return min(times)

    plain = best(lambda r: pa.Table.from_pylist(r, schema=QUOTES.schema))
    checked = best(QUOTES.to_arrow)
    assert checked - plain < 0.5 * plain + 0.005, (plain, checked)


def test_the_storage_schema_is_the_schema_without_comments() -> None:
    assert FILES.storage_schema.names == FILES.columns
    assert all(not f.metadata for f in FILES.storage_schema)
    assert [(f.type, f.nullable) for f in FILES.storage_schema] == [(f.type, f.nullable) for f in FILES.schema]
    assert FILES.schema.field("path").nullable is False and FILES.schema.field("reason").nullable is True


def test_the_storage_schema_appends_to_tables_stored_with_other_comments(tmp_path) -> None:
    """Delta refuses a changed column comment; written without comments, rows append to any earlier table."""
    from deltalake import DeltaTable, write_deltalake

    rows = FILES.to_arrow([FILES.row(**file_values())])
    earlier = pa.schema([f.with_metadata({"comment": "an older comment"}) for f in FILES.schema])
    write_deltalake(str(tmp_path), rows.cast(earlier))
    with pytest.raises(Exception, match="comment"):
        write_deltalake(str(tmp_path), rows, mode="append", schema_mode="merge")
    write_deltalake(str(tmp_path), rows.cast(FILES.storage_schema), mode="append", schema_mode="merge")
    assert DeltaTable(str(tmp_path)).to_pyarrow_table().num_rows == 2


def test_a_string_where_a_list_is_expected_is_refused_not_split_into_characters() -> None:
    from warehouse.schema import ENTITIES

    row = {c: None for c in ENTITIES.columns} | {
        "article_id": "a1", "entity_id": "e1", "name": "Dmitry Peskov", "label": "PERSON", "mention_count": 1,
        "surface_forms": "Peskov", "surface_form_mentions": [1], "published_month": "2024-03"}
    with pytest.raises(RowError, match=r"^entities\.surface_forms \(row 0\): a string where a list is expected$"):
        ENTITIES.to_arrow([row])
