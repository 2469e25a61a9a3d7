"""Paragraph breaks as sentence boundaries, set before the parser runs.

A field's paragraphs are joined by a blank line (transforms.article); the model parses the field as one
text and, left alone, runs a sentence on across a paragraph break in about 7% of the sentences of
news bodies (most often after a paragraph that ends in a quotation: `..., said X.` then `''Even if
...,'' Mr. X said.`), so that one paragraph's clause hangs off the other's root and neither reads
right. A line break ends a sentence in news copy; spaCy's parser keeps sentence starts set before it
runs (https://spacy.io/usage/linguistic-features#sbd), so marking them costs one pass over the tokens.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "paragraph_breaks"


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after each line break (a whitespace token holding a newline) as a sentence
    start. The whitespace token stays with the sentence before it."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
            after_break = False
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Put the component right before the parser (or last, for a pipeline without one)."""
    if COMPONENT in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    else:
        nlp.add_pipe(COMPONENT)
