from datetime import date

import pytest

from tests.articles import HARBOUR
from transforms.article import parse_article
from transforms.clean import clean_text, decode_bytes
from transforms.errors import QuarantineError

TODAY = date(2026, 1, 1)


def parse(text: str):
    return parse_article(clean_text(text), TODAY)


def test_full_header_block():
    a = parse(HARBOUR)
    assert a.published_date == date(2024, 3, 5)
    assert a.section == "BUSINESS"
    assert a.headline == "Port of Calder to double its container capacity by 2027"
    assert a.standfirst == 'Harbour board says the expansion will create "hundreds of jobs".'
    assert a.image_caption == "Cranes at the Port of Calder at dawn."
    assert a.image_credit == "Lena Ortiz / Coastline Press"
    assert a.dateline == date(2024, 3, 5)
    assert len(a.paragraphs) == 6
    assert a.body.split("\n\n") == list(a.paragraphs)


def test_minimal_header_headline_blank_body():
    a = parse(" date 2016-02-01 POLITICS\nA headline\n\nFirst paragraph.\n\nSecond paragraph.\n")
    assert (a.headline, a.standfirst, a.image_caption, a.image_credit) == ("A headline", None, None, None)
    assert a.paragraphs == ("First paragraph.", "Second paragraph.")


def test_dateline_without_header_gives_the_date():
    a = parse("A headline\nSeptember 12, 2023\n\nBody text here.")
    assert a.published_date == date(2023, 9, 12) and a.section is None


def test_runs_of_blank_lines_trailing_spaces_and_wrapped_lines():
    a = parse(" date 2020-05-05 X  \n\n\nHeadline   \n\n\n\nLine one\nwrapped here.   \n\n\n\nNext.\n\n\n")
    assert a.headline == "Headline"
    assert a.paragraphs == ("Line one wrapped here.", "Next.")


def test_crlf_bom_and_windows_1252_file_parses_like_utf8():
    raw = ("\ufeff" + HARBOUR.replace("\n", "\r\n")).encode("utf-8")
    assert parse_article(clean_text(decode_bytes(raw)), TODAY) == parse(HARBOUR)
    raw1252 = HARBOUR.replace("\n", "\r\n").encode("cp1252")
    assert parse_article(clean_text(decode_bytes(raw1252)), TODAY) == parse(HARBOUR)


def test_curly_and_straight_quotes_survive():
    a = parse(" date 2020-05-05 X\nHeadline\n\n\u201cCurly,\u201d she said. \"Straight,\" he said.")
    assert a.paragraphs[0] == "\u201cCurly,\u201d she said. \"Straight,\" he said."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (" date 2023-09-12 WORLD\n", "no headline"),
        (" date 2023-09-12 WORLD\nJust a headline\n", "no body"),
        (" date 2023-02-30 WORLD\nHeadline\n\nBody.", "impossible date 2023-02-30"),
        (" date 2023-13-01 WORLD\nHeadline\n\nBody.", "impossible date"),
        (" date yesterday WORLD\nHeadline\n\nBody.", "unreadable date"),
        (" date 1066-10-14 WORLD\nHeadline\n\nBody.", "implausible publication date 1066-10-14"),
        (" date 2999-01-01 WORLD\nHeadline\n\nBody.", "implausible publication date"),
        ("Headline\n\nBody without any date.", "no publication date"),
        ("id,name\n1,foo\n\n2,bar\n", "no publication date"),
        ("<html><body>\n<p>Hi</p>\n\n</body></html>", "no publication date"),
        (" date 2020-01-01 X\nHeadline\n\n" + '"' * 300_000, "not prose: 300000 characters without a space"),
        (" date 2020-01-01 X\nHeadline\n\n" + "word " * 210_000, "body too long for the language model"),
    ],
)
def test_what_is_not_an_article_is_quarantined(text, reason):
    with pytest.raises(QuarantineError, match=reason):
        parse(text)
