"""The tokenizer rule of transforms.quote_infixes: a comma or colon glued to an opening quotation mark
(`said,“Look`) splits off, so the quotation's frame is parsed; nothing else changes."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quote_infixes import split_glued_quotations
from transforms.quotes import field_quotes


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Tabb said,“Look, the port stays open.”", ["Tabb", "said", ",", "“", "Look", ",", "the", "port"]),
        ('Council chair Mara Lindqvist:"We learned that on Monday."', ["Lindqvist", ":", '"', "We"]),
        ('different audiences,"Tabb said.', ["audiences", ",", '"', "Tabb"]),
    ],
)
def test_a_glued_comma_or_colon_and_the_mark_are_tokens(nlp: Language, text: str, tokens: list[str]) -> None:
    words = [t.text for t in nlp.tokenizer(text)]
    start = words.index(tokens[0])
    assert words[start : start + len(tokens)] == tokens


def test_the_rest_of_the_tokenizer_is_unchanged() -> None:
    plain = spacy.blank("en")
    ruled = spacy.blank("en")
    split_glued_quotations(ruled)
    for text in ['He said, "fine."', 'The count was 3,"4" and 5.', "It's 1,000,000 - a lot, isn't it?",
                 'A "quoted" word, then: more.', "Smith's rock 'n' roll, e.g. U.S.-made."]:
        assert [t.text for t in ruled(text)] == [t.text for t in plain(text)]


def test_the_quotation_after_a_glued_comma_has_its_speaker(nlp: Language) -> None:
    doc = nlp("Tabb said,“Look, the port stays open as long as I am mayor.”")
    rows = field_quotes("body", doc, entities({"body": doc}, ("Owen Tabb", "PERSON", ["Tabb"])))
    assert [(q.text, q.speaker) for q in rows] == [("Look, the port stays open as long as I am mayor.", "Owen Tabb")]
