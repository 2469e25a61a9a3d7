"""The fast lemmatizer (transforms.lemmas) against the model's own: the same lemma on every token.

Texts are the fictional test articles, the seed article and sentences with the forms the rules treat
unevenly (irregular verbs, -ies/-ves plurals, comparatives, contractions the attribute ruler lemmatizes
first, hyphenated and capitalised words, numbers, whitespace). bench/check_lemmas.py runs the same
comparison over a whole corpus (0 mismatches over polnear-dev)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from flows.options import DEFAULT_MODEL
from tests import articles
from tests.conftest import SEED
from transforms.clean import clean_text, decode_bytes
from transforms.lemmas import FastLemmatizer, replace_lemmatizer

UGLY = [
    "He said, she says, they were saying; it was said. Told, tells, telling. Warned, warns, warning.",
    "The wolves' knives lay by the leaves; the mice ran, the geese flew, the children's feet hurt.",
    "Better, best, worse, worst; bigger, biggest; happier, happiest. Went, gone, ate, eaten, wrote.",
    "I'm sure we're gonna win; she's been there, he'd known, y'all'd've gone. Ain't it so?",
    "Self-described co-founders re-elected ex-ministers. NATO's U.S.-led talks; Macron's aides' briefs.",
    "In 2023, 1,500 people - 12% - voted. 3rd-quarter GDP rose 0.5pc. COVID-19 cases fell.",
    "  Two  spaces.\n\nNew paragraph.\t Tab.   ",
    "ACCORDING TO OFFICIALS, THE MINISTER DENIED IT. Denies, denying, denial, denials.",
    "",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as spaCy loads it, with its own lemmatizer (and the paragraph breaks newsetl gives the
    parser, so that only the lemmatizer differs)."""
    from transforms.paragraphs import add_paragraph_breaks

    model = spacy.load(DEFAULT_MODEL, exclude=["senter"])
    add_paragraph_breaks(model)
    return model


def texts() -> list[str]:
    fictional = [articles.HARBOUR, articles.GARDEN, articles.COUNCIL, *articles.FORTNIGHT.values()]
    return [*fictional, clean_text(decode_bytes(SEED.read_bytes())), *UGLY]


def test_the_pipeline_uses_the_fast_lemmatizer(nlp: Language, stock: Language) -> None:
    fast = nlp.get_pipe("lemmatizer")
    assert isinstance(fast, FastLemmatizer)
    assert nlp.pipe_names == stock.pipe_names
    assert (fast.mode, fast.overwrite) == ("rule", stock.get_pipe("lemmatizer").overwrite)


def test_lemmas_equal_the_stock_lemmatizer(nlp: Language, stock: Language) -> None:
    for fast_doc, stock_doc in zip(nlp.pipe(texts(), batch_size=4), stock.pipe(texts(), batch_size=4), strict=True):
        assert [(t.text, t.pos_, t.lemma_) for t in fast_doc] == [(t.text, t.pos_, t.lemma_) for t in stock_doc]


def test_every_token_of_a_doc_as_the_stock_lemmatizer_sets_it(stock: Language) -> None:
    """The same doc lemmatized by both, twice over (the second time from the fast one's table)."""
    lemmatizer = stock.get_pipe("lemmatizer")
    fast = FastLemmatizer(lemmatizer)
    with stock.select_pipes(disable=["lemmatizer", "ner"]):
        docs = list(stock.pipe(texts()))
    for _ in range(2):
        for doc in docs:
            expected, got = lemmatizer(doc.copy()), fast(doc.copy())
            assert [t.lemma_ for t in got] == [t.lemma_ for t in expected], doc.text


def test_a_lemma_set_before_it_is_kept_unless_told_to_overwrite(stock: Language) -> None:
    with stock.select_pipes(disable=["lemmatizer", "ner"]):
        doc = stock("She was there.")
    doc[1].lemma_ = "kept"
    assert FastLemmatizer(stock.get_pipe("lemmatizer"))(doc.copy())[1].lemma_ == "kept"
    overwriting = Lemmatizer(stock.vocab, None, mode="rule", overwrite=True)
    overwriting.initialize(lookups=stock.get_pipe("lemmatizer").lookups)
    assert FastLemmatizer(overwriting)(doc.copy())[1].lemma_ == overwriting(doc.copy())[1].lemma_


def test_lemmas_survive_a_memory_zone(nlp: Language) -> None:
    """A lemma string spaCy drops at the end of a zone is added again when a later doc needs it."""
    word = "zorbled"
    with nlp.memory_zone():
        first = [t.lemma_ for t in nlp(f"They {word} the flags.")]
    with nlp.memory_zone():
        again = [t.lemma_ for t in nlp(f"They {word} the flags.")]
    assert first == again and "zorble" in again


def test_tables_survive_serialisation(stock: Language) -> None:
    data = stock.get_pipe("lemmatizer").to_bytes(exclude=["vocab"])
    copy = spacy.load(DEFAULT_MODEL, exclude=["senter"])
    assert replace_lemmatizer(copy)
    fast = copy.get_pipe("lemmatizer")
    fast.from_bytes(data, exclude=["vocab"])
    doc = Doc(copy.vocab, words=["They", "were", "telling", "wolves"], pos=["PRON", "AUX", "VERB", "NOUN"])
    assert [t.lemma_ for t in fast(doc)] == ["they", "were", "tell", "wolf"]  # AUX lemmas are the ruler's


def test_a_lookup_lemmatizer_is_kept() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not replace_lemmatizer(nlp)
    assert type(nlp.get_pipe("lemmatizer")).__name__ != "FastLemmatizer"
    assert not replace_lemmatizer(spacy.blank("en"))  # none at all


def test_the_table_is_bounded_and_lemmas_stay_the_same_when_it_empties(stock: Language, monkeypatch) -> None:
    import transforms.lemmas as lemmas

    monkeypatch.setattr(lemmas, "_MAX_KEYS", 20)
    lemmatizer = stock.get_pipe("lemmatizer")
    fast = FastLemmatizer(lemmatizer)
    with stock.select_pipes(disable=["lemmatizer", "ner"]):
        docs = list(stock.pipe(texts()))
    for doc in docs:
        assert [t.lemma_ for t in fast(doc.copy())] == [t.lemma_ for t in lemmatizer(doc.copy())]
        assert len(fast._lemmas) <= 20 + len(doc)
