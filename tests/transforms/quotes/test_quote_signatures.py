"""Signed statements on a readers' letters page (transforms.quotes.signatures). Each test runs an
article of its own through the real pipeline; the people and handles are fictional."""

from __future__ import annotations

from tests.transforms.newsroom import run

LETTERS = (
    "LETTERS.\n\n"
    "The council's plan to close the library is short-sighted. Children need a quiet place to read.\n\n"
    "I have used that building for thirty years and I will fight for it.\n\n"
    "Marjorie Okonkwo.\n\n"
    "Springfield, Ill.\n\n"
    "FACEBOOK.\n\n"
    "Nobody asked the people who actually use the library what they want.\n\n"
    "Desmond Halloway.\n\n"
    "Keep it open and cut the mayor's travel budget instead.\n\n"
    "@readerdan42."
)


def signed(quotes):
    return [(q.text[:20], q.speaker, q.quote_type, q.cue) for q in quotes if q.quote_type == "direct" and q.cue is None]


def test_each_paragraph_of_a_letter_is_its_signers_statement(nlp) -> None:
    _, quotes = run(nlp, LETTERS, headline="Readers defend the library")
    assert signed(quotes) == [
        ("The council's plan t", "Marjorie Okonkwo", "direct", None),
        ("I have used that bui", "Marjorie Okonkwo", "direct", None),
        ("Nobody asked the peo", "Desmond Halloway", "direct", None),
        ("Keep it open and cut", "@readerdan42", "direct", None),
    ]
    letter = next(q for q in quotes if q.text.startswith("I have used"))
    assert letter.speaker_entity_id is not None and letter.cue_class == "speech"


def test_a_name_alone_under_a_paragraph_is_no_signature_outside_a_letters_page(nlp) -> None:
    body = LETTERS.replace("LETTERS.\n\n", "The library board met on Tuesday.\n\n")
    _, quotes = run(nlp, body, headline="Library board meets")
    assert signed(quotes) == []


def test_a_paragraph_that_is_one_quotation_keeps_its_own_row(nlp) -> None:
    body = ("Letters to the editor.\n\n"
            "My neighbour said it best at the meeting.\n\n"
            "\"This library raised my children.\"\n\n"
            "Priya Castellanos.")
    _, quotes = run(nlp, body, headline="Readers defend the library")
    assert signed(quotes) == [("My neighbour said it", "Priya Castellanos", "direct", None)]
