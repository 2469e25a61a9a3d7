"""Verbs the tagger calls nouns (transforms.quotes.mistagged_verbs): a word tagged NOUN that the
parser gives a subject is read as the verb cue it is."""

from __future__ import annotations

from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, field_quotes
from transforms.quotes.mistagged_verbs import parsed_as_verb


def test_a_noun_tag_with_a_subject_is_a_verb_cue(nlp: Language) -> None:
    doc = nlp("The findings point to growing momentum among farmers.")
    point = next(t for t in doc if t.text == "point")
    assert point.pos_ == "NOUN" and point.dep_ == "ROOT"  # the pinned model's misreading
    assert parsed_as_verb(point)
    rows = field_quotes("body", doc, entities({"body": doc}))
    assert [(q.cue, q.text, q.speaker_mention) for q in rows if q.quote_type == INDIRECT] == [
        ("point", "growing momentum among farmers", "The findings")
    ]


def test_a_noun_without_a_subject_is_a_noun(nlp: Language) -> None:
    doc = nlp("Her support for the harbour plan surprised the council.")
    support = next(t for t in doc if t.text == "support")
    assert not parsed_as_verb(support)
    doc = nlp("Owen Tabb is a supporter of the plan.")
    assert not any(parsed_as_verb(t) for t in doc)
