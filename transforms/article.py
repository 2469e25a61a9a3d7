"""Clean text to a structured article: header, headline, standfirst, caption, dateline, paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil import parser as dateparser

from transforms.errors import QuarantineError

# The article's text fields, in reading order: the fields quotes and entities are found in.
TEXT_FIELDS = ("headline", "standfirst", "body")
# Publication dates outside this range are not news we can trust; the expectations suite uses it too.
EARLIEST_DATE = date(1900, 1, 1)
MAX_DAYS_AHEAD = 2
# Beyond this the language model needs gigabytes (spaCy's own default limit); no real article is near it.
MAX_FIELD_CHARS = 1_000_000

# Text with a run this long and no space is not prose (and spaCy's tokenizer is quadratic on it).
MAX_UNBROKEN = 500
_UNBROKEN = re.compile(rf"\S{{{MAX_UNBROKEN},}}")
_HEADER = re.compile(r"^date\s+(\S+)\s*(.*)$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CAPTION = re.compile(r"^(?P<caption>.*?)\s*\bPhotos?:\s*(?P<credit>.+?)\s*$")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedArticle:
    published_date: date
    section: str | None
    headline: str
    standfirst: str | None
    image_caption: str | None
    image_credit: str | None
    dateline: date | None
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        """The body as published: paragraphs joined by a blank line (quote offsets index this)."""
        return "\n\n".join(self.paragraphs)


def parse_article(text: str, today: date) -> ParsedArticle:
    """Parse cleaned article text (see transforms.clean) into its parts.

    Format: an optional header line `date YYYY-MM-DD SECTION`, the headline, then optional
    standfirst, image caption (`... Photo: CREDIT`) and dateline lines, a blank line, and
    paragraphs separated by blank lines. `today` bounds plausible publication dates.
    Raises QuarantineError with a one-line reason when the text is not an article."""
    lines = text.split("\n")
    i = _skip_blank(lines, 0)
    if i == len(lines):
        raise QuarantineError("file holds only whitespace")
    header_date: date | None = None
    section: str | None = None
    m = _HEADER.match(lines[i])
    if m:
        header_date = _iso_date(m.group(1))
        section = m.group(2).strip().upper() or None
        i = _skip_blank(lines, i + 1)
    head, i = _block(lines, i)
    if not head:
        raise QuarantineError("no headline: the file ends after the header line")
    headline, extra = head[0], head[1:]
    standfirst_lines: list[str] = []
    caption = credit = None
    dateline: date | None = None
    for line in extra:
        cm = _CAPTION.match(line)
        if cm and caption is None and credit is None:
            caption, credit = cm.group("caption").strip() or None, cm.group("credit").strip() or None
        elif dateline is None and _DATELINE.match(line):
            dateline = _spelled_date(line)
        else:
            standfirst_lines.append(line)
    paragraphs = []
    while i < len(lines):
        para, i = _block(lines, i)
        if para:
            paragraphs.append(" ".join(para))
    if not paragraphs:
        raise QuarantineError("no body: no paragraph after the headline block")
    body_chars = sum(len(p) + 2 for p in paragraphs) - 2
    if body_chars > MAX_FIELD_CHARS:
        raise QuarantineError(
            f"body too long for the language model: {body_chars / 1e6:.1f} M characters "
            f"(limit {MAX_FIELD_CHARS / 1e6:.1f} M)"
        )
    for text in (headline, *standfirst_lines, *paragraphs):
        if run := _UNBROKEN.search(text):
            raise QuarantineError(
                f"not prose: {len(run.group())} characters without a space (limit {MAX_UNBROKEN - 1})"
            )
    published = header_date or dateline
    if published is None:
        raise QuarantineError("no publication date: neither a 'date YYYY-MM-DD' header nor a dateline")
    if not (published >= EARLIEST_DATE and (published - today).days <= MAX_DAYS_AHEAD):
        raise QuarantineError(f"implausible publication date {published.isoformat()}")
    return ParsedArticle(
        published_date=published,
        section=section,
        headline=headline,
        standfirst=" ".join(standfirst_lines) or None,
        image_caption=caption,
        image_credit=credit,
        dateline=dateline,
        paragraphs=tuple(paragraphs),
    )


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _block(lines: list[str], i: int) -> tuple[list[str], int]:
    """The non-blank lines from i up to the next blank line, and the index after the blank run."""
    i = _skip_blank(lines, i)
    block = []
    while i < len(lines) and lines[i].strip():
        block.append(lines[i].strip())
        i += 1
    return block, _skip_blank(lines, i)


def _iso_date(value: str) -> date:
    if not _ISO_DATE.match(value):
        raise QuarantineError(f"unreadable date {value[:40]!r} in the header line")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QuarantineError(f"impossible date {value} in the header line") from None


def _spelled_date(value: str) -> date:
    try:
        return dateparser.parse(value, fuzzy=False).date()
    except (ValueError, OverflowError):
        raise QuarantineError(f"impossible date {value!r} in the dateline") from None
