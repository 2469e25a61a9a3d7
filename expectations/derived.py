"""What the gate computes in pandas before GX sees a batch: the facts that span tables.

GX validates one dataframe at a time, so a check that needs a second table gets it here, either as a
derived column (the quoted span, which needs the article's text; each reference's unresolved values) or as
an expectation parameter bound at run time with GX's `$PARAMETER` syntax (today's bounds, the number of files
the batch publishes).

A reference is checked through a derived column rather than an in-set expectation over the referenced
values: GX rebuilds each expectation's configuration dozens of times per validation, and a configuration
holding the batch's thousands of ids made that most of a commit's validation time.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd

from transforms.article import EARLIEST_DATE, MAX_DAYS_AHEAD
from warehouse.schema import PUBLISHED, TEXT_FIELDS

# The derived column of quotes: the characters [char_start:char_end] of the quote's field in its article.
QUOTED_SPAN = "quoted_span"

# The values a batch's references may take, by name (expectations.suites.REFERENCE_CHECKS says which is
# whose): see referenced_values.
ARTICLE_IDS = "article_ids"
FILE_ARTICLE_IDS = "file_article_ids"
ENTITY_IDS = "entity_ids"
STORY_IDS = "story_ids"
PUBLISHED_PATHS = "published_paths"
# Expectation parameter names, as the suites spell them in {"$PARAMETER": name}: see expectation_parameters.
PUBLISHED_FILES = "published_files"
EARLIEST = "earliest_date"
LATEST = "latest_date"

# The derived column of a checked column: its value where that names nothing the batch may refer to, NULL
# where it does (or is NULL itself).
UNRESOLVED_SUFFIX = "_unresolved"


def unresolved_column(column: str) -> str:
    """The name of `column`'s derived column of unresolved values: `article_id` -> `article_id_unresolved`."""
    return column + UNRESOLVED_SUFFIX


def with_unresolved(frame: pd.DataFrame, column: str, allowed: Collection[Any]) -> pd.DataFrame:
    """`frame` with unresolved_column(column): the value of `column` where it is not NULL and not in
    `allowed`, NULL elsewhere, so that GX names the offending values and rows of a not-null check on it."""
    values = frame[column]
    derived = values.astype(object).where(values.notna() & ~values.isin(list(allowed)), None)
    return frame.assign(**{unresolved_column(column): derived})


def with_quoted_spans(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """`quotes` with QUOTED_SPAN added, so that GX can compare it with `text`.

    The span is NULL (and the row left to other expectations) when the offsets, the field or the
    article are missing or unknown: not-null, value-set and reference expectations name those rows,
    and the offsets expectation then names only rows whose offsets really miss their text."""
    texts = {field: dict(zip(articles["article_id"], articles[field], strict=True)) for field in TEXT_FIELDS}
    spans = [
        _span(texts, article_id, field, start, end)
        for article_id, field, start, end in zip(
            quotes["article_id"], quotes["field"], quotes["char_start"], quotes["char_end"], strict=True
        )
    ]
    return quotes.assign(**{QUOTED_SPAN: pd.Series(spans, index=quotes.index, dtype=object)})


# The derived columns of articles: the publication date and the story of the article each row's story_id names.
STORY_FIRST_DATE = "story_first_date"
STORY_FIRST_STORY = "story_first_story"


def with_story_firsts(articles: pd.DataFrame, committed: Mapping[str, tuple[date, str]]) -> pd.DataFrame:
    """`articles` with STORY_FIRST_DATE and STORY_FIRST_STORY: for each row, the published_date and story_id of
    the article its story_id names, from the batch itself or else `committed` (story_id -> (date, story_id)
    of articles committed before). NULL when the story_id names no article known (the reference check
    names that row)."""
    own = dict(zip(articles["article_id"], zip(articles["published_date"], articles["story_id"], strict=True),
                   strict=True))
    values = articles["published_date"].dropna()
    stamp = isinstance(values.iloc[0], datetime) if len(values) else False
    tz = values.iloc[0].tzinfo if stamp else None
    dates, stories = [], []
    for sid in articles["story_id"]:
        found = own.get(sid) if not pd.isna(sid) else None
        if found is None and not pd.isna(sid) and sid in committed:
            day, story = committed[sid]
            found = (pd.Timestamp(day, tz=tz) if stamp else day, story)
        dates.append(None if found is None else found[0])
        stories.append(None if found is None else found[1])
    return articles.assign(**{STORY_FIRST_DATE: pd.Series(dates, index=articles.index, dtype=object),
                              STORY_FIRST_STORY: pd.Series(stories, index=articles.index, dtype=object)})


def _span(texts: dict[str, dict[Any, Any]], article_id: Any, field: Any, start: Any, end: Any) -> str | None:
    if pd.isna(article_id) or field not in texts or pd.isna(start) or pd.isna(end):
        return None
    by_article = texts[field]
    if article_id not in by_article:
        return None
    text = by_article[article_id]
    # An absent standfirst has no characters: any span claimed in it is empty and cannot match the quote.
    return ("" if pd.isna(text) else text)[int(start) : int(end)]


def referenced_values(
    batch: Mapping[str, pd.DataFrame], committed_article_ids: Collection[str] = (),
    committed_stories: Collection[str] = (),
) -> dict[str, list[Any]]:
    """What the batch's references may name, by name (ARTICLE_IDS, ...).

    `committed_article_ids` are articles committed before this batch. A file touched since then (same
    bytes, new mtime) is recorded again with its earlier status: a published row whose article is
    committed and not in the batch re-records an earlier publication, so it is neither counted among
    the batch's publications nor a dangling reference. `committed_stories` are the committed articles the
    batch's story_id values may name (the first articles of their stories)."""
    articles, entities, files = batch["articles"], batch["entities"], batch["files"]
    article_ids = articles["article_id"].dropna().unique().tolist()
    in_batch = set(article_ids)
    committed = _touched_committed(files, in_batch, committed_article_ids)
    return {
        ARTICLE_IDS: article_ids,
        # only the committed ids this batch's files name
        FILE_ARTICLE_IDS: article_ids + committed,
        ENTITY_IDS: entities["entity_id"].dropna().unique().tolist(),
        # only the committed stories this batch's articles name, like FILE_ARTICLE_IDS
        STORY_IDS: article_ids + [s for s in articles["story_id"].dropna().unique()
                                  if s not in in_batch and (s in committed_stories or s in committed_article_ids)],
        PUBLISHED_PATHS: _publishing(files, committed)["path"].dropna().unique().tolist(),
    }


def expectation_parameters(
    batch: Mapping[str, pd.DataFrame], today: date, committed_article_ids: Collection[str] = (),
) -> dict[str, Any]:
    """The `$PARAMETER` values the suites need for this batch: the bounds of a plausible publication date,
    and how many files the batch publishes (a touched file's re-recorded publication aside, see
    referenced_values)."""
    articles, files = batch["articles"], batch["files"]
    committed = _touched_committed(files, set(articles["article_id"].dropna()), committed_article_ids)
    earliest, latest = _date_bounds(articles["published_date"], EARLIEST_DATE, today + timedelta(days=MAX_DAYS_AHEAD))
    return {PUBLISHED_FILES: len(_publishing(files, committed)), EARLIEST: earliest, LATEST: latest}


def _touched_committed(files: pd.DataFrame, in_batch: set[Any], committed_article_ids: Collection[str]) -> list[Any]:
    """The committed articles this batch's files name without the batch holding them (touched files)."""
    return [a for a in files["article_id"].dropna().unique() if a not in in_batch and a in committed_article_ids]


def _publishing(files: pd.DataFrame, committed: list[Any]) -> pd.DataFrame:
    published = files[files["status"] == PUBLISHED]
    return published[~published["article_id"].isin(committed)]


def _date_bounds(column: pd.Series, earliest: date, latest: date) -> tuple[Any, Any]:
    # GX compares each value with the bounds as given, and a Timestamp does not compare with a date:
    # dates read as datetime64 (or pyarrow timestamps) come out as Timestamps and take Timestamp bounds;
    # Python or pyarrow dates keep date bounds.
    values = column.dropna()
    first = values.iloc[0] if len(values) else None
    if isinstance(first, datetime):
        return pd.Timestamp(earliest, tz=first.tzinfo), pd.Timestamp(latest, tz=first.tzinfo)
    return earliest, latest
