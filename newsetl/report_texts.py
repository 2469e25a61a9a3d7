"""The texts of the articles the HTML report links to, each quote marked in its paragraph.

A link `#q-QUOTE_ID` lands on the quote inside its article's text (`#article-ARTICLE_ID`); the page
carries the texts of the articles its tables quote, not the whole warehouse. Offsets are the warehouse's
own: `text = field_text[char_start:char_end]` (CONTRACT.md), so the marks are exactly the quoted words;
quotations inside reported speech overlap it and are marked inside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

import duckdb

PARAGRAPH_BREAK = "\n\n"  # articles.body: paragraphs joined by a blank line (CONTRACT.md)


@dataclass(frozen=True)
class Span:
    """One quote's place in its field's text."""

    quote_id: str
    start: int
    end: int
    speaker: str | None
    kind: str


@dataclass(frozen=True)
class ArticleText:
    article_id: str
    headline: str
    standfirst: str | None
    body: str
    published_date: object
    section: str | None
    source_path: str
    spans: dict[str, tuple[Span, ...]]  # field -> its quotes


def load_texts(db: Path, quote_ids: Iterable[str]) -> list[ArticleText]:
    """The articles holding these quotes (newest first), each with every quote of it, from the warehouse
    database at `db`, read-only."""
    ids = sorted(set(quote_ids))
    if not ids:
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute(
            "SELECT article_id, headline, standfirst, body, published_date, section, source_path FROM articles "
            "WHERE article_id IN (SELECT article_id FROM quotes WHERE list_contains($ids, quote_id)) "
            "ORDER BY published_date DESC, headline", {"ids": ids}).fetchall()
        quotes = con.execute(
            "SELECT article_id, field, quote_id, char_start, char_end, speaker, quote_type FROM quotes "
            "WHERE list_contains($articles, article_id) ORDER BY char_start, char_end DESC",
            {"articles": [a[0] for a in articles]}).fetchall()
    finally:
        con.close()
    spans: dict[str, dict[str, list[Span]]] = {}
    for article_id, field, quote_id, start, end, speaker, kind in quotes:
        spans.setdefault(article_id, {}).setdefault(field, []).append(Span(quote_id, start, end, speaker, kind))
    return [ArticleText(a, h, s, b or "", d, sec, path,
                        {f: tuple(v) for f, v in spans.get(a, {}).items()})
            for a, h, s, b, d, sec, path in articles]


def marked(text: str, spans: Sequence[Span]) -> str:
    """`text` as HTML with each span's words in `<mark>` (a speaker's name as its tooltip) and an empty
    anchor `id="q-QUOTE_ID"` where the quote starts. Spans may overlap or nest; offsets outside the text
    are clipped."""
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end]
    cuts = sorted({0, n, *(min(s.start, n) for s in spans), *(min(s.end, n) for s in spans)})
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        starting = [s for s in spans if s.start == a and s.quote_id]
        parts += [f'<span class="anchor" id="q-{escape(s.quote_id)}"></span>' for s in starting]
        words = escape(text[a:b])
        over = [s for s in spans if s.start <= a and b <= s.end]
        if over:
            who = "; ".join(dict.fromkeys(f"{s.speaker or 'unknown speaker'} ({s.kind})" for s in over))
            parts.append(f'<mark title="{escape(who)}">{words}</mark>')
        else:
            parts.append(words)
    return "".join(parts)


def paragraphs(text: str, spans: Sequence[Span]) -> list[str]:
    """The body's paragraphs as HTML, quotes marked (a quote running over a paragraph break is marked in
    each paragraph it covers)."""
    out, start = [], 0
    for paragraph in text.split(PARAGRAPH_BREAK):
        end = start + len(paragraph)
        # a quote continued from the paragraph before has no anchor here (quote_id "")
        inside = [Span(s.quote_id if s.start >= start else "", max(s.start, start) - start,
                       min(s.end, end) - start, s.speaker, s.kind)
                  for s in spans if s.start < end and s.end > start]
        out.append(marked(paragraph, inside))
        start = end + len(PARAGRAPH_BREAK)
    return out


def article_html(article: ArticleText) -> str:
    """One article: headline, standfirst, the date, section and source file, then its paragraphs."""
    spans = article.spans
    meta = " &middot; ".join(escape(str(v)) for v in (article.published_date, article.section) if v)
    parts = [f'<article class="text" id="article-{escape(article.article_id)}">',
             f"<h3>{marked(article.headline or '', spans.get('headline', ()))}</h3>",
             f'<p class="meta">{meta} &middot; source file <code>{escape(article.source_path)}</code></p>']
    if article.standfirst:
        parts.append(f'<p class="standfirst">{marked(article.standfirst, spans.get("standfirst", ()))}</p>')
    for i, paragraph in enumerate(paragraphs(article.body, spans.get("body", ()))):
        parts.append(f'<p id="article-{escape(article.article_id)}-p{i}">{paragraph}</p>')
    parts.append("</article>")
    return "".join(parts)


def texts_section(articles: Sequence[ArticleText]) -> str:
    """The page's section of article texts, or nothing when no table quotes any."""
    if not articles:
        return ""
    body = "".join(article_html(a) for a in articles)
    return ('<section id="section-texts"><h2>Article texts</h2><p class="meta">The articles quoted above; '
            f"each quote is marked, its speaker on hover.</p>{body}</section>")
