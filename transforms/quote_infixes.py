"""Tokenizer rule: a comma or colon glued to an opening quotation mark splits from the words around it.

News copy sometimes drops the space before a quotation (`Ryan said,“Look, ...`, `Clinton:"We learned
...`). spaCy's English infixes split a comma only between letters, so `said,“Look` stays one token:
the reporting verb, its punctuation and the quotation's first word are lost to the parse, and the
quotation gets no speaker. The rule adds two infixes to the loaded tokenizer: a comma or colon
between a word and an opening double mark, and the mark between that comma or colon and a word.
Numbers keep their commas (`3,"x"`); everything else the tokenizer does stays as it was.
"""

from __future__ import annotations

import re

from spacy.language import Language

# A comma or colon after a letter, before an opening double mark; the mark after it, before a word.
_GLUED = (r'(?<=[^\W\d_])[,:](?=["“])', r'(?<=[^\W\d_][,:])["“](?=\w)')


def split_glued_quotations(nlp: Language) -> None:
    """Add the two infixes of the module's docstring to `nlp`'s tokenizer (in place)."""
    current = nlp.tokenizer.infix_finditer
    pattern = current.__self__.pattern if current is not None else ""
    extra = "|".join(_GLUED)
    nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{extra}" if pattern else extra).finditer
