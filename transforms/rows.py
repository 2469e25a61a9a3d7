"""One parsed, annotated article to its rows of the articles, quotes and entities tables."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from instrumentation.stopwatch import Stopwatch
from transforms.article import ParsedArticle
from transforms.entities import Entity, extract_entities
from transforms.people import describe_people
from transforms.quotes import INDIRECT, Quote, extract_quotes

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


@dataclass
class ArticleRows:
    article: dict[str, Any]
    quotes: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)


def article_id_for(article: ParsedArticle) -> str:
    """Derived from what the article says, not from its file: the same article saved with other
    bytes (CRLF, a BOM, Windows-1252) or under another name gets the same id."""
    canonical = "\x1e".join([
        article.published_date.isoformat(), article.headline, article.standfirst or "", article.body,
    ])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def quote_id(article_id: str, quote: Quote) -> str:
    """Stable for the same words of the same article: a quotation by where its words start (as
    before reported speech existed), a reported statement by its start and end; the second and
    later speakers of a coordinated subject by their place among them as well."""
    key = f"{article_id}:{quote.field}:{quote.char_start}"
    if quote.quote_type == INDIRECT:
        key += f":{quote.char_end}:indirect"
    if quote.conjunct:
        key += f":speaker{quote.conjunct}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _form_counts(entity: Entity) -> list[int]:
    """How many of the entity's mentions are spelled as each of its surface forms, in their order."""
    counts = Counter(m.text for m in entity.mentions)
    return [counts[form] for form in entity.surface_forms]


def build_rows(
    article: ParsedArticle, docs: Mapping[str, Doc], source_path: str, source_sha256: str,
    stopwatch: Stopwatch | None = None,
) -> ArticleRows:
    """The article's rows; `run_id` is added by the writer when it commits them. The stopwatch,
    if given, times the entity and quote stages."""
    clock = stopwatch or Stopwatch()
    article_id = article_id_for(article)
    month = article.published_date.strftime("%Y-%m")
    with clock.stage("entities"):
        entities = extract_entities(docs, article.image_credit)
    with clock.stage("quotes"):
        quotes = extract_quotes(docs, entities)
    with clock.stage("people"):
        people = describe_people(docs, entities, quotes)
    row = {
        "article_id": article_id,
        "source_path": source_path,
        "source_sha256": source_sha256,
        "published_date": article.published_date,
        "section": article.section,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "image_caption": article.image_caption,
        "image_credit": article.image_credit,
        "body": article.body,
        "paragraph_count": len(article.paragraphs),
        "word_count": len(_WORD.findall(article.body)),
        "published_month": month,
    }
    quote_rows = [
        {
            "quote_id": quote_id(article_id, q),
            "article_id": article_id,
            "field": q.field,
            "paragraph_index": q.paragraph_index,
            "char_start": q.char_start,
            "char_end": q.char_end,
            "text": q.text,
            "quote_type": q.quote_type,
            "speaker": q.speaker,
            "speaker_mention": q.speaker_mention,
            "speaker_entity_id": q.speaker_entity_id,
            "cue": q.cue,
            "cue_class": q.cue_class,
            "speaker_role": d.role,
            "speaker_affiliation": d.affiliation,
            "speaker_affiliation_entity_id": d.affiliation_entity_id,
            "published_month": month,
        }
        for q, d in zip(quotes, people.quotes, strict=True)
    ]
    entity_rows = [
        {
            "article_id": article_id,
            "entity_id": e.entity_id,
            "name": e.name,
            "label": e.label,
            "mention_count": len(e.mentions),
            "surface_forms": e.surface_forms,
            "surface_form_mentions": _form_counts(e),
            "gender": people.genders.get(e.entity_id, (None, None))[0],
            "gender_evidence": people.genders.get(e.entity_id, (None, None))[1],
            "published_month": month,
        }
        for e in entities
    ]
    return ArticleRows(row, quote_rows, entity_rows)
