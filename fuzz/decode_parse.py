"""atheris fuzz target: raw bytes through everything that reads a landing file without the language
model (decoding, cleaning, parsing, quote span finding). A crash is any exception other than the
one-line quarantine reason, or a quote span that does not slice to its field.

    make fuzz [FUZZ_SECONDS=600]            # or: .venv/bin/python fuzz/decode_parse.py -max_total_time=600 DIR

Seeds its corpus from seeds/ and tests' articles; crashing inputs are written as crash-* files."""

from __future__ import annotations

import sys
from datetime import date

import atheris

with atheris.instrument_imports():
    from transforms.article import parse_article
    from transforms.clean import clean_text, decode_bytes
    from transforms.errors import QuarantineError
    from transforms.quotes.spans import scan_quotes

TODAY = date(2026, 11, 29)


def one_input(data: bytes) -> None:
    try:
        article = parse_article(clean_text(decode_bytes(data)), TODAY)
    except QuarantineError as exc:
        if not str(exc) or "\n" in str(exc):
            raise AssertionError(f"quarantine reason is not one line: {exc!r}") from None
        return
    for field in (article.headline, article.standfirst or "", article.body):
        for span in scan_quotes(field):
            if not 0 <= span.start < span.end <= len(field):
                raise AssertionError(f"span {span} outside a field of {len(field)} characters")
            if field[span.start:span.end] != field[span.start:span.end].strip():
                raise AssertionError(f"span {span} is not trimmed")


def main(argv: list[str]) -> None:
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
