"""A helper for the newsroom-copy tests (issue 20): one article's text through the real pipeline
(cleaning, parsing, spaCy, entities, quotes), so that each test pins behaviour end to end."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from transforms.article import parse_article
from transforms.clean import clean_text
from transforms.entities import Entity, extract_entities
from transforms.nlp import annotate
from transforms.quotes import Quote, extract_quotes


def run(nlp: Language, body: str, headline: str = "Council meets to decide", standfirst: str | None = None
        ) -> tuple[list[Entity], list[Quote]]:
    """Entities and quotes of an article with this headline, standfirst and body (paragraphs
    separated by blank lines), as the pipeline makes them."""
    text = f"date 2026-03-01 NEWS\n{headline}\n" + (f"{standfirst}\n" if standfirst else "") + f"\n{body}\n"
    article = parse_article(clean_text(text), date(2026, 3, 2))
    docs = next(annotate(nlp, [article]))
    entities = extract_entities(docs)
    return entities, extract_quotes(docs, entities)


def quote(quotes: list[Quote], start: str) -> Quote:
    """The quotation (not reported statement) whose text starts so."""
    found = [q for q in quotes if q.text.startswith(start) and q.quote_type != "indirect"]
    assert found, f"no quote starts {start!r}: {[q.text[:30] for q in quotes]}"
    return found[0]


def entity(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert found, f"no entity {name!r}: {[(e.name, e.label) for e in entities]}"
    return found[0]
