"""What the gate derives in pandas before GX: each quote's span of its article's text, and the batch's
`$PARAMETER` values (referenced ids, published files, date bounds)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from expectations.derived import (
    ARTICLE_IDS,
    EARLIEST,
    ENTITY_IDS,
    FILE_ARTICLE_IDS,
    LATEST,
    PUBLISHED_FILES,
    PUBLISHED_PATHS,
    QUOTED_SPAN,
    STORY_FIRST_DATE,
    STORY_FIRST_STORY,
    STORY_IDS,
    expectation_parameters,
    referenced_values,
    unresolved_column,
    with_quoted_spans,
    with_story_firsts,
    with_unresolved,
)
from tests.expectations.test_gate import TODAY, _file, _frame
from transforms.article import EARLIEST_DATE, MAX_DAYS_AHEAD
from warehouse.schema import ARTICLES, ENTITIES, FILES, QUOTES

TEXTS = {
    "a1": {"headline": 'Peskov says "the door remains open" as talks resume', "standfirst": None,
           "body": 'Talks went on for a third day.\n\n"Nobody wants a wider war," Peskov told reporters in Moscow.'},
    "a2": {"headline": 'Scholz warns of "a dangerous escalation"', "body": "Berlin was quiet.",
           "standfirst": 'Berlin says "our position has not changed" after the call.'},
}


def articles() -> pd.DataFrame:
    return _frame(ARTICLES, [{"article_id": aid, "source_path": f"2026/11/{aid}.txt", **fields}
                             for aid, fields in TEXTS.items()])


def quote(qid: str, aid: str | None, field: str | None, words: str, start: int | None, end: int | None) -> dict:
    return {"quote_id": qid, "article_id": aid, "field": field, "char_start": start, "char_end": end, "text": words}


def found(qid: str, aid: str, field: str, words: str) -> dict:
    """A quote whose offsets are found in its article's text, as the parser finds them."""
    start = TEXTS[aid][field].index(words)
    return quote(qid, aid, field, words, start, start + len(words))


QUOTE_ROWS = {  # quote -> the span it should get
    "q-headline": (found("q-headline", "a1", "headline", "the door remains open"), "the door remains open"),
    "q-body": (found("q-body", "a1", "body", "Nobody wants a wider war"), "Nobody wants a wider war"),
    "q-standfirst": (found("q-standfirst", "a2", "standfirst", "our position has not changed"),
                     "our position has not changed"),
    "q-absent-standfirst": (quote("q-absent-standfirst", "a1", "standfirst", "talks", 0, 5), ""),
    "q-null-end": (quote("q-null-end", "a1", "body", "Nobody", 33, None), None),
    "q-null-start": (quote("q-null-start", "a1", "body", "Nobody", None, 39), None),
    "q-end-past-text": (quote("q-end-past-text", "a2", "headline", "a dangerous escalation", 17, 60),
                        'a dangerous escalation"'),
    "q-start-past-text": (quote("q-start-past-text", "a2", "body", "quiet", 80, 85), ""),
    "q-unknown-article": (quote("q-unknown-article", "0000deadbeef0000", "body", "war", 0, 3), None),
    "q-null-article": (quote("q-null-article", None, "body", "war", 0, 3), None),
    "q-unknown-field": (quote("q-unknown-field", "a1", "caption", "war", 0, 3), None),
    "q-null-field": (quote("q-null-field", "a1", None, "war", 0, 3), None),
}


def quotes() -> pd.DataFrame:
    return _frame(QUOTES, [row for row, _ in QUOTE_ROWS.values()])


def spans(frame: pd.DataFrame) -> dict[str, str | None]:
    return {q: (None if pd.isna(s) else s) for q, s in zip(frame["quote_id"], frame[QUOTED_SPAN], strict=True)}


def test_each_quote_gets_its_span_or_null_when_it_cannot_have_one() -> None:
    frame = quotes()
    assert frame["char_end"].isna().sum() == 1  # NULL offsets as pyarrow hands them to pandas: NaN in a float column
    got = with_quoted_spans(frame, articles())
    assert spans(got) == {q: span for q, (_, span) in QUOTE_ROWS.items()}
    assert (got["text"] == got[QUOTED_SPAN])[:3].all()
    assert QUOTED_SPAN not in frame.columns  # the caller's frame is left alone
    assert list(got.columns) == [*frame.columns, QUOTED_SPAN]


def test_nullable_integer_offsets_and_a_filtered_index_give_the_same_spans() -> None:
    frame = quotes().astype({"char_start": "Int32", "char_end": "Int32"}).iloc[::-1]
    frame.index = frame.index + 100
    got = with_quoted_spans(frame, articles())
    assert spans(got) == {q: span for q, (_, span) in QUOTE_ROWS.items()}
    assert list(got.index) == list(frame.index)


def test_a_batch_without_quotes_gets_an_empty_span_column() -> None:
    got = with_quoted_spans(_frame(QUOTES, []), _frame(ARTICLES, []))
    assert got.empty and QUOTED_SPAN in got.columns


def batch(published_dates: pd.Series | None = None) -> dict[str, pd.DataFrame]:
    arts = articles()
    if published_dates is not None:
        arts["published_date"] = published_dates
    entities = _frame(ENTITIES, [
        {"article_id": aid, "entity_id": eid, "name": name, "label": label, "surface_forms": [name],
         "surface_form_mentions": [1]}
        for aid, eid, name, label in [("a1", "e-peskov", "Dmitry Peskov", "PERSON"),
                                      ("a2", "e-peskov", "Dmitry Peskov", "PERSON"),
                                      ("a2", "e-berlin", "Berlin", "GPE"),
                                      ("a2", None, "Scholz", "PERSON")]
    ])
    files = _frame(FILES, [
        _file("2026/11/a1.txt", "published", None, "a1", 1),
        _file("2026/11/a2.txt", "published", None, "a2", 2),
        _file("2026/11/copy.txt", "duplicate", "same bytes as 2026/11/a1.txt", "a1", 3),
        _file("2026/11/empty.txt", "quarantined", "file holds only whitespace", None, 4),
        _file("2026/10/old.txt", "published", None, "a-old", 5),  # touched: published by an earlier run
        _file("2026/11/lost.txt", "published", None, "a-lost", 6),  # its article is nowhere: left to the gate
    ])
    return {"articles": arts, "quotes": quotes(), "entities": entities, "files": files}


def test_referenced_values_hold_the_batchs_ids_and_what_it_publishes() -> None:
    values = referenced_values(batch(), committed_article_ids={"a-old", "a-unrelated"})
    assert values == {
        ARTICLE_IDS: ["a1", "a2"],
        FILE_ARTICLE_IDS: ["a1", "a2", "a-old"],  # only the committed ids the batch's files name
        ENTITY_IDS: ["e-peskov", "e-berlin"],
        PUBLISHED_PATHS: ["2026/11/a1.txt", "2026/11/a2.txt", "2026/11/lost.txt"],
        STORY_IDS: ["a1", "a2"],
    }
    params = expectation_parameters(batch(), TODAY, committed_article_ids={"a-old", "a-unrelated"})
    assert params == {PUBLISHED_FILES: 3, EARLIEST: EARLIEST_DATE, LATEST: TODAY + timedelta(days=MAX_DAYS_AHEAD)}
    # without the committed ids, the touched file counts as a publication whose article is missing
    assert referenced_values(batch())[FILE_ARTICLE_IDS] == ["a1", "a2"]
    assert expectation_parameters(batch(), TODAY)[PUBLISHED_FILES] == 4


def test_the_unresolved_column_holds_exactly_the_values_that_name_nothing() -> None:
    frame = pd.DataFrame({"speaker_entity_id": ["e1", None, "e9", "e2", "e9"], "n": range(5)},
                         index=[10, 11, 12, 13, 14]).astype({"speaker_entity_id": "str"})
    got = with_unresolved(frame, "speaker_entity_id", ["e1", "e2"])
    assert unresolved_column("speaker_entity_id") == "speaker_entity_id_unresolved"
    assert got["speaker_entity_id_unresolved"].tolist() == [None, None, "e9", None, "e9"]
    assert list(got.index) == list(frame.index) and got["n"].tolist() == list(range(5))  # rows kept, in order
    assert "speaker_entity_id_unresolved" not in frame.columns  # the input is not changed
    assert with_unresolved(frame.iloc[:0], "speaker_entity_id", [])["speaker_entity_id_unresolved"].empty


@pytest.mark.parametrize(("dates", "bound"), [
    (pd.Series([date(2026, 11, 27), None], dtype=object), date),
    (pd.Series(["2026-11-27", None], dtype="datetime64[ns]"), pd.Timestamp),
    (pd.Series([None, None], dtype=object), date),
], ids=["dates", "datetime64", "all-null"])
def test_date_bounds_compare_with_the_dates_as_given(dates: pd.Series, bound: type) -> None:
    params = expectation_parameters(batch(dates), TODAY)
    assert type(params[EARLIEST]) is bound and type(params[LATEST]) is bound
    assert pd.Timestamp(params[LATEST]) == pd.Timestamp(TODAY + timedelta(days=MAX_DAYS_AHEAD))


def test_timezone_aware_dates_get_bounds_in_their_zone() -> None:
    dates = pd.Series(pd.to_datetime(["2026-11-27", "2026-11-28"]).tz_localize("UTC"))
    params = expectation_parameters(batch(dates), TODAY)
    assert params[EARLIEST] == pd.Timestamp(EARLIEST_DATE, tz="UTC")
    assert (dates <= params[LATEST]).all() and (dates >= params[EARLIEST]).all()  # comparable without a TypeError


def test_story_ids_may_name_the_batch_s_articles_or_committed_ones_only() -> None:
    b = batch()
    b["articles"] = b["articles"].assign(story_id=["a1", "a-committed"])
    assert referenced_values(b, committed_stories={"a-committed": None})[STORY_IDS] == ["a1", "a2", "a-committed"]
    assert referenced_values(b)[STORY_IDS] == ["a1", "a2"]  # a-committed: a dangling story


def test_each_article_gets_the_date_and_story_of_its_story_s_first_article() -> None:
    frame = articles().assign(published_date=[date(2026, 11, 20), date(2026, 11, 21)],
                              story_id=["a1", "a-old"])
    out = with_story_firsts(frame, {"a-old": (date(2026, 11, 2), "a-older")})
    assert out[STORY_FIRST_DATE].tolist() == [date(2026, 11, 20), date(2026, 11, 2)]
    assert out[STORY_FIRST_STORY].tolist() == ["a1", "a-older"]
    assert with_story_firsts(frame, {})[STORY_FIRST_DATE].tolist() == [date(2026, 11, 20), None]
    stamps = frame.assign(published_date=pd.to_datetime(frame["published_date"]))
    assert with_story_firsts(stamps, {"a-old": (date(2026, 11, 2), "a-old")})[STORY_FIRST_DATE].tolist()[1] == \
        pd.Timestamp("2026-11-02")
