"""Quote and Attribution (transforms.quotes.types): the record each quote becomes and what the
attribution rules pass between them."""

from __future__ import annotations

import dataclasses

import pytest

from transforms.entities import Entity
from transforms.quotes import Quote
from transforms.quotes.types import Attribution


def test_quote_fields_are_the_quote_rows_columns_in_order_then_the_coordination() -> None:
    # co_speakers and conjunct say which speaker of a coordinated subject a row is (its quote_id)
    assert [f.name for f in dataclasses.fields(Quote)] == [
        "field",
        "paragraph_index",
        "char_start",
        "char_end",
        "text",
        "quote_type",
        "speaker",
        "speaker_mention",
        "speaker_entity_id",
        "cue",
        "cue_class",
        "co_speakers",
        "conjunct",
    ]


def test_quote_and_attribution_are_frozen_values() -> None:
    q = Quote("body", 0, 1, 10, "We won it", "direct", "Owen Tabb", "Tabb", None, "say")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.speaker = "someone else"  # type: ignore[misc]
    assert q == Quote("body", 0, 1, 10, "We won it", "direct", "Owen Tabb", "Tabb", None, "say")
    owen = Entity("Owen Tabb", "PERSON")
    attr = Attribution(mention="he", speaker="Owen Tabb", entity=owen, cue="say")
    with pytest.raises(dataclasses.FrozenInstanceError):
        attr.cue = "add"  # type: ignore[misc]
    assert attr.entity is owen
