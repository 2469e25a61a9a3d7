"""A fast stand-in for spaCy's attribute_ruler: the same rules and results, looked up in tables.

The stock ruler runs a generic Matcher over ~180 patterns for every token, about a tenth of the pipeline's
time. Nearly all its patterns test one token's TAG, LOWER, DEP or IS_SPACE, so a token's result depends only
on those values (and on the attributes it already has): it is worked out once per distinct combination and
cached. The few multi-token patterns ("gon na", "let 's", ...) are checked only where their first token fits.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import DEP, IDS, LEMMA, LOWER, MORPH, NORM, ORTH, POS, PREFIX, SHAPE, SUFFIX, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs
from spacy.vocab import Vocab

FACTORY = "newsetl_attributes"
# What the rules may set, in the order written back; all plain fields of a token, as set_token_attrs sets them.
_SETTABLE = (POS, TAG, MORPH, LEMMA, DEP)
# Attributes with open-ended values (words): a value is reduced to the set of rule tests it passes.
_LEXICAL = frozenset((ORTH, LOWER, NORM, SHAPE, PREFIX, SUFFIX))
# Lexeme flags (IS_SPACE, LIKE_NUM...) have ids below 64; with POS, TAG, DEP and LEMMA they are read as is.
_RAW = frozenset((POS, TAG, DEP, LEMMA))

log = logging.getLogger(__name__)

Pattern = dict[str, Any]
# Per distinct token key: (row to write, one-token rules matched, multi-token steps fitted, key).
_Entry = tuple[tuple[int, ...], tuple[int, ...], int, tuple[int, ...]]


class UnsupportedPattern(ValueError):
    """A rule this component cannot reproduce exactly (operators, extensions, MORPH tests...)."""


class _Test:
    """One condition on one attribute of a token, as spaCy's Matcher evaluates it on the attribute's hash."""

    def __init__(self, attr: int, op: str, value: Any, strings: Any) -> None:
        self.attr, self.op, self.strings = attr, op, strings
        if op == "==":
            self.value = value
        elif op in ("IN", "NOT_IN"):
            self.value = frozenset(get_string_id(v) for v in value)
        else:  # REGEX: searched in the attribute's string, like the Matcher does
            self.value = re.compile(value)

    def __call__(self, value: int) -> bool:
        if self.op == "==":
            return value == self.value
        if self.op == "IN":
            return value in self.value
        if self.op == "NOT_IN":
            return value not in self.value
        return bool(self.value.search(self.strings[value]))


def _token_tests(spec: dict, strings: Any) -> list[_Test]:
    """The tests of one token of a Matcher pattern; raises UnsupportedPattern for what the Matcher would do
    differently from a plain comparison of hashes."""
    tests = []
    for key, value in spec.items():
        name = key.upper() if isinstance(key, str) else key
        if name == "OP":
            if value != "1":
                raise UnsupportedPattern(f"operator {value!r}")
            continue
        attr = IDS.get({"TEXT": "ORTH"}.get(name, name)) if isinstance(name, str) else name
        if attr is None or not (0 < attr < 64 or attr in _LEXICAL or attr in _RAW):
            raise UnsupportedPattern(f"attribute {key!r}")
        if isinstance(value, dict):
            for op, arg in value.items():
                if op not in ("IN", "NOT_IN", "REGEX"):
                    raise UnsupportedPattern(f"predicate {op!r}")
                tests.append(_Test(attr, op, arg, strings))
        elif isinstance(value, bool):
            tests.append(_Test(attr, "==", int(value), strings))
        elif isinstance(value, str):
            tests.append(_Test(attr, "==", strings.add(value), strings))
        elif isinstance(value, int):
            tests.append(_Test(attr, "==", value, strings))
        else:
            raise UnsupportedPattern(f"value {value!r}")
    return tests


class FastAttributeRuler:
    """Sets token attributes from attribute_ruler patterns, with exactly the stock component's results: all
    patterns are matched against the tokens as they are before any is set, and later patterns win."""

    def __init__(self, vocab: Vocab, name: str = FACTORY) -> None:
        self.vocab = vocab
        self.name = name
        self._patterns: list[Pattern] = []
        self._compile()

    @property
    def patterns(self) -> list[Pattern]:
        """All the added patterns, as AttributeRuler.patterns gives them."""
        return list(self._patterns)

    def add_patterns(self, patterns: Iterable[Pattern]) -> None:
        """Add patterns in AttributeRuler's format ({"patterns", "attrs", "index"}), after those already held."""
        self._patterns.extend({"patterns": p["patterns"], "attrs": p["attrs"], "index": p.get("index", 0)}
                              for p in patterns)
        self._compile()

    def _compile(self) -> None:
        strings = self.vocab.strings
        singles: list[tuple[int, list[_Test]]] = []  # (rule index, tests) of one-token patterns
        multis: list[tuple[int, list[list[_Test]], int]] = []  # (rule index, tests per token, target token)
        self._sets: list[list[tuple[int, int]]] = []  # per rule: (column in the written row, value)
        for n, rule in enumerate(self._patterns):
            attrs = normalize_token_attrs(self.vocab, rule["attrs"])  # as AttributeRuler.add stores them
            if set(attrs) - set(_SETTABLE):
                raise UnsupportedPattern(f"rule {n} sets {sorted(map(str, attrs))}")
            self._sets.append([(_SETTABLE.index(a), v) for a, v in attrs.items()])
            for pattern in rule["patterns"]:
                if not pattern:
                    raise UnsupportedPattern(f"rule {n} has an empty pattern")
                index = rule["index"]
                target = index if index >= 0 else len(pattern) + index
                if not 0 <= target < len(pattern):
                    raise UnsupportedPattern(f"rule {n}: index {index} outside its pattern")
                steps = [_token_tests(spec, strings) for spec in pattern]
                if len(steps) == 1:
                    singles.append((n, steps[0]))
                else:
                    multis.append((n, steps, target))
        tests = [t for _, ts in singles for t in ts] + [t for _, steps, _ in multis for ts in steps for t in ts]
        # Columns read per token: what the tests look at, then what rules set (a token keeps what no rule sets).
        cols = sorted({t.attr for t in tests}, key=lambda a: (a not in _LEXICAL, a))
        cols += [a for a in _SETTABLE if a not in cols]
        self._cols = cols
        self._out = [cols.index(a) for a in _SETTABLE]
        # A word is read as the class of words passing the same of its column's tests: a small int, numbered as
        # classes are met, standing for a mask with one bit per test.
        self._bit: dict[int, tuple[int, int]] = {}  # id(test) -> (column, bit)
        self._masks: dict[int, list[int]] = {}  # column -> mask of each class
        self._classes: list[tuple[int, dict[int, int], Callable[[int], int]]] = []  # (column, word -> class, ...)
        for col, attr in enumerate(cols):
            if attr not in _LEXICAL:
                continue
            own = [t for t in tests if t.attr == attr]
            for k, t in enumerate(own):
                self._bit[id(t)] = (col, 1 << k)
            self._masks[col] = []
            self._classes.append((col, {}, self._classifier(own, self._masks[col])))
        self._singles = singles
        # Multi-token patterns: each of their tokens' tests gets one bit of a token's "step" mask.
        self._steps: list[tuple[int, list[_Test], int]] = []
        self._multis: list[tuple[int, int, int, list[int]]] = []  # (rule, length, target, step bits)
        for n, steps, target in multis:
            bits = []
            for ts in steps:
                bits.append(1 << len(self._steps))
                self._steps.append((n, ts, bits[-1]))
            self._multis.append((n, len(steps), target, bits))
        self._table: dict[tuple[int, ...], _Entry] = {}

    @staticmethod
    def _classifier(tests: list[_Test], masks: list[int]) -> Callable[[int], int]:
        exact: dict[int, int] = {}  # value -> bits of the == and IN tests it passes
        other = []
        for k, t in enumerate(tests):
            if t.op == "==":
                exact[t.value] = exact.get(t.value, 0) | 1 << k
            elif t.op == "IN":
                for v in t.value:
                    exact[v] = exact.get(v, 0) | 1 << k
            else:
                other.append((1 << k, t))

        ids: dict[int, int] = {}

        def classify(value: int) -> int:
            bits = exact.get(value, 0)
            for bit, t in other:
                if t(value):
                    bits |= bit
            if bits not in ids:
                ids[bits] = len(masks)
                masks.append(bits)
            return ids[bits]

        return classify

    def _passes(self, tests: list[_Test], key: tuple[int, ...]) -> bool:
        for t in tests:
            where = self._bit.get(id(t))
            if where is None:
                if not t(key[self._cols.index(t.attr)]):
                    return False
            elif not self._masks[where[0]][key[where[0]]] & where[1]:
                return False
        return True

    def _apply(self, key: tuple[int, ...], rules: Iterable[int]) -> tuple[int, ...]:
        row = [key[c] for c in self._out]
        for n in sorted(set(rules)):
            for c, v in self._sets[n]:
                row[c] = v
        return tuple(row)

    def _entry(self, key: tuple[int, ...]) -> _Entry:
        """For a token whose read columns are `key`: the row to write, the one-token rules it matches, the
        mask of multi-token pattern steps it fits, and the key."""
        rules = tuple(n for n, tests in self._singles if self._passes(tests, key))
        steps = 0
        for _, tests, bit in self._steps:
            if self._passes(tests, key):
                steps |= bit
        return self._apply(key, rules), rules, steps, key

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table, classes = self._table, self._classes
        entries = []
        for row in doc.to_array(self._cols).tolist():
            for col, cache, classify in classes:
                word = row[col]
                cls = cache.get(word)
                if cls is None:
                    cls = cache[word] = classify(word)
                row[col] = cls
            key = tuple(row)
            entry = table.get(key)
            if entry is None:
                entry = table[key] = self._entry(key)
            entries.append(entry)
        out = [e[0] for e in entries]
        if self._multis:
            self._match_multis(entries, out)
        doc.from_array(_SETTABLE, numpy.array(out, dtype=numpy.uint64))
        return doc

    def _match_multis(self, entries: list[_Entry], out: list[tuple[int, ...]]) -> None:
        """Redo, with all the rules they match, the rows of tokens that multi-token patterns target."""
        starts = [i for i, e in enumerate(entries) if e[2]]
        if not starts:
            return
        extra: dict[int, list[int]] = {}
        for n, length, target, bits in self._multis:
            for s in starts:
                if s + length <= len(entries) and all(entries[s + k][2] & bit for k, bit in enumerate(bits)):
                    extra.setdefault(s + target, []).append(n)
        for i, rules in extra.items():
            out[i] = self._apply(entries[i][3], [*entries[i][1], *rules])

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"patterns": self._patterns})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> FastAttributeRuler:
        self._patterns = []
        self.add_patterns(srsly.msgpack_loads(data)["patterns"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_msgpack(path / "patterns", self._patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FastAttributeRuler:
        self._patterns = []
        self.add_patterns(srsly.read_msgpack(Path(path) / "patterns"))
        return self


@Language.factory(FACTORY)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the pipeline's attribute_ruler for a FastAttributeRuler with its patterns, in the same place and
    under the same name (so disabling or excluding it by name still works). False, leaving the stock component,
    if there is none or a pattern is beyond what the fast one reproduces exactly."""
    if name not in nlp.pipe_names:
        return False
    patterns = nlp.get_pipe(name).patterns
    try:
        FastAttributeRuler(nlp.vocab).add_patterns(patterns)
    except UnsupportedPattern as e:
        log.warning("keeping spaCy's %s: %s", name, e)
        return False
    nlp.replace_pipe(name, FACTORY).add_patterns(patterns)
    return True
