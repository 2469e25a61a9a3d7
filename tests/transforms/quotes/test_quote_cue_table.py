"""Cues of reported speech (transforms.quotes.cue_table): the rule tables attribution_cues.tsv and
attribution_nouns.tsv in transforms/lexicon/, read into (lemma, complement) -> class and noun -> class.

A malformed row is a LexiconError naming the file (and, as for every lexicon file, the line)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import transforms.quotes as quotes
import warehouse.schema as schema
from transforms.lexicon import PACKAGE, LexiconError
from transforms.quotes.cue_table import (
    ATTRIBUTION_NOUNS,
    COMPLEMENT_KINDS,
    CUE_CLASSES,
    CUES,
    cue_table,
    noun_table,
)

TABLES = ["attribution_cues.tsv", "attribution_nouns.tsv"]


# -- the shipped tables ----------------------------------------------------------------------------


def test_the_shipped_tables_load_into_the_module_constants() -> None:
    assert cue_table() == CUES and len(CUES) > 100
    assert noun_table() == ATTRIBUTION_NOUNS and len(ATTRIBUTION_NOUNS) > 10


def test_every_class_is_a_cue_class_and_every_class_is_used() -> None:
    assert set(CUES.values()) == set(CUE_CLASSES)
    assert set(ATTRIBUTION_NOUNS.values()) <= set(CUE_CLASSES)


def test_the_cue_classes_are_the_schemas() -> None:
    """One source of truth: the warehouse's value set for quotes.cue_class."""
    assert CUE_CLASSES == schema.CUE_CLASSES == ("speech", "belief", "evidence")
    assert quotes.CUE_CLASSES == schema.CUE_CLASSES


def test_every_shipped_row_is_well_formed() -> None:
    for (lemma, kind), _ in CUES.items():
        assert lemma == lemma.lower() and lemma.isalpha(), lemma
        assert kind in COMPLEMENT_KINDS or (kind.isalpha() and kind == kind.lower()), (lemma, kind)
    for noun in ATTRIBUTION_NOUNS:
        assert noun == noun.lower() and noun.isalpha(), noun


@pytest.mark.parametrize("name", TABLES)
def test_each_table_opens_with_its_documentation(name: str) -> None:
    lines = (resources.files(PACKAGE) / name).read_text(encoding="utf-8").splitlines()
    header = lines[: next(i for i, line in enumerate(lines) if not line.startswith("#"))]
    assert len(header) >= 4
    assert any("Format" in line for line in header) and any("extend" in line for line in header)


@pytest.mark.parametrize(
    ("cue", "cue_class"),
    [
        # the speech acts issue #19 names
        *[
            ((verb, "clause"), "speech")
            for verb in (
                "say",
                "tell",
                "warn",
                "argue",
                "claim",
                "insist",
                "deny",
                "acknowledge",
                "predict",
                "promise",
                "add",
                "note",
                "explain",
                "announce",
                "report",
                "write",
                "tweet",
                "confirm",
            )
        ],
        (("say", "infinitive"), "speech"),  # `X is expected to say`, `she refused to say`
        (("refuse", "infinitive"), "speech"),
        (("call", "for"), "speech"),
        (("accuse", "of"), "speech"),
        # beliefs and stances
        (("think", "clause"), "belief"),
        (("believe", "clause"), "belief"),
        (("want", "infinitive"), "belief"),
        # evidence
        (("find", "clause"), "evidence"),
        (("show", "clause"), "evidence"),
    ],
)
def test_the_cues_of_the_issue_have_their_class(cue: tuple[str, str], cue_class: str) -> None:
    assert CUES.get(cue) == cue_class


@pytest.mark.parametrize(
    ("noun", "cue_class"),
    [("claim", "speech"), ("warning", "speech"), ("denial", "speech"), ("belief", "belief"), ("finding", "evidence")],
)
def test_the_noun_cues_have_their_class(noun: str, cue_class: str) -> None:
    assert ATTRIBUTION_NOUNS.get(noun) == cue_class


def test_tell_takes_no_object_and_say_does() -> None:
    """`told reporters that ...`: the object of tell is the addressee, no statement. The object of
    say is what was said (`said yes`, `said the same`): PolNeAR's annotators mark half of them."""
    assert ("tell", "object") not in CUES
    assert CUES[("say", "object")] == "speech"


# -- reading a table -------------------------------------------------------------------------------


def test_a_table_is_read_row_by_row() -> None:
    text = (
        "# a comment\n"
        "\n"
        "say\tclause,infinitive\tspeech\n"
        "call\tobject, for\tspeech   # spaces around a comma are not part of the complement\n"
        "find\tclause\tevidence\n"
    )
    assert cue_table(text=text) == {
        ("say", "clause"): "speech",
        ("say", "infinitive"): "speech",
        ("call", "object"): "speech",
        ("call", "for"): "speech",
        ("find", "clause"): "evidence",
    }
    assert noun_table(text="claim\tspeech\nfinding\tevidence\n") == {"claim": "speech", "finding": "evidence"}


# -- malformed rows --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("warn\tclause\tspeach", r"'warn' has class 'speach'; expected one of speech, belief, evidence"),
        ("warn\tclause\tSpeech", r"'warn' has class 'Speech'"),
        ("warn\tclause,,of\tspeech", r"'warn' has a malformed complement ''"),
        ("warn\tclause,\tspeech", r"'warn' has a malformed complement ''"),
        ("warn\tclause,according to\tspeech", r"'warn' has a malformed complement 'according to'"),
        ("warn\tclause;object\tspeech", r"'warn' has a malformed complement 'clause;object'"),
        ("warn\tclause/of\tspeech", r"'warn' has a malformed complement 'clause/of'"),
    ],
)
def test_a_malformed_cue_row_names_the_file(row: str, message: str) -> None:
    text = f"say\tclause\tspeech\n{row}\n"
    with pytest.raises(LexiconError, match=rf"^attribution_cues\.tsv\b.*{message}"):
        cue_table("attribution_cues.tsv", text=text)


@pytest.mark.parametrize(
    "row",
    ["warn\tclause\tspeach", "warn\tclause,,of\tspeech", "warn\tclause,according to\tspeech"],
)
def test_a_malformed_cue_row_names_its_line(row: str) -> None:
    """Like every lexicon file's errors (`path:line: reason`), so that the row is found at once."""
    text = f"# cues\nsay\tclause\tspeech\n{row}\n"
    with pytest.raises(LexiconError, match=r"^attribution_cues\.tsv:3: 'warn'"):
        cue_table("attribution_cues.tsv", text=text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("say\tclause\n", r"^attribution_cues\.tsv:1: expected 3 non-empty tab-separated fields"),
        ("say\tclause\tspeech\textra\n", r"^attribution_cues\.tsv:1: expected 3 non-empty tab-separated fields"),
        ("say\t\tspeech\n", r"^attribution_cues\.tsv:1: expected 3 non-empty tab-separated fields"),
        ("say\tclause\tspeech\nsay\tinfinitive\tspeech\n", r"^attribution_cues\.tsv:2: 'say' is already defined"),
    ],
)
def test_a_cue_row_of_the_wrong_shape_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        cue_table("attribution_cues.tsv", text=text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("claim\tspeech\nhunch\tguess\n", r"^attribution_nouns\.tsv\b.*'hunch' has class 'guess'; expected one of"),
        ("claim\tspeech\tnoun\n", r"^attribution_nouns\.tsv:1: expected 2 non-empty tab-separated fields"),
        ("claim\tspeech\nclaim\tbelief\n", r"^attribution_nouns\.tsv:2: 'claim' is already defined"),
    ],
)
def test_a_malformed_noun_row_names_the_file(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        noun_table("attribution_nouns.tsv", text=text)


def test_a_missing_table_names_its_path() -> None:
    with pytest.raises(LexiconError, match=r"lexicon/no_such_cues\.tsv: no such word list or table"):
        cue_table("no_such_cues.tsv")
    with pytest.raises(LexiconError, match=r"lexicon/no_such_nouns\.tsv: no such word list or table"):
        noun_table("no_such_nouns.tsv")


def test_a_malformed_row_of_a_table_file_names_its_path_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read from a file (not given text), the error names the file's path, as the lexicon's others do."""
    import transforms.lexicon as lexicon

    package = tmp_path / "newsetl_test_lexicon"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "attribution_cues.tsv").write_text(
        "# cues\nsay\tclause\tspeech\nwarn\tclause\tspeach\n", encoding="utf-8"
    )
    (package / "attribution_nouns.tsv").write_text("claim\tspeech\nhunch\tguess\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(lexicon, "PACKAGE", package.name)
    with pytest.raises(LexiconError) as cues_error:
        cue_table()
    assert str(cues_error.value).startswith(f"{package / 'attribution_cues.tsv'}:3: 'warn' has class 'speach'")
    with pytest.raises(LexiconError) as nouns_error:
        noun_table()
    assert str(nouns_error.value).startswith(f"{package / 'attribution_nouns.tsv'}:2: 'hunch' has class 'guess'")


def test_issuing_a_document_reports_no_content(nlp) -> None:
    # `issued a statement`: the object is the document, not what it says (a noun's content still counts)
    from tests.transforms.quotes.mentions import OWEN, reported_rows

    for sentence in ("Owen Tabb issued a statement on Monday.", "Owen Tabb issued a statement."):
        assert ("issue", "a statement", "Owen Tabb") not in reported_rows(nlp, sentence, OWEN)


@pytest.mark.parametrize(
    ("name", "words", "row", "message"),
    [
        ("attribution_cues.tsv", 1, "lay out\tobject\tspeech", r":2: 'lay out' is not 1 lower-case word"),
        ("attribution_cues.tsv", 1, "Warn\tclause\tspeech", r":2: 'Warn' is not 1 lower-case word"),
        ("attribution_phrasal_cues.tsv", 2, "lay\tobject\tspeech", r":2: 'lay' is not 2 lower-case words"),
        ("attribution_phrasal_cues.tsv", 2, "lay out for\tobject\tspeech",
         r":2: 'lay out for' is not 2 lower-case words"),
        ("attribution_phrasal_cues.tsv", 2, "Take Aim\tat\tspeech", r":2: 'Take Aim' is not 2 lower-case words"),
    ],
)
def test_a_cue_lemma_of_the_wrong_shape_names_its_line(name: str, words: int, row: str, message: str) -> None:
    """A lemma that no token's lemma can equal (a phrase in the one-word table, a verb without its
    particle in the phrasal one, capitals) would be a dead row, not an error, without the check."""
    first = "say\tclause\tspeech" if words == 1 else "bring up\tobject\tspeech"
    with pytest.raises(LexiconError, match=rf"^{name.replace('.', '[.]')}{message}"):
        cue_table(name, text=f"{first}\n{row}\n", words=words)
