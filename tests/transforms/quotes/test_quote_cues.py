"""Cues (transforms.quotes.cues): which verbs report speech, and which may precede their speaker.

Also the word lists behind them, read from transforms/lexicon/."""

from __future__ import annotations

from importlib import resources

import pytest
from spacy.language import Language
from spacy.tokens import Token

from transforms.lexicon import PACKAGE, LexiconError, word_list
from transforms.quotes.cues import INVERTIBLE_VERBS, REPORTING_FORMS, REPORTING_VERBS, is_reporting, may_precede_speaker

QUOTE_LISTS = [
    "reporting_verbs.txt",
    "reporting_verbs_invertible.txt",
    "reporting_verb_forms.txt",
    "title_small_words.txt",
    "words_before_titles.txt",
    "speaker_labels.txt",
]


def token(nlp: Language, sentence: str, word: str) -> Token:
    return next(t for t in nlp(sentence) if t.text == word)


# -- the word lists --------------------------------------------------------------------------------


def test_word_lists_are_loaded() -> None:
    assert {"say", "tell", "warn", "tweet", "according"} - REPORTING_VERBS == {"according"}
    assert INVERTIBLE_VERBS <= REPORTING_VERBS  # an invertible verb is looked at only if it reports
    assert {"said", "told", "wrote"} <= REPORTING_FORMS
    assert "tell" not in INVERTIBLE_VERBS  # `," told reporters`: the object is the addressee


@pytest.mark.parametrize("name", QUOTE_LISTS)
def test_each_quote_word_list_opens_with_its_documentation(name: str) -> None:
    lines = (resources.files(PACKAGE) / name).read_text(encoding="utf-8").splitlines()
    header = lines[: next(i for i, line in enumerate(lines) if not line.startswith("#"))]
    assert len(header) >= 4 and any("extend" in line for line in header)
    assert word_list(name)  # and it parses


def test_a_malformed_line_names_file_and_line() -> None:
    text = "# reporting verbs\nsay\nwarn\nspeak up\n"
    with pytest.raises(LexiconError, match=r"^reporting_verbs\.txt:4: 'speak up' has a space"):
        word_list("reporting_verbs.txt", text=text)
    with pytest.raises(LexiconError, match=r"^reporting_verb_forms\.txt:2: .* has a tab"):
        word_list("reporting_verb_forms.txt", text="said\nsays\twrites\n")


# -- reporting verbs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Owen Tabb said the road would stay closed.", "said"),
        ('"The river is rising," Mara Lindqvist warned.', "warned"),
        ("The mayor tweeted that the result was a triumph.", "tweeted"),
        ('Mara Lindqvist called the decision "a betrayal".', "called"),
    ],
)
def test_reporting_verbs_report(nlp: Language, sentence: str, word: str) -> None:
    assert is_reporting(token(nlp, sentence, word))


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The council closed the road on Monday.", "closed"),  # not a reporting verb
        ("Residents kept calling about the flood.", "calling"),  # `call` without an object telephones
        ("The treasurer's statement was short.", "statement"),  # a noun, not a verb
    ],
)
def test_other_words_do_not_report(nlp: Language, sentence: str, word: str) -> None:
    assert not is_reporting(token(nlp, sentence, word))


# -- verbs before their speaker --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ('"We have no money left for roads," said Owen Tabb.', "said", True),
        ('"And the schools will close too," added Mara Lindqvist.', "added", True),
        ('"The port must stay open," reads an editorial in the Harbour Register.', "reads", True),
        ('"We have no money," told reporters the treasurer.', "told", False),  # not invertible
        ("The mayor spoke for an hour, adding a plug for the fair.", "adding", False),  # a participle
        ("Mara Lindqvist added that the schools would close.", "added", False),  # not right after a quote
    ],
)
def test_may_precede_speaker(nlp: Language, sentence: str, word: str, expected: bool) -> None:
    assert may_precede_speaker(token(nlp, sentence, word)) is expected
