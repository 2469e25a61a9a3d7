"""FieldContext (transforms.quotes.context): the token bookkeeping every quote rule reads."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from transforms.quotes.context import FieldContext, is_mark, paragraph_starts

Context = Callable[..., FieldContext]
MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
TEXT = 'Mara Lindqvist opened the session.\n\n"We start now," she said. Lindqvist then left.'


def test_paragraph_starts_follow_runs_of_line_breaks() -> None:
    assert paragraph_starts("") == [0]
    assert paragraph_starts("One.\n\nTwo.\nThree.") == [0, 6, 11]
    assert paragraph_starts("One.\n\n\n") == [0, 7]


def test_quote_of_marks_the_tokens_of_each_quote(context: Context) -> None:
    ctx = context(TEXT, MARA)
    [raw] = ctx.spans
    assert ctx.text[raw.start : raw.end] == "We start now,"
    inside = [t.text for t in ctx.doc if ctx.quote_of[t.i] == 0]
    assert inside == ["We", "start", "now", ","]
    assert ctx.token_spans[0].text == "We start now,"


def test_paragraph_and_paragraph_opening(context: Context) -> None:
    ctx = context(TEXT, MARA)
    [raw] = ctx.spans
    assert ctx.paragraph(0) == 0
    assert ctx.paragraph(raw.start) == 1
    assert ctx.opens_paragraph(raw)
    later = context('Mara Lindqvist said "we start now".')
    assert not later.opens_paragraph(later.spans[0])


def test_quoted_and_narrative_tokens(context: Context) -> None:
    ctx = context(TEXT, MARA)
    by_text = {t.text: t for t in ctx.doc}
    assert ctx.quoted(by_text["start"]) and ctx.quoted(by_text['"'])
    assert not ctx.quoted(by_text["she"]) and ctx.in_narrative(by_text["she"])
    assert not ctx.in_narrative(by_text["\n\n"])  # a paragraph break is not a word of the narrative


def test_entity_mentions_are_indexed_by_token(context: Context) -> None:
    ctx = context(TEXT, MARA)
    [mara] = ctx.entities
    names = [t for t in ctx.doc if t.i in ctx.entity_of]
    assert [t.text for t in names] == ["Mara", "Lindqvist", "Lindqvist"]
    assert all(ctx.entity_of[t.i] is mara for t in names)
    # one (last token, entity) per mention, in text order: what pronoun resolution searches
    assert [(ctx.doc[i].text, e.name) for i, e in ctx.mentions] == [
        ("Lindqvist", "Mara Lindqvist"),
        ("Lindqvist", "Mara Lindqvist"),
    ]
    assert ctx.mentions[0][0] < ctx.mentions[1][0]


def test_mentions_of_other_fields_are_left_out(context: Context) -> None:
    ctx = context(TEXT, MARA)
    other = FieldContext("headline", ctx.doc, ctx.entities)
    assert other.entity_of == {} and other.mentions == []


def test_is_mark(nlp: Language) -> None:
    doc = nlp('“Yes,” he said of the ‘deal’ and the "vote".')
    assert [t.text for t in doc if is_mark(t)] == ["“", "”", "‘", "’", '"', '"']
