"""Where a field may hold a reported-speech cue, read from the Doc's attribute arrays.

reported.reported_statements looks for a cue at a verb or noun whose lemma is a cue's, and at
`according (to)`. Every other token cues nothing, yet reading each token's attributes through a
spaCy Token object costs more than the rule itself on most of them (a field is mostly other
words). These positions come from one `Doc.to_array` and one lemma lookup per distinct lemma; the
rule then reads only these tokens, and finds the same statements.
"""

from __future__ import annotations

from collections.abc import Container

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc

_CUE_POS = np.array([VERB, AUX, NOUN], dtype=np.uint64)


def cue_positions(
    doc: Doc, verb_lemmas: Container[str], noun_lemmas: Container[str], word: str = "according"
) -> list[int]:
    """Indices, in order, of the tokens that are a verb or auxiliary whose lower-cased lemma is in
    `verb_lemmas`, a noun whose lower-cased lemma is in `noun_lemmas`, or `word` in any case and
    part of speech. A superset of where reported.reported_statements can find a cue."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    word_hash = strings[word.lower()]
    attrs = doc.to_array([POS, LEMMA, LOWER])
    # the rows worth a look: `word`, and verbs, auxiliaries and nouns (a vectorised test over the field)
    rows = np.flatnonzero((attrs[:, 2] == word_hash) | np.isin(attrs[:, 0], _CUE_POS))
    wanted: dict[tuple[int, int], bool] = {}  # (part of speech, lemma hash) -> a cue's lemma
    out = []
    for i, (pos, lemma, lower) in zip(rows.tolist(), attrs[rows].tolist(), strict=True):
        if lower == word_hash:
            out.append(i)
            continue
        ok = wanted.get((pos, lemma))
        if ok is None:
            lemmas = noun_lemmas if pos == NOUN else verb_lemmas
            ok = wanted[(pos, lemma)] = strings[lemma].lower() in lemmas
        if ok:
            out.append(i)
    return out
