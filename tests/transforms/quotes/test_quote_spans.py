"""The quotation-mark scanner (transforms.quotes.spans): where quoted words start and end.

No language model here: plain strings, exact offsets (`text[start:end]` is the quoted words)."""

from __future__ import annotations

import random
import time

import pytest

from transforms.quotes import find_quote_spans
from transforms.quotes.spans import RawSpan, scan_quotes

DOUBLE_MARKS = '"“”'
ALL_MARKS = "\"“”‘’'"


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quote_spans(text)]


# -- balanced marks --------------------------------------------------------------------------------


def test_straight_and_curly_marks_and_exact_offsets() -> None:
    text = 'He said "we will win" and “they will lose” today.'
    spans = find_quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["we will win", "they will lose"]
    assert spans[0] == (text.index("we"), text.index('" and'))


def test_two_single_marks_are_one_double_mark() -> None:
    # the New York Times archive's convention (typewriter-era copy): '' opens and closes
    text = "''We need more time,'' Mayor Ortiz said. ''Give us the tool.'' She called it ''a sham.''"
    assert quoted(text) == ["We need more time,", "Give us the tool.", "a sham."]
    text = "Voters' anger and the Smiths' ''team'' spirit, the 'word'' and ''open\n\nnext ''a''"
    assert quoted(text) == ["team", "word", "open", "a"]


def test_three_single_marks_are_a_double_mark_and_an_inner_one() -> None:
    # `'''` opening: the quote and a quote within it open together (it was no quote at all)
    assert quoted("The statement read: '''Enough,' they said.'' Obi left.") == ["'Enough,' they said."]
    # `'''` after a word: the inner quote's closer or an apostrophe, then the quote's own closer
    assert quoted("''He told me, 'No deal.''' Obi said.") == ["He told me, 'No deal.'"]
    assert quoted("''It was the fault of the Smiths''' Obi said.") == ["It was the fault of the Smiths'"]
    assert quoted("the Smiths'' team and ''the Joneses' lawyer''") == ["the Joneses' lawyer"]


def test_mixed_straight_and_curly_marks_pair() -> None:
    assert quoted('She called it “a mistake" and left.') == ["a mistake"]
    assert quoted('She called it "a mistake” and left.') == ["a mistake"]


def test_spaces_inside_the_marks_are_trimmed() -> None:
    text = 'The sign read " closed for repairs " all week.'
    [(start, end)] = find_quote_spans(text)
    assert text[start:end] == "closed for repairs"


def test_straight_marks_open_and_close_by_their_context() -> None:
    # the second mark of each pair has a word before it and punctuation after it: it closes
    text = '"The bridge is safe," the engineer said, and the mayor called it "a relief".'
    assert quoted(text) == ["The bridge is safe,", "a relief"]


def test_find_quote_spans_is_scan_quotes_without_the_flags() -> None:
    text = "“Yes,” she said, and ‘no’ he said.\n\n“More to come"
    assert find_quote_spans(text) == [(s.start, s.end) for s in scan_quotes(text)]
    assert [(s.closed, s.single) for s in scan_quotes(text)] == [(True, False), (True, True), (False, False)]


# -- single marks and apostrophes ------------------------------------------------------------------


def test_single_marks_inside_double_belong_to_the_outer_quote() -> None:
    text = "“He told me ‘never again’ and I believed him,” she said. \"It's 'over',\" he said."
    assert quoted(text) == ["He told me ‘never again’ and I believed him,", "It's 'over',"]


def test_nested_single_quote_is_never_a_span_of_its_own() -> None:
    text = "The senator said: “My father always told me ‘keep your word’, and I have.”"
    spans = scan_quotes(text)
    assert len(spans) == 1 and not spans[0].single
    assert text[spans[0].start : spans[0].end] == "My father always told me ‘keep your word’, and I have."


def test_apostrophes_are_not_marks() -> None:
    text = "Korea’s leader doesn’t like the ’90s or the '80s, and voters' hopes don't matter."
    assert find_quote_spans(text) == []


def test_a_single_marked_letter_is_an_elision_or_a_letter_named_not_a_quote() -> None:
    assert quoted("The band played rock 'n' roll and the cafe sold fish ‘n’ chips.") == []
    assert quoted("Grade 'A' beef, the label said, is 'a fine cut'.") == ["a fine cut"]
    assert quoted('He said "I" was the word, not \'we\'.') == ["I", "we"]  # double marks and words: quotes
    # the grade with the sentence's punctuation inside its marks is still one letter
    assert quoted("Inspectors rated the school 'B,' then 'C.' Parents called it 'a scandal!'") == ["a scandal!"]
    assert quoted("Fans chanted 'U-S-A' and 'go team.'") == ["U-S-A", "go team."]
    # inside a single-marked quote, the elision leaves it open
    assert quoted("Senator mocks rival's 'rock 'n' roll politics' in Ohio") == ["rock 'n' roll politics"]
    assert quoted("Diners want 'fish 'n' chips,' owner says; 'A' rating") == ["fish 'n' chips,"]


def test_top_level_single_quotes_count_as_quotes() -> None:
    assert quoted("Mayor calls rival 'a disgrace' as voters' anger grows") == ["a disgrace"]
    assert quoted("Minister says budget ‘will balance’ by 2026") == ["will balance"]
    assert [s.single for s in scan_quotes("Minister says budget ‘will balance’ by 2026")] == [True]


def test_apostrophes_inside_a_single_quote_do_not_end_it() -> None:
    assert quoted("Union says strike ‘won’t end soon’ after talks fail") == ["won’t end soon"]


# -- quotes over paragraphs ------------------------------------------------------------------------


def test_open_quote_continues_into_next_paragraph_one_piece_each() -> None:
    text = "“First part of the statement.\n\n“Second part.\n\n“Last part,” she said."
    spans = scan_quotes(text)
    assert [text[s.start : s.end] for s in spans] == [
        "First part of the statement.",
        "Second part.",
        "Last part,",
    ]
    assert [s.closed for s in spans] == [False, False, True]


def test_quote_never_crosses_a_line_break() -> None:
    text = 'The letter said "we will not\nreturn" and was signed.'
    for start, end in find_quote_spans(text):
        assert "\n" not in text[start:end]
    assert quoted(text)[0] == "we will not"


def test_open_single_quote_ends_with_its_paragraph() -> None:
    # a single-mark quote never runs over a paragraph; unclosed, it is no quote at all
    assert quoted("Critics called it ‘a farce\n\nand nothing more’ today") == []


# -- unbalanced marks ------------------------------------------------------------------------------


def test_unbalanced_marks_do_not_crash() -> None:
    assert quoted('stray closer” here, and "never closed') == ["never closed"]
    assert quoted("“one “two” three") == ["one", "two"]
    assert quoted('" " "" “ ” ‘’') == []  # marks around nothing are no quotes
    assert quoted("") == []
    assert quoted('He is 6\'2" tall and said "hi".') == ["hi"]


def test_an_opener_while_a_quote_is_open_ends_the_open_one() -> None:
    spans = scan_quotes("“We lost the vote “but not the argument,” she said.")
    assert [(s.start, s.end, s.closed) for s in spans] == [(1, 17, False), (19, 40, True)]


def test_stray_closers_are_ignored() -> None:
    assert quoted("The ” mark and the ’ mark stand alone.") == []


def test_a_closing_mark_at_a_word_start_with_nothing_open_opens() -> None:
    text = "”Fear is all he offers.” ― Ana Ruiz\n“He scares me.”― Tom Bell\nHe said ”yes” twice."
    assert quoted(text) == ["Fear is all he offers.", "He scares me.", "yes"]
    assert quoted("“We won.” ”Then” nothing") == ["We won.", "Then"]


# -- offsets on ugly inputs ------------------------------------------------------------------------

UGLY = [
    '"',
    "“‘”’",
    "'''\"\"\"",
    "''a'' '' b''''c'' '''d",
    '" \n "',
    "a\"b\"c'd'e",
    "“\n”",
    " ‘ x ’ ",
    '"x""y"',
    "“a ‘b “c’ d” e’",
    "\n\n“\n\n”\n\n",
    "'9' ‘0’ \"1\"",
    '(“x”) [‘y’] {"z"}',
    "—“x”—‘y’—",
    'x:"y"/"z"',
]


def random_texts(count: int, seed: int = 7) -> list[str]:
    """Deterministic random strings over marks, letters, digits, spaces, punctuation and breaks."""
    rng = random.Random(seed)
    alphabet = ALL_MARKS * 3 + "ab Z9 .,:;!?()—-\n\t"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(count)]


@pytest.mark.parametrize("text", UGLY + random_texts(400))
def test_spans_are_exact_trimmed_and_in_order(text: str) -> None:
    spans = scan_quotes(text)
    previous_end = 0
    for s in spans:
        assert isinstance(s, RawSpan)
        assert previous_end <= s.start < s.end <= len(text)
        words = text[s.start : s.end]
        assert words == words.strip() and any(c.isalnum() for c in words)
        assert "\n" not in words and "“" not in words  # a line break ends a quote, “ always opens one
        if not s.single:  # the next double mark ends a double quote; a stray one may sit in a single
            assert not any(m in words for m in DOUBLE_MARKS)
        assert text[s.start - 1] in ALL_MARKS or text[s.start - 1].isspace()  # just after the opening mark
        if s.closed:
            assert text[s.end :].lstrip()[:1] in ALL_MARKS
        else:
            assert text[s.end :].lstrip(" \t")[:1] in ("", "\n", *DOUBLE_MARKS)
        previous_end = s.end


# -- linear time -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit", ['"', "“", "”", "‘", "’", "'", "''", "a'' ", "“‘", "'a ", ' "a', 'a" ', '" \n', "\u201c\u2019x"]
)
def test_span_finding_is_linear(unit: str) -> None:
    """Ten times the text must cost about ten times the time (quadratic would be a hundred)."""

    def cost(n: int) -> float:
        text = unit * n
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            find_quote_spans(text)
            best = min(best, time.perf_counter() - t0)
        return best

    small, large = cost(30_000 // len(unit)), cost(300_000 // len(unit))
    assert large < 30 * max(small, 1e-4)


def test_300kb_of_marks_is_quick() -> None:
    text = ("\"“”‘’'" * 50_000)[:300_000]
    t0 = time.perf_counter()
    find_quote_spans(text)
    assert time.perf_counter() - t0 < 5  # generous: linear code takes a small fraction of this
