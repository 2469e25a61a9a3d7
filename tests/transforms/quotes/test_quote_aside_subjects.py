"""Subjects set off by asides (transforms.quotes.aside_subjects): `X, leading a coalition of states,
asked ...` when the parse lost X, as speakers.subject_of and the statement rows find it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, field_quotes
from transforms.quotes.aside_subjects import subject_before_asides

LINDQVIST = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
TABB = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])
OHIO = ("Ohio", "GPE", ["Ohio"])


def _root(nlp: Language, sentence: str):
    return next(t for t in nlp(sentence) if t.dep_ == "ROOT")


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "speaker"),
    [
        # a place that leads a coalition: the parse hung it on the date before it
        ("On Friday, Ohio, leading a coalition of nine states, asked a federal judge to block the new rules.",
         "ask", "to block the new rules", "Ohio"),
        # a fronted participle, then the name, then an aside
        ("Speaking in Dayton, Lindqvist, without naming him, also accused Tabb of ignoring the port.",
         "accuse", "Tabb of ignoring the port", "Mara Lindqvist"),
    ],
)
def test_the_statement_of_a_subject_set_off_by_asides_has_its_speaker(
    nlp: Language, sentence: str, cue: str, content: str, speaker: str
) -> None:
    root = _root(nlp, sentence)
    assert not any(c.dep_ == "nsubj" for c in root.children)  # the parse lost the subject
    doc = root.doc
    rows = field_quotes("body", doc, entities({"body": doc}, LINDQVIST, TABB, OHIO))
    found = {(q.cue, q.text): q.speaker for q in rows if q.quote_type == INDIRECT}
    assert found[(cue, content)] == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        # the places of `in Dayton, Ohio,` are where, not who; no piece names a speaker
        "Speaking at a rally in Dayton, Ohio, without notes, praised the new port plan.",
        # a participle without a name before the aside
        "Asked about the port, without naming him, also accused Tabb of ignoring the port.",
        # a verb with a subject of its own
        "Friday, Mara Lindqvist, the mayor of Dayton, asked the council to delay the vote.",
    ],
)
def test_no_subject_where_no_piece_names_one_or_the_verb_has_its_own(nlp: Language, sentence: str) -> None:
    assert subject_before_asides(_root(nlp, sentence), lambda _: False) is None


def test_a_quoted_name_is_never_the_subject(nlp: Language) -> None:
    root = _root(nlp, "On Friday, Ohio, leading a coalition of nine states, asked a judge to block the rules.")
    assert subject_before_asides(root, lambda _: False).text == "Ohio"
    assert subject_before_asides(root, lambda t: t.text == "Ohio") is None


def test_dashes_set_off_asides_too() -> None:
    """`Lindqvist - in a line aimed at the mayor - declared`: a parse (built by hand) that hung the name
    on the aside and left the verb without a subject; a hyphen inside a word is no dash."""
    words = ["Ms.", "Lindqvist", "-", "in", "a", "pro", "-", "port", "line", "-", "declared", "that", "it", "won", "."]
    spaces = [True, True, True, True, True, False, False, True, True, True, True, True, True, False, False]
    pos = ["PROPN", "PROPN", "PUNCT", "ADP", "DET", "ADJ", "PUNCT", "NOUN", "NOUN", "PUNCT", "VERB", "SCONJ",
           "PRON", "VERB", "PUNCT"]
    tags = ["NNP", "NNP", ":", "IN", "DT", "JJ", "HYPH", "NN", "NN", ":", "VBD", "IN", "PRP", "VBD", "."]
    heads = [1, 3, 1, 10, 8, 7, 7, 8, 3, 10, 10, 13, 13, 10, 10]
    deps = ["compound", "pobj", "punct", "prep", "det", "amod", "punct", "compound", "pobj", "punct", "ROOT", "mark",
            "nsubj", "ccomp", "punct"]
    doc = Doc(Vocab(), words=words, spaces=spaces, pos=pos, tags=tags, heads=heads, deps=deps,
              ents=["B-PERSON", "I-PERSON", *["O"] * 13])
    assert subject_before_asides(doc[10], lambda _: False).text == "Lindqvist"
