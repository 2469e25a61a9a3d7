"""Where a field may hold a cue, read from the Doc's attribute arrays.

reported.reported_statements looks for a cue at a verb or noun whose lemma is a cue's, and at
`according (to)`; inheritance looks for reporting verbs. Every other token cues nothing, yet reading
each token's attributes through a spaCy Token object costs more than the rules themselves on most of
them (a field is mostly other words). These positions come from one `Doc.to_array` and one lemma
lookup per distinct lemma; the rules then read only these tokens, and find the same things.
"""

from __future__ import annotations

from collections.abc import Container, Mapping

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc


def cue_positions(
    doc: Doc,
    verb_lemmas: Container[str],
    noun_lemmas: Container[str],
    word: str = "according",
    adjective_lemmas: Container[str] = frozenset(),
) -> list[int]:
    """Indices, in order, of the tokens that are a verb or auxiliary whose lower-cased lemma is in
    `verb_lemmas`, a noun whose lower-cased lemma is in `noun_lemmas`, an adjective whose
    lower-cased lemma is in `adjective_lemmas`, or `word` in any case and part of speech. A superset
    of where reported.reported_statements can find a cue."""
    return _positions(doc, {VERB: verb_lemmas, AUX: verb_lemmas, NOUN: noun_lemmas, ADJ: adjective_lemmas}, word)


def verb_positions(doc: Doc, lemmas: Container[str]) -> list[int]:
    """Indices, in order, of the verbs (part of speech VERB) whose lower-cased lemma is in `lemmas`."""
    return _positions(doc, {VERB: lemmas}, None)


def _positions(doc: Doc, lemmas_by_pos: Mapping[int, Container[str]], word: str | None) -> list[int]:
    if not len(doc):
        return []
    strings = doc.vocab.strings
    word_hash = strings[word.lower()] if word is not None else None
    attrs = doc.to_array([POS, LEMMA, LOWER])
    # the rows worth a look, by a vectorised test over the field: `word`, and the parts of speech asked for
    rows = np.zeros(len(attrs), dtype=bool)
    for pos in lemmas_by_pos:  # (== per value: np.isin costs more than the test over so few values)
        rows |= attrs[:, 0] == pos
    if word_hash is not None:
        rows |= attrs[:, 2] == word_hash
    picked = np.flatnonzero(rows)
    wanted: dict[tuple[int, int], bool] = {}  # (part of speech, lemma hash) -> a lemma asked for
    out = []
    for i, (pos, lemma, lower) in zip(picked.tolist(), attrs[picked].tolist(), strict=True):
        if lower == word_hash:
            out.append(i)
            continue
        ok = wanted.get((pos, lemma))
        if ok is None:
            ok = wanted[(pos, lemma)] = strings[lemma].lower() in lemmas_by_pos[pos]
        if ok:
            out.append(i)
    return out
