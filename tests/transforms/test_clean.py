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


# -- issue 20, kind 5: HTML character references and mojibake in scraped newsroom copy -------------


def _mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252, as a scraper mis-decodes it."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize(
    ("scraped", "clean"),
    [
        ("Ni&#39;Hao O&#39;Leary scored", "Ni'Hao O'Leary scored"),
        ("&#8220;We are ready,&#8221; she said", "\u201cWe are ready,\u201d she said"),
        ("he called it &quot;a farce&quot; &amp; left", 'he called it "a farce" & left'),
        ("Jos&eacute; M&#xE1;rquez &#8212; in &lt;Bilbao&gt;", "Jos\u00e9 M\u00e1rquez \u2014 in <Bilbao>"),
        ("twice escaped: it&amp;#39;s late", "twice escaped: it's late"),
    ],
)
def test_html_character_references_are_decoded(scraped: str, clean: str) -> None:
    assert clean_text(scraped) == clean


def test_text_that_only_looks_like_a_reference_stays() -> None:
    assert clean_text("AT&T and P&O merged; this&not that") == "AT&T and P&O merged; this&not that"


def test_decoded_quotation_marks_make_quotes(nlp) -> None:
    from tests.transforms.newsroom import quote, run

    _, quotes = run(nlp, "&#8220;We will rebuild the pier,&#8221; said Mayor Aoife O&#39;Dowd.")
    q = quote(quotes, "We will rebuild")
    assert (q.speaker, q.quote_type) == ("Aoife O'Dowd", "direct")


@pytest.mark.parametrize(
    "line",
    [
        _mojibake("Zo\u00eb M\u00fcller") + " said \u201cno\u201d and it\u2019s final",
        "\u201cFine,\u201d said " + _mojibake("Se\u00f1ora Mu\u00f1oz \u2014 it\u2019s done"),
        _mojibake("\u2018Caf\u00e9\u2019 \u2013") + " the \u201cnew\u201d place in M\u00e1laga",
    ],
)
def test_mojibake_is_repaired_per_run_in_a_line_with_correct_curly_marks(line: str) -> None:
    fixed = clean_text(line)
    assert not any(bad in fixed for bad in ("\u00c3", "\u00c2", "\u00e2\u20ac"))
    assert "\u201c" in fixed or "\u2018" in fixed
