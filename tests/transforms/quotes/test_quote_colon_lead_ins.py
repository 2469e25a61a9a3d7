"""Colon lead-ins with a verb (transforms.quotes.colon_lead_ins): `Ames issued the following statement:`
then the quotation, in the same paragraph or the next; the clause's subject said it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import field_quotes
from transforms.quotes.colon_lead_ins import colon_clause_speaker
from transforms.quotes.context import FieldContext

AMES = ("Jo Ames", "PERSON", ["Jo Ames", "Ames"])
MERIDIAN = ("Meridian", "ORG", ["Meridian"])


def _speakers(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    rows = field_quotes("body", doc, entities({"body": doc}, AMES, MERIDIAN))
    return {q.text: (q.speaker_mention, q.speaker) for q in rows}


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ('After the vote, Senator Jo Ames issued the following statement:\n\n"Our thoughts are with the workers '
         'of the port."', "Our thoughts are with the workers of the port.", "Jo Ames"),
        ('Ames made the following comment:\n\n"The port will stay open as long as I am in office."',
         "The port will stay open as long as I am in office.", "Jo Ames"),
        ('Meridian delivered a blunt message to the council: "It is time to stop attacking the workers."',
         "It is time to stop attacking the workers.", "Meridian"),
        ('Ames went on: "It is like calling everybody except the plumber when the roof leaks."',
         "It is like calling everybody except the plumber when the roof leaks.", "Jo Ames"),
    ],
)
def test_the_subject_of_a_colon_lead_in_says_the_quotation(nlp: Language, text: str, quote: str, speaker: str) -> None:
    assert _speakers(nlp, text)[quote][1] == speaker


def test_a_document_that_makes_a_case_speaks_for_its_author(nlp: Language) -> None:
    rows = _speakers(nlp, 'Ames’s letter makes a blunt case: "The port cannot close while the workers wait."')
    assert rows["The port cannot close while the workers wait."] == ("Ames’s letter", "Jo Ames")


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('The message was clear:\n\n"The port will stay open."', "The port will stay open."),  # a copula
        ('Here is what we know:\n\n"The port will stay open."', "The port will stay open."),  # nobody's clause
    ],
)
def test_a_copula_or_a_subject_that_names_no_one_gives_no_speaker(nlp: Language, text: str, quote: str) -> None:
    assert _speakers(nlp, text)[quote] == (None, None)


def test_no_verb_no_speaker(nlp: Language) -> None:
    doc = nlp("And from the council chair: the port will stay open.")
    ctx = FieldContext("body", doc, [])
    assert colon_clause_speaker(ctx, doc.text.index(":")) is None
