"""The spaCy language model: loading it by name and annotating articles' fields."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

from transforms.article import TEXT_FIELDS, ParsedArticle
from transforms.attributes import replace_attribute_ruler
from transforms.lemmas import replace_lemmatizer
from transforms.paragraphs import add_paragraph_breaks
from transforms.quote_infixes import split_glued_quotations

# Fields run through the model; quotes and entities are found in these only.
FIELDS = TEXT_FIELDS
# Components the quote and entity logic do not read.
_UNUSED = ("senter",)
_TEXT_KEY = "newsetl.text"


def load_pipeline(name: str) -> Language:
    """Load a spaCy pipeline by package name or path (the default is flows.options.DEFAULT_MODEL),
    without components nothing reads. OSError when spaCy finds no such package or folder.

    The model's matrix products run on numpy's BLAS (OpenBLAS), not on thinc's default, blis: about a
    third less CPU for the whole model on this project's machines, the same annotations (not a token's
    tag, head, dependency, entity or sentence start differed over 2,000 news items and the 924
    polnear-dev articles). One BLAS thread per process is the caller's to set (flows.resources)."""
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(name, exclude=list(_UNUSED))
    # Same annotations as spaCy's attribute_ruler, at a fraction of its cost (its Matcher was ~11% of the time).
    replace_attribute_ruler(nlp)
    # The same lemmas as spaCy's rule lemmatizer, worked out once per distinct word form (it was ~8%).
    replace_lemmatizer(nlp)
    # A paragraph break ends a sentence: the parser, left alone, runs ~7% of news sentences across one.
    add_paragraph_breaks(nlp)
    split_glued_quotations(nlp)  # `said,“Look`: the comma and the mark are tokens of their own
    return nlp


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy joins every token's text again on each access (linear in
    the field), so rules that read the text once per mention would be quadratic. Kept in doc.user_data."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def field_texts(article: ParsedArticle) -> dict[str, str]:
    """The text of each annotated field that the article has."""
    texts = {name: getattr(article, name) for name in FIELDS}
    return {k: v for k, v in texts.items() if v}


def annotate(nlp: Language, articles: Iterable[ParsedArticle], batch_size: int = 32) -> Iterator[dict[str, Doc]]:
    """One {field: Doc} per article, in order; texts are streamed through nlp.pipe in batches."""
    articles = list(articles)
    keyed = [(n, f, t) for n, a in enumerate(articles) for f, t in field_texts(a).items()]
    docs: list[dict[str, Doc]] = [{} for _ in articles]
    for (n, f, _), doc in zip(keyed, nlp.pipe((t for _, _, t in keyed), batch_size=batch_size), strict=True):
        docs[n][f] = doc
    yield from docs
