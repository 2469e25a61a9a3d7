"""Raw files to results: each file's bytes become its rows, or a one-line reason it cannot be."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from instrumentation.stopwatch import Stopwatch
from transforms.article import ParsedArticle, parse_article
from transforms.clean import clean_text, decode_bytes
from transforms.errors import QuarantineError
from transforms.stories import signature

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class RawFile:
    path: str
    data: bytes
    mtime_ns: int


@dataclass
class FileResult:
    """What processing one landing file produced: rows, or the reason it was quarantined."""

    path: str
    sha256: str
    size_bytes: int
    mtime_ns: int
    article: dict[str, Any] | None = None
    quotes: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    seconds: float = 0.0
    retry: bool = False  # not read for a passing reason (gone or changed mid-run): read again next run
    # The MinHash signature of the article's body (transforms.stories.signature; None: no words), worked
    # out here, in the worker, so that assigning stories in the flow's commit only looks it up.
    signature: Any = None


@dataclass
class BatchResult:
    """A batch's results, in input order, and the seconds its stages took."""

    files: list[FileResult]
    stages: Counter[str] = field(default_factory=Counter)


def quarantined(path: str, sha256: str, size: int, mtime_ns: int, reason: str) -> FileResult:
    return FileResult(path, sha256, size, mtime_ns, reason=reason)


def process_files(nlp: Language, files: Sequence[RawFile], today: date) -> BatchResult:
    """Decode, clean, parse, annotate and split each file into rows, in input order. A file that
    cannot be read as an article is quarantined with its reason; it never fails the others. The
    annotation runs in an `nlp.memory_zone()`: `nlp`'s string store is the same size after as before."""
    # Here, not at the top: the flow's process imports this module for its result types, and has no use for
    # spaCy (a second of start-up) or the rules.
    from transforms.nlp import annotate
    from transforms.rows import build_rows

    clock = Stopwatch()
    results: list[FileResult] = []
    parsed: list[tuple[int, ParsedArticle]] = []
    for f in files:
        t0 = time.perf_counter()
        with clock.stage("parse"):
            res = FileResult(f.path, hashlib.sha256(f.data).hexdigest(), len(f.data), f.mtime_ns)
            try:
                parsed.append((len(results), parse_article(clean_text(decode_bytes(f.data)), today)))
            except QuarantineError as exc:
                res.reason = str(exc)
        res.seconds = time.perf_counter() - t0
        results.append(res)
    # Strings spaCy meets while annotating the batch (every new word, name, number) are dropped at the end of
    # the zone, with the docs: a long-lived worker's string store stays the model's own size however many
    # articles it reads. Nothing spaCy made leaves the zone: the rows are plain data.
    with nlp.memory_zone():
        t0 = time.perf_counter()
        with clock.stage("nlp"):
            docs = list(annotate(nlp, [a for _, a in parsed]))
        nlp_share = (time.perf_counter() - t0) / max(1, len(parsed))
        started = time.perf_counter()
        for (i, article), article_docs in zip(parsed, docs, strict=True):
            res = results[i]
            t0 = time.perf_counter()
            try:
                rows = build_rows(article, article_docs, res.path, res.sha256, clock)
                with clock.stage("sign"):
                    sign = signature(rows.article["body"])
            except Exception as exc:  # a bug on one article must not cost the batch: keep the file, say why
                res.reason = f"could not be split into rows: {type(exc).__name__}: {exc}"[:300]
            else:
                res.article, res.quotes, res.entities, res.signature = rows.article, rows.quotes, rows.entities, sign
            res.seconds += nlp_share + time.perf_counter() - t0
        docs.clear()  # the docs point into the zone's memory
    # what building rows took beyond the entity and quote stages timed inside it
    clock.seconds["rows"] = (time.perf_counter() - started - clock.seconds["entities"] - clock.seconds["quotes"]
                             - clock.seconds["sign"])
    return BatchResult(results, clock.seconds)
