"""One sentence or paragraph through the real pipeline: entities, quotes and the people facts."""

from __future__ import annotations

import pytest

from transforms.entities import extract_entities
from transforms.people import describe_people
from transforms.quotes import extract_quotes


@pytest.fixture
def people(nlp):
    def run(text: str):
        docs = {"body": nlp(text)}
        entities = extract_entities(docs)
        quotes = extract_quotes(docs, entities)
        return entities, quotes, describe_people(docs, entities, quotes)

    return run


@pytest.fixture
def described(people):
    """speaker -> (role, affiliation) of their statements in the text (the first statement's)."""
    def run(text: str) -> dict[str, tuple[str | None, str | None]]:
        _, quotes, facts = people(text)
        out: dict[str, tuple[str | None, str | None]] = {}
        for q, d in zip(quotes, facts.quotes, strict=True):
            if q.speaker:
                out.setdefault(q.speaker, (d.role, d.affiliation))
        return out

    return run
