import pytest

from transforms.clean import clean_text, decode_bytes
from transforms.errors import QuarantineError


def test_utf8_with_bom_and_crlf():
    raw = "\ufeff date 2024-01-02 NEWS\r\nHeadline\r\n\r\nBody “quoted” text.  \r\n".encode()
    text = clean_text(decode_bytes(raw))
    assert text.splitlines()[0] == "date 2024-01-02 NEWS"
    assert "\r" not in text and "\ufeff" not in text
    assert "Body “quoted” text." in text.splitlines()


def test_windows_1252_bytes_decode():
    raw = "The minister said \u201cno comment\u201d \u2013 twice.".encode("cp1252")
    assert decode_bytes(raw) == "The minister said \u201cno comment\u201d \u2013 twice."


def test_mixed_utf8_and_windows_1252_lines():
    raw = "caf\u00e9 in UTF-8\n".encode() + "caf\u00e9 in 1252\n".encode("cp1252")
    assert decode_bytes(raw) == "caf\u00e9 in UTF-8\ncaf\u00e9 in 1252\n"


def test_utf16_with_bom():
    raw = "date 2024-01-02 NEWS\nHeadline\n\nBody.".encode("utf-16")
    assert decode_bytes(raw).startswith("date 2024-01-02")


def test_mojibake_repaired_and_curly_quotes_kept():
    broken = "don\u2019t caf\u00e9".encode().decode("cp1252")  # UTF-8 read as Windows-1252: donâ€™t cafÃ©
    assert clean_text(broken + " \u201cyes\u201d") == "don\u2019t caf\u00e9 \u201cyes\u201d"


def test_whitespace_and_invisible_characters():
    assert clean_text("a\u00a0\u00a0b\tc\u200b d   \n  e  ") == "a b c d\ne"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t \r\n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (bytes([0x81, 0x8D, 0x8F]) + b" date", "undecodable bytes on line 1"),
    ],
)
def test_unreadable_input_is_quarantined_with_a_reason(raw, reason):
    with pytest.raises(QuarantineError, match=reason):
        decode_bytes(raw)
