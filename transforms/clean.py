"""Bytes to clean text: encodings, HTML character references, mojibake, Unicode normalisation and
whitespace."""

from __future__ import annotations

import re

import ftfy
from ftfy.fixes import unescape_html

from transforms.errors import QuarantineError

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # done first, by unescape_references, whatever else the text holds
    uncurl_quotes=False,  # curly marks carry quote boundaries
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)
# Control characters that never belong in article text (tab, LF, CR and FF are handled as whitespace).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_INLINE_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def decode_bytes(raw: bytes) -> str:
    """Decode raw file bytes leniently: UTF-8 (with or without BOM), UTF-16 with a BOM, and
    Windows-1252 line by line where a line is not UTF-8 (files mixing the two exist).

    Raises QuarantineError for empty, binary or undecodable input."""
    if not raw.strip():
        raise QuarantineError("empty file" if not raw else "file holds only whitespace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise QuarantineError(f"undecodable UTF-16 at byte {exc.start}") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:4096]:
        raise QuarantineError("binary content (NUL bytes), not a text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = "".join(_decode_line(line, n) for n, line in enumerate(raw.splitlines(keepends=True), 1))
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > 8 and controls > 0.01 * min(len(text), 65536):
        raise QuarantineError("binary content (control characters), not a text file")
    return text


def _decode_line(line: bytes, lineno: int) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise QuarantineError(
            f"undecodable bytes on line {lineno}: neither UTF-8 nor Windows-1252 (byte 0x{line[exc.start]:02x})"
        ) from None


def unescape_references(text: str) -> str:
    """Decode the HTML character references scraped feeds leave in text (`&#39;`, `&#8220;`,
    `&quot;`, `&amp;`, `&eacute;`), also when escaped twice (`&amp;#39;`), so that their quotation
    marks and apostrophes count. ftfy's own fixer decides what is a reference: only those ending in a
    semicolon, so `AT&T` and `this&not that` stay as written. ftfy's automatic unescaping is not used:
    it skips any text holding a `<`."""
    for _ in range(2):
        decoded = unescape_html(text)
        if decoded == text:
            break
        text = decoded
    return text


def clean_text(text: str) -> str:
    """Decode HTML character references, repair mojibake, normalise to NFC, unify line endings,
    drop control and zero-width characters, collapse runs of inline spaces and strip each line's
    ends. Mojibake is repaired per run of damaged characters (ftfy's fix_encoding, then its
    decode_inconsistent_utf8 for runs inside otherwise correct text), so a line that also holds
    correct curly quotation marks or accents keeps them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = unescape_references(text)
    text = ftfy.fix_text(text, _FTFY)
    text = _ZERO_WIDTH.sub("", _CONTROL.sub("", text))
    return "\n".join(_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
