"""Quoted terms nobody is reported as saying (transforms.quotes.quoted_terms): a short quotation inside
a sentence, held by no reported statement and with no reporting verb of its own, keeps no speaker;
a statement around it, its own verb, or more than a term's words keep one. Sentences written for
these tests (fictional people); entities built by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import PARTIAL, Quote, field_quotes
from transforms.quotes.quoted_terms import is_quoted_term, unspoken_terms
from transforms.quotes.types import Attribution

Quotes = Callable[[str], list[Quote]]
MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])


@pytest.fixture(scope="module")
def quotes(nlp: Language) -> Quotes:
    """The rows of a body text mentioning Mara Lindqvist and Owen Tabb, invariant checked."""

    def run(text: str) -> list[Quote]:
        doc = nlp(text)
        rows = field_quotes("body", doc, entities({"body": doc}, MARA, OWEN))
        assert all(q.text == text[q.char_start : q.char_end] for q in rows), rows
        return rows

    return run


def quoted(rows: list[Quote], text: str) -> Quote:
    return next(q for q in rows if q.text.strip(" .,") == text)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [('She ran as the "establishment" choice.', "establishment", True),
     ('He starred in "Harbour Lights, " a film.', "Harbour Lights,", True),
     ('They spoke of a "rigged economy" again.', "rigged economy", True),
     ('The crowd chanted "Lock her up!" at the rally.', "Lock her up!", False),
     ('The sign read "stay home." on the door.', "stay home.", False),
     ('It was "the best deal in town" for once.', "the best deal in town", True),
     ('It was "a fair deal for the islands and the towns along the whole coast" then.',
      "a fair deal for the islands and the towns along the whole coast", False),
     ('It was "..." for once.', "...", False)],
)
def test_a_term_is_at_most_ten_words_and_no_clause(nlp: Language, text: str, words: str, expected: bool) -> None:
    doc = nlp(text)
    start = text.index(words)
    assert is_quoted_term(doc.char_span(start, start + len(words), alignment_mode="expand")) is expected


def test_only_unheld_partial_terms_without_a_cue_of_their_own(nlp: Language) -> None:
    said = Attribution("Tabb", "Owen Tabb", None, "say")
    bare = Attribution("Tabb", "Owen Tabb", None, None)
    doc = nlp('Owen Tabb ran a "super PAC" and later spoke about "a plan we all wanted" here.')
    text = doc.text
    term = doc.char_span(text.index("super"), text.index("PAC") + 3)
    longer = doc.char_span(text.index("a plan"), text.index("wanted") + 6)
    assert (term.text, longer.text) == ("super PAC", "a plan we all wanted")
    texts = [term, term, term, term, term, longer]
    partial = [True, True, True, False, True, True]
    held = [False, False, False, False, True, False]
    own = [said, None, bare, None, None, None]
    assert unspoken_terms(texts, partial, held, own) == {1, 2}


def test_a_scare_quote_does_not_inherit_the_last_speaker(quotes: Quotes) -> None:
    rows = quotes('Mara Lindqvist said the budget was fine. She ran as the "establishment" choice in the spring.')
    term = quoted(rows, "establishment")
    assert term.quote_type == PARTIAL and term.speaker is None and term.cue is None and term.cue_class is None
    assert any(q.speaker == "Mara Lindqvist" and q.text == "the budget was fine" for q in rows)


def test_a_term_inside_a_reported_statement_keeps_its_speaker(quotes: Quotes) -> None:
    rows = quotes('Mara Lindqvist said the levy would bring "real relief" to the islands.')
    term = quoted(rows, "real relief")
    assert (term.quote_type, term.speaker, term.cue) == (PARTIAL, "Mara Lindqvist", "say")


def test_a_term_with_its_own_reporting_verb_keeps_its_speaker(quotes: Quotes) -> None:
    rows = quotes('Owen Tabb called the plan "reckless" on Monday.')
    assert quoted(rows, "reckless").speaker == "Owen Tabb"


def test_a_short_quoted_clause_keeps_its_speaker(quotes: Quotes) -> None:
    rows = quotes('Mayor Owen Tabb said "do not cross the bridge," and later "stay home."')
    assert quoted(rows, "stay home").speaker == "Owen Tabb"


def test_a_longer_quotation_still_takes_the_paragraphs_speaker(quotes: Quotes) -> None:
    rows = quotes('Owen Tabb said the vote was close. Now the town has "a budget that keeps every promise" at last.')
    assert quoted(rows, "a budget that keeps every promise").speaker == "Owen Tabb"


def test_a_phrase_without_a_verb_does_not_inherit_the_last_speaker(quotes: Quotes) -> None:
    rows = quotes('Mara Lindqvist said the budget was fine. The town wants "a fair deal for the islands" this year.')
    assert quoted(rows, "a fair deal for the islands").speaker is None
