"""A fast stand-in for the model's rule lemmatizer: the same lemma on every token, worked out once per
distinct word form.

spaCy's Lemmatizer visits every token in Python and builds its cache key, morphology object and lemma string
each time (about 8% of the pipeline's time on news text). A rule lemma depends only on the token's ORTH, POS
and MORPH (spaCy caches it under that key) and on whether an earlier component (the attribute ruler) already
set a lemma, which it keeps unless told to overwrite. So this component reads those columns in one array,
asks the model's own lemmatizer (its `lemmatize` method, rules and tables) only for a key it has not seen,
and writes every lemma back in one array. Nothing is re-implemented: a new key is lemmatized by a lemmatizer
of the model's own class with the model's own tables, on a token of the doc at hand, so any subclass rule
(English `is_base_form`) applies. One change makes a new key ~30x cheaper: the rules test whether a candidate
form is a known word with `form in index`, and the tables hold each part of speech's index as a list of
thousands of words (~150 us per test); that copy holds them as sets, which answer the same.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FACTORY = "newsetl_lemmatizer"
_COLUMNS = (ORTH, POS, MORPH, LEMMA)
# Distinct (form, POS, morphology) keys kept; a long-lived worker meets new words forever, so the table is
# emptied when it reaches this size (about 10 MB) rather than growing without end.
_MAX_KEYS = 200_000

log = logging.getLogger(__name__)


class FastLemmatizer:
    """Sets `token.lemma` exactly as the wrapped spaCy Lemmatizer would, from a table of the lemmas it gave
    for each (ORTH, POS, MORPH) key. Lemma strings are kept as text, not hashes, so that strings spaCy adds
    inside a `memory_zone` (and drops at its end) are added again in the next one."""

    def __init__(self, stock: Lemmatizer, name: str = "lemmatizer") -> None:
        self.stock = stock
        self.name = name
        self.vocab = stock.vocab
        self.overwrite = stock.overwrite
        self._lemmas: dict[tuple[int, int, int], str] = {}
        self._rules: Lemmatizer | None = None  # built from the stock's tables at first use

    def _rules_with_set_index(self) -> Lemmatizer:
        """A lemmatizer of the stock's class and settings, on the stock's tables with each index a set."""
        lookups = Lookups()
        for name in self.stock.lookups.tables:
            table = self.stock.lookups.get_table(name)
            copy = lookups.add_table(name)
            for key, value in table.items():  # keys are string hashes; a Table takes them as they are
                copy[key] = frozenset(value) if name == "lemma_index" else value
        rules = type(self.stock)(self.vocab, None, self.name, mode=self.stock.mode, overwrite=self.overwrite)
        rules.initialize(lookups=lookups)
        return rules

    @property
    def mode(self) -> str:
        return self.stock.mode

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(list(_COLUMNS)).tolist()
        if len(self._lemmas) > _MAX_KEYS:  # the wrapped lemmatizer's own cache goes with it
            self._lemmas.clear()
            self._rules = None
        if self._rules is None:
            self._rules = self._rules_with_set_index()
        table, strings, rules = self._lemmas, self.vocab.strings, self._rules
        out: list[int] = []
        ids: dict[str, int] = {}  # this doc's lemma strings, added to the string store once each
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                out.append(lemma)
                continue
            key = (orth, pos, morph)
            text = table.get(key)
            if text is None:
                text = table[key] = rules.lemmatize(doc[i])[0]
            hashed = ids.get(text)
            if hashed is None:
                hashed = ids[text] = strings.add(text)
            out.append(hashed)
        doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64).reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # Serialisation is the stock lemmatizer's: its tables are all there is to save.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.stock.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> FastLemmatizer:
        self.stock.from_bytes(data, exclude=exclude)
        self._lemmas.clear()
        self._rules = None
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.stock.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FastLemmatizer:
        self.stock.from_disk(path, exclude=exclude)
        self._lemmas.clear()
        self._rules = None
        return self


@Language.factory(FACTORY, default_config={"mode": "rule", "overwrite": False})
def make_fast_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> FastLemmatizer:
    """A FastLemmatizer around the language's own lemmatizer class (EnglishLemmatizer for English), which
    needs its tables loaded (from_bytes, from_disk or replace_lemmatizer) like the stock one."""
    return FastLemmatizer(nlp.create_pipe("lemmatizer", name=name, config={"mode": mode, "overwrite": overwrite}),
                          name)


def replace_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Swap the pipeline's rule lemmatizer for a FastLemmatizer with its tables, in the same place and under
    the same name (disabling or excluding it by name still works). False, leaving the stock component, when
    there is none or it is not a rule lemmatizer (a lookup lemmatizer reads only ORTH, and is cheap already)."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if not isinstance(stock, Lemmatizer) or stock.mode != "rule":
        log.info("keeping spaCy's %s (%s)", name, getattr(stock, "mode", type(stock).__name__))
        return False
    tables = stock.to_bytes(exclude=["vocab"])
    fast = nlp.replace_pipe(name, FACTORY, config={"mode": stock.mode, "overwrite": stock.overwrite})
    fast.from_bytes(tables, exclude=["vocab"])
    return True
