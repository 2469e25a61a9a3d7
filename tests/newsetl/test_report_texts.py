"""Article texts with their quotes marked: exact offsets, overlapping spans, paragraph breaks, escaping."""

from __future__ import annotations

import re
from html import unescape

from newsetl.report_texts import ArticleText, Span, article_html, marked, paragraphs, texts_section


def plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_quoted_words_are_marked_with_an_anchor_where_the_quote_starts() -> None:
    text = 'Mayor Helen Marsh said the fund would open in July. "Every family should apply," she said.'
    indirect = Span("q1", text.index("the fund"), text.index(". "), "Helen Marsh", "indirect")
    direct = Span("q2", text.index("Every"), text.index(',"') + 1, "Helen Marsh", "direct")
    html = marked(text, [indirect, direct])
    assert plain(html) == text  # nothing lost, nothing added
    marks = re.findall(r"<mark[^>]*>([^<]*)</mark>", html)
    assert marks == ["the fund would open in July", "Every family should apply,"]
    assert html.index('id="q-q1"') < html.index("the fund") and html.index('id="q-q2"') < html.index("Every")
    assert 'title="Helen Marsh (direct)"' in html


def test_overlapping_quotes_and_hostile_text() -> None:
    text = 'He warned they would "pay a price" <soon> & more'
    outer = Span("r", 0, len(text) - 7, None, "indirect")
    inner = Span("p", text.index("pay"), text.index('" <'), "Peskov", "partial")
    html = marked(text, [outer, inner])
    assert plain(html) == text and "<soon>" not in html
    assert 'title="unknown speaker (indirect); Peskov (partial)"' in html  # the inner words carry both
    assert html.count('class="anchor"') == 2


def test_a_quote_over_a_paragraph_break_is_marked_in_both_with_one_anchor() -> None:
    body = "First paragraph ends here.\n\nSecond one starts.\n\nThird."
    span = Span("q", body.index("ends"), body.index("starts") + 6, "X", "direct")
    html = paragraphs(body, [span])
    assert [plain(p) for p in html] == ["First paragraph ends here.", "Second one starts.", "Third."]
    assert "<mark" in html[0] and "<mark" in html[1] and "<mark" not in html[2]
    assert "".join(html).count('id="q-q"') == 1


def test_article_section_links_and_meta() -> None:
    article = ArticleText("a1", "Floods <hit>", None, "Body one.\n\nBody two.", "2024-06-19", "LOCAL", "x/y.txt",
                          {"body": (Span("q9", 0, 4, "Y", "direct"),)})
    html = article_html(article)
    assert 'id="article-a1"' in html and 'id="article-a1-p1"' in html and "Floods &lt;hit&gt;" in html
    assert "<code>x/y.txt</code>" in html and "2024-06-19 &middot; LOCAL" in html
    assert texts_section([]) == "" and 'id="section-texts"' in texts_section([article])
