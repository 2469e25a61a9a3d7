"""Property tests of everything that reads input (hypothesis): raw bytes in any encoding, and text
shaped like an article with random marks, whitespace, headers and quote patterns, through decoding,
cleaning, parsing, quote span finding and the whole per-file processing with attribution. The
invariants: no exception escapes but a quarantine reason, offsets slice to the text, every file gets a
status, and the quote scanner's work grows linearly with its input."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.article import parse_article
from transforms.clean import clean_text, decode_bytes
from transforms.errors import QuarantineError
from transforms.process import RawFile, process_files
from transforms.quotes import spans as spans_module
from transforms.quotes.spans import find_quote_spans, scan_quotes

TODAY = date(2026, 11, 29)
MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "`"]
SPACES = [" ", "  ", "\t", "\u00a0", "\u200b", "\r\n", "\n", "\n\n", "\r", "\f", "\u3000"]
WORDS = ["the", "minister", "said", "told", "reporters", "he", "she", "it", "they", "Peskov", "Dmitry",
         "Kremlin", "according", "to", "warned", "Helen", "Marsh", "council", "Photo:", "Reuters", "2024",
         "é", "naïve", "Ã©", "â€œ", "—", "...", ",", ".", ":", "?"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(SPACES),
                  st.text(max_size=6))
sentence = st.lists(token, max_size=40).map("".join)
header = st.one_of(
    st.just(""),
    st.builds(lambda d, s: f" date {d.isoformat()} {s}\n", st.dates(date(1990, 1, 1), date(2030, 12, 31)),
              st.sampled_from(["WORLD", "BUSINESS", "", "local news"])),
    st.builds(lambda s: f" date {s}\n", st.text(max_size=12)),
)
dateline = st.one_of(st.just(""), st.sampled_from(["March 5, 2024\n", "September 31, 2023\n", "May 2024\n"]))


@st.composite
def article_text(draw) -> str:
    lines = [draw(header), draw(sentence) + "\n"]
    if draw(st.booleans()):
        lines.append(draw(sentence) + "\n")
    if draw(st.booleans()):
        lines.append(draw(sentence) + " Photo: " + draw(sentence) + "\n")
    lines.append(draw(dateline))
    for _ in range(draw(st.integers(0, 5))):
        lines.append(draw(st.sampled_from(["\n", "\n\n", "\r\n\r\n", "\n \n"])) + draw(sentence))
    return "".join(lines)


@st.composite
def encoded_article(draw) -> bytes:
    return draw(article_text()).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


words = st.lists(st.sampled_from(WORDS[:18]), min_size=1, max_size=12).map(" ".join)
ATTRIBUTIONS = ["said Helen Marsh.", "he said.", "the council warned.", "", "according to Peskov."]
quoted = st.builds(lambda o, w, c, after: f"{o}{w}{c} {after}", st.sampled_from(MARKS), words,
                   st.sampled_from(MARKS), st.sampled_from(ATTRIBUTIONS))
paragraph = st.lists(st.one_of(words.map(lambda w: w + "."), quoted), min_size=1, max_size=4).map(" ".join)


@st.composite
def well_formed(draw) -> bytes:
    """An article the parser accepts, with random quotes and attributions: the language work runs on it."""
    day = draw(st.dates(date(2000, 1, 1), TODAY))
    body = "\n\n".join(draw(st.lists(paragraph, min_size=1, max_size=4)))
    text = f" date {day.isoformat()} WORLD\nCouncil {draw(words)}\n\n{body}\n"
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


raw_bytes = st.one_of(st.binary(max_size=2000), encoded_article(), well_formed())


@settings(max_examples=400, deadline=None)
@given(raw_bytes)
def test_decoding_and_cleaning_raise_nothing_but_a_quarantine_reason(raw):
    try:
        text = decode_bytes(raw)
    except QuarantineError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    cleaned = clean_text(text)
    assert "\r" not in cleaned and "\u200b" not in cleaned and "\ufeff" not in cleaned
    assert all(line == line.strip() for line in cleaned.split("\n"))


@settings(max_examples=400, deadline=None)
@given(encoded_article())
def test_parsing_yields_an_article_or_a_one_line_reason(raw):
    try:
        article = parse_article(clean_text(decode_bytes(raw)), TODAY)
    except QuarantineError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert article.headline and article.paragraphs and all(article.paragraphs)
    assert article.published_date <= TODAY
    assert "\n\n" not in "".join(article.paragraphs)


@settings(max_examples=600, deadline=None)
@given(st.one_of(sentence, st.text(max_size=300), st.lists(st.sampled_from(MARKS + [" ", "a", "\n\n"])).map("".join)))
def test_quote_spans_slice_to_the_text_in_order(text):
    spans = find_quote_spans(text)
    assert all(0 <= s <= e <= len(text) for s, e in spans)
    assert spans == sorted(spans)
    for s, e in spans:
        words = text[s:e]
        assert words == words.strip() and any(c.isalnum() for c in words)
        assert words[0] not in "\u201c\u201d" and words[-1] not in "\u201c\u201d"


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 50), st.lists(st.sampled_from(MARKS + [" ", "word", "\n\n"]), min_size=1, max_size=20))
def test_quote_scanning_work_grows_linearly_with_the_input(repeat, unit):
    """Counted in steps of the scanner (calls to its feed, one per mark; `''` is one mark of two
    characters), not in seconds: a timing test measures the machine. The scan visits each mark (and
    paragraph break) once, so ten copies take between five and ten times the steps of one, but for the
    seams, each of which can make a mark or two of its own (`''«''` is 2 steps alone, 29 in ten
    copies)."""
    text = "".join(unit) * repeat
    steps = {}
    for n in (1, 10):
        calls = 0
        originals = {name: getattr(spans_module._Scanner, name) for name in ("feed", "double_pair")}

        def counting(original):
            def step(self, *args):
                nonlocal calls
                calls += 1
                return original(self, *args)

            return step

        for name, original in originals.items():
            setattr(spans_module._Scanner, name, counting(original))
        try:
            scan_quotes(text * n)
        finally:
            for name, original in originals.items():
                setattr(spans_module._Scanner, name, original)
        steps[n] = calls
    assert 5 * steps[1] <= steps[10] <= 10 * (steps[1] + 2)  # a seam adds a mark or two, not more


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(raw_bytes, min_size=1, max_size=4))
def test_every_file_gets_a_status_and_every_quote_slices_its_field(nlp, raws):
    files = [RawFile(f"f{i}.txt", raw, 1) for i, raw in enumerate(raws)]
    batch = process_files(nlp, files, TODAY)
    assert [r.path for r in batch.files] == [f.path for f in files]
    for r in batch.files:
        assert (r.reason is None) == (r.article is not None), r.reason
        assert r.reason is None or not r.reason.startswith("could not be split into rows"), r.reason
        if r.article is None:
            continue
        for q in r.quotes:
            field = r.article[q["field"]]
            assert field is not None and 0 <= q["char_start"] <= q["char_end"] <= len(field)
            assert field[q["char_start"]:q["char_end"]] == q["text"]
        assert {q["article_id"] for q in r.quotes} <= {r.article["article_id"]}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(well_formed())
def test_well_formed_articles_publish_with_their_quotes_attributed_or_not(nlp, raw):
    (result,) = process_files(nlp, [RawFile("a.txt", raw, 1)], TODAY).files
    assert result.reason is None and result.article is not None
    for q in result.quotes:
        assert result.article[q["field"]][q["char_start"]:q["char_end"]] == q["text"]
        assert q["speaker"] is None or q["speaker"].strip() == q["speaker"] != ""
