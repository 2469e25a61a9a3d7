"""Quotation-mark spans in plain text: where quoted words start and end, without any language model.

The first step of quote extraction: every span found here becomes one Quote (see transforms.quotes).

One pass over the marks, constant work per mark, so the time is linear in the text's length whatever
the marks' balance. Rules:
- Double marks: curly “ opens and ” closes; a straight " opens or closes by its context (a space or
  start before it and a word after it opens; a word before it and a space or punctuation after it
  closes), and by whether a quote is open when the context says neither. Curly and straight marks
  may pair with each other (articles mix them). Two straight single marks `''` are one double mark,
  as in the New York Times archive and other typewriter-era copy (`''We will win,'' he said.`); of
  three, the single one is the inner mark (`'''No,' he said.''`, `''It was the Smiths'''`).
- Single marks inside an open double quote are part of that quote (a quote within the quote), so
  they are never spans of their own. Outside double quotes, ‘…’ or '…' is a quote when the opener
  starts a word and the closer ends one; a mark between two letters (don’t, Korea’s) or before a
  digit ('90s) is an apostrophe, never an opener. A single-marked span of one character is an elision
  or a letter named (`rock 'n' roll`, `the letter 'A'`, `a 'C.'`: punctuation aside), not a quotation,
  and inside a single-marked quote it leaves that quote open (`calls it 'rock 'n' roll politics'`).
- Quotes never cross a line break. A paragraph that opens a quote without closing it ends that
  quote at the paragraph's end (newspaper convention: the next paragraph re-opens the quote with
  its own mark), so a quote running over three paragraphs is three spans, one per paragraph, each
  with `closed=False` except the last. This keeps `text[start:end]` exact for every span.
- An opener while a quote is open ends the open quote there (its closer was lost) and opens anew.
  A ” with nothing open, at a word's start after a space or line start, opens (some copy uses ”
  for both marks). Other strays (a closer with nothing open) are ignored. Spans holding no letter or digit are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Of three straight single marks after a word, the first is a mark of its own and the others `''` (`the
# Smiths'''`: an apostrophe or an inner quote's closer, then the quote's); elsewhere `''` comes first.
_MARK = re.compile("(?<=[^\\s'\"“”‘’])'(?='')|''|[\"“”‘’'\n]")
# Characters after which a straight mark starts a quote rather than ends one.
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:")
# Characters after a closing mark: space, punctuation or another closing mark.
_CLOSE_FOLLOW = frozenset(" \t\n.,;:!?)]}—–-/\"”’'…")


@dataclass(frozen=True)
class RawSpan:
    """A quoted stretch of text: offsets of the words inside the marks, trimmed of spaces."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark (the quote continues)
    single: bool  # quoted with single marks at the top level


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each quotation-mark span, in text order; linear time."""
    return [(s.start, s.end) for s in scan_quotes(text)]


def scan_quotes(text: str) -> list[RawSpan]:
    """The spans of find_quote_spans with whether each was closed and whether it used single marks."""
    scanner = _Scanner(text)
    for m in _MARK.finditer(text):
        if m.end() - m.start() == 2:
            scanner.double_pair(m.start())
        else:
            scanner.feed(m.start())
    scanner.end_paragraph(len(text))
    return scanner.spans


class _Scanner:
    """The state of the one pass: the open double quote and the open top-level single quote."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[RawSpan] = []
        self.double: int | None = None  # start of the open double quote's words
        self.single: int | None = None  # start of the open single quote's words
        self.outer: int | None = None  # the single quote an elision inside it opened over (`'rock 'n' roll'`)

    def feed(self, i: int) -> None:
        ch = self.text[i]
        if ch == "\n":
            self.end_paragraph(i)
        elif ch in '“”"':
            self._double_mark(i, ch)
        elif self.double is None:
            self._single_mark(i, ch)

    def double_pair(self, i: int) -> None:
        """`''` at `i`: a straight double mark written as two single marks (two characters wide)."""
        if self.double is not None:
            self._emit(self.double, i, closed=True, single=False)
            self.double = None
            return
        text = self.text
        before = text[i - 1] if i > 0 else "\n"
        after = text[i + 2] if i + 2 < len(text) else "\n"
        if after in "'‘" and text[i + 3 : i + 4].isalnum():
            after = text[i + 3]  # `'''No deal,' he told me.''`: a quote within the quote opens with it
        if before in _OPEN_CONTEXT and not after.isspace() and after not in _CLOSE_FOLLOW:
            self.double, self.single = i + 2, None
        elif self.single is not None and not before.isspace():
            # `'the bosses''`: a single quote's closer, then an apostrophe; or `''` closing it
            self._emit(self.single, i, closed=True, single=True)
            self.single = None

    def end_paragraph(self, i: int) -> None:
        if self.double is not None:
            self._emit(self.double, i, closed=False, single=False)
        self.double = self.single = self.outer = None

    def _double_mark(self, i: int, ch: str) -> None:
        before, after = self._context(i)
        opens = before in _OPEN_CONTEXT and not after.isspace()
        closes = not before.isspace() and after in _CLOSE_FOLLOW
        if ch == "“" or (ch == '"' and opens and not closes):
            if self.double is not None:
                self._emit(self.double, i, closed=False, single=False)
            self.double, self.single = i + 1, None
        elif self.double is not None:  # ” or a closing / ambiguous straight mark
            self._emit(self.double, i, closed=True, single=False)
            self.double = None
        # nothing open: an ambiguous straight mark opens, and so does a ” at a word's start (`”Fear.”`)
        elif (ch == '"' and not closes) or (ch == "”" and opens and after.isalnum()):
            self.double, self.single = i + 1, None

    def _single_mark(self, i: int, ch: str) -> None:
        before, after = self._context(i)
        opens = before in _OPEN_CONTEXT and after.isalpha()
        closes = not before.isspace() and before not in _OPEN_CONTEXT and not after.isalnum()
        if ch != "’" and opens:
            self.outer, self.single = self.single, i + 1
        elif ch != "‘" and closes and self.single is not None:
            if self.outer is not None and self._letter(self.single, i):
                self.single, self.outer = self.outer, None  # `'rock 'n' roll politics'`: the quote goes on
                return
            self._emit(self.single, i, closed=True, single=True)
            self.single = self.outer = None

    def _letter(self, start: int, end: int) -> bool:
        """A single-marked span of one character (`'n'`, `'C.'`): an elision or a letter named."""
        word = self.text[start:end].strip()
        return sum(c.isalnum() for c in word) == 1 and not any(c.isspace() for c in word)

    def _context(self, i: int) -> tuple[str, str]:
        text = self.text
        return (text[i - 1] if i > 0 else "\n"), (text[i + 1] if i + 1 < len(text) else "\n")

    def _emit(self, start: int, end: int, closed: bool, single: bool) -> None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if single and self._letter(start, end):
            return  # `'n'`, `'C.'` (a grade, its full stop inside): see the module docstring
        if any(c.isalnum() for c in text[start:end]):
            self.spans.append(RawSpan(start, end, closed, single))
