"""The spaCy model: loaded by name without unused components, each field annotated in order."""

from __future__ import annotations

from datetime import date

import pytest

from tests.articles import GARDEN, HARBOUR
from transforms.article import parse_article
from transforms.attributes import FACTORY
from transforms.clean import clean_text
from transforms.nlp import FIELDS, annotate, doc_text, field_texts, load_pipeline


def test_the_pipeline_has_no_sentence_recogniser_and_the_exact_attribute_replacement(nlp):
    assert "senter" not in nlp.pipe_names
    assert nlp.get_pipe_meta("attribute_ruler").factory == FACTORY  # same place, table-driven component
    assert {"tok2vec", "tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_the_model_runs_on_numpys_blas_with_the_annotations_of_spacys_default_ops(nlp):
    """The pipeline's matrix products run on numpy's BLAS instead of blis (a third less CPU): every
    token's tag, head, dependency, entity and sentence start is what spaCy's default ops give."""
    import spacy

    from flows.options import DEFAULT_MODEL

    assert all(not proc.model.ops.use_blis for _, proc in nlp.pipeline if hasattr(proc, "model"))
    from transforms.paragraphs import add_paragraph_breaks

    stock = spacy.load(DEFAULT_MODEL, exclude=["senter"])
    add_paragraph_breaks(stock)  # the same sentence starts set before the parser: only the ops differ
    assert stock.get_pipe("ner").model.ops.use_blis  # the comparison is with blis
    texts = [parse_article(clean_text(t), date(2026, 11, 29)).body for t in (HARBOUR, GARDEN)] + [
        "WASHINGTON (Reuters) - Kremlin spokesman Dmitry Peskov said on Tuesday the two leaders would "
        "discuss \"sensitive\" subjects, according to RIA. \"We are not there yet,\" he told reporters.",
        "“It’s a mess,” said Ms. O’Neill, 52, a nurse from Dún Laoghaire — who asked that her employer, "
        "St. James’s Hospital, not be named. The U.S.-based firm's CEO, J.R. Smith Jr., declined to comment.",
    ]

    def annotations(doc):
        return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]

    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert annotations(ours) == annotations(theirs)


def test_a_model_that_does_not_exist_is_an_oserror_naming_it():
    with pytest.raises(OSError, match="no_such_model_xyz"):
        load_pipeline("no_such_model_xyz")


def test_each_article_gets_one_doc_per_field_it_has_in_order(nlp):
    articles = [parse_article(clean_text(t), date(2026, 11, 29)) for t in (HARBOUR, GARDEN)]
    docs = list(annotate(nlp, articles, batch_size=1))
    assert len(docs) == 2
    for article, fields in zip(articles, docs, strict=True):
        assert list(fields) == [f for f in FIELDS if f in field_texts(article)]
        assert fields["body"].text == article.body and fields["headline"].text == article.headline
    assert "standfirst" in docs[0]


def test_doc_text_is_the_docs_text_joined_once(nlp):
    doc = nlp("Mara Lindqvist said the bridge would open.\n\nOwen Tabb disagreed.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # kept, not joined again
    assert doc_text(nlp("Another field.")) == "Another field."
