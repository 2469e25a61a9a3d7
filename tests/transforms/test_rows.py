"""An annotated article to its rows: the columns of the warehouse's tables, with stable ids."""

from __future__ import annotations

from datetime import date

from tests.articles import HARBOUR
from transforms.article import parse_article
from transforms.clean import clean_text
from transforms.nlp import annotate
from transforms.rows import article_id_for, build_rows
from warehouse.schema import ARTICLES, ENTITIES, QUOTES

TODAY = date(2026, 11, 29)


def rows_of(nlp, text: str):
    article = parse_article(clean_text(text), TODAY)
    [docs] = annotate(nlp, [article])
    return article, docs, build_rows(article, docs, "business/harbour.txt", "f" * 64)


def test_rows_have_exactly_the_tables_columns_less_what_the_writer_adds(nlp):
    _, _, rows = rows_of(nlp, HARBOUR)
    assert set(rows.article) == set(ARTICLES.columns) - {"run_id", "story_id", "similarity"}
    assert all(set(q) == set(QUOTES.columns) for q in rows.quotes)
    assert all(set(e) == set(ENTITIES.columns) for e in rows.entities)


def test_quote_offsets_point_into_the_field_and_ids_are_stable(nlp):
    article, docs, rows = rows_of(nlp, HARBOUR)
    for q in rows.quotes:
        assert docs[q["field"]].text[q["char_start"] : q["char_end"]] == q["text"]
    again = rows_of(nlp, HARBOUR)[2]
    assert [q["quote_id"] for q in rows.quotes] == [q["quote_id"] for q in again.quotes]
    assert len({q["quote_id"] for q in rows.quotes}) == len(rows.quotes)
    assert rows.article["article_id"] == article_id_for(article)
    assert rows.article["published_month"] == "2024-03" and rows.article["paragraph_count"] == 6
    assert rows.article["source_path"] == "business/harbour.txt"


def test_entity_rows_count_mentions_per_spelling(nlp):
    _, _, rows = rows_of(nlp, HARBOUR)
    greer = next(e for e in rows.entities if e["name"] == "Tomas Greer")
    assert dict(zip(greer["surface_forms"], greer["surface_form_mentions"], strict=True)) == {
        "Greer": 1, "Tomas Greer": 1}
    assert greer["mention_count"] == 2


def test_each_speaker_of_a_coordinated_subject_has_a_row_with_its_own_id(nlp):
    text = ("date 2024-03-05 BUSINESS\nPort to reopen\n\n"
            "Senators Ana Lopez and Mark Brennan said the port would reopen in May.\n")
    _, _, rows = rows_of(nlp, text)
    said = [q for q in rows.quotes if q["text"].startswith("the port would reopen")]
    assert sorted(q["speaker"] for q in said) == ["Ana Lopez", "Mark Brennan"]
    assert len({q["quote_id"] for q in said}) == 2
    assert all((q["char_start"], q["char_end"], q["cue"]) == (said[0]["char_start"], said[0]["char_end"], "say")
               for q in said)
