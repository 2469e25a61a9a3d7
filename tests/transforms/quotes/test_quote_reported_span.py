"""The content's ends (transforms.quotes.reported_span): within the cue's paragraph, without a
leading `that` or lone marks, and with the contents coordinated with it. Sentences written for these
tests (fictional people)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Token

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, Quote, field_quotes
from transforms.quotes.context import FieldContext
from transforms.quotes.reported_span import content_span

Context = Callable[..., FieldContext]
MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])


def word(ctx: FieldContext, text: str, nth: int = 0) -> Token:
    return [t for t in ctx.doc if t.text == text][nth]


@pytest.fixture(scope="module")
def statements(nlp: Language) -> Callable[[str], list[Quote]]:
    """The reported rows of a body text mentioning Mara Lindqvist and Owen Tabb, each checked
    against the invariant text == field_text[char_start:char_end]."""

    def run(text: str) -> list[Quote]:
        doc = nlp(text)
        rows = field_quotes("body", doc, entities({"body": doc}, MARA, OWEN))
        assert all(q.text == text[q.char_start : q.char_end] for q in rows), rows
        return [q for q in rows if q.quote_type == INDIRECT]

    return run


def test_content_span_trims_that_punctuation_and_lone_marks(context: Context) -> None:
    text = "Mara Lindqvist said that the bridge would open in May."
    ctx = context(text, MARA)
    said = word(ctx, "said")
    start, end = content_span(ctx, said.i + 1, len(ctx.doc) - 1, said.i) or (0, 0)
    assert text[start:end] == "the bridge would open in May"
    text = 'Owen Tabb said the plan was "dead on arrival" and would be dropped.'
    ctx = context(text, OWEN)
    said = word(ctx, "said")
    start, end = content_span(ctx, said.i + 1, len(ctx.doc) - 1, said.i) or (0, 0)
    assert text[start:end] == 'the plan was "dead on arrival" and would be dropped'  # a whole quote keeps its marks


def test_content_span_of_nothing_but_punctuation_is_none(context: Context) -> None:
    ctx = context("Owen Tabb said: ... !", OWEN)
    said = word(ctx, "said")
    assert content_span(ctx, said.i + 1, len(ctx.doc) - 1, said.i) is None


def test_content_span_keeps_to_the_cues_paragraph(context: Context) -> None:
    text = "Mara Lindqvist said the bridge was safe\n\nThe repairs will finish in June"
    ctx = context(text, MARA)
    said = word(ctx, "said")
    start, end = content_span(ctx, said.i + 1, len(ctx.doc) - 1, said.i) or (0, 0)
    assert text[start:end] == "the bridge was safe"


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        # the second content hangs on the verb, with its own `that`
        (
            "Mara Lindqvist said the bridge was safe, and that the ferry would resume in May.",
            "say",
            "the bridge was safe, and that the ferry would resume in May",
        ),
        # `but that`: still the speaker's words, not the writer's contrast
        (
            "Owen Tabb said the levy was high, but that the council had no other choice.",
            "say",
            "the levy was high, but that the council had no other choice",
        ),
        (
            "Owen Tabb believes the port can recover, but that it will take a decade.",
            "believe",
            "the port can recover, but that it will take a decade",
        ),
    ],
)
def test_a_content_coordinated_with_that_is_part_of_the_content(
    statements: Callable[[str], list[Quote]], sentence: str, cue: str, content: str
) -> None:
    rows = [q for q in statements(sentence) if q.cue == cue]
    assert [q.text for q in rows] == [content], rows


def test_a_contrast_without_that_is_still_the_writers(statements: Callable[[str], list[Quote]]) -> None:
    rows = statements("Owen Tabb said the levy was high, but the council has since cut it.")
    assert [q.text for q in rows if q.cue == "say"] == ["the levy was high"]
