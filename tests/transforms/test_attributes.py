"""The fast attribute ruler (transforms.attributes) against spaCy's own: the same annotations, token for token.

Texts are the fictional test articles, the seed article and sentences written to hit the ruler's odd rules
(contractions, multi-token patterns, whitespace tokens); random docs with hand-set tags and labels reach the
rules that model output seldom does."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from flows.options import DEFAULT_MODEL
from tests import articles
from tests.conftest import SEED
from transforms.attributes import FastAttributeRuler, UnsupportedPattern, replace_attribute_ruler
from transforms.clean import clean_text, decode_bytes

UGLY = [
    "We're gonna win, I'm sure, and they don't know it. Let's go! You gotta see it; y'all come back now.",
    "I ain't done. She ain't nt ready. It's five o'clock and she's gone, it's raining and he's had enough.",
    "C'mon, we're doin' nothin' but goin' to the ol' mill; somethin' 'bout 'em. 'Nuff said. I'll go, you'd've known.",
    "There is a cat. There's hope; there are dogs, there were three and there was one. There're more.",
    "Mr. Smith, Dr. Jones and the U.S. Army met at 9 a.m. on Jan. 5, e.g. in St. Louis, Mo., vs. Calif. Inc.",
    "Two  spaces here.\n\nNew paragraph.\t Tab.   \n  Trailing  ",
    "\u201cCurly,\u201d he said. 'Single' and \"straight\" quotes, \u2018nested \u201cones\u201d\u2019, ``old'' style.",
    "I did it. Had he known? Has she? Does it matter? It does. Did they? They had, and have, and do.",
    "Give it to me, not to I. Him and her saw you, you saw it, it saw us. That is that; this or those?",
    "Can't, won't, shan't, couldn't, wouldn't, mustn't, needn't, ain't, isn't, wasn't; I'd, we'd, they'll.",
    "Anyone, anything, nothing, everybody, somebody, someone: something must give. Well, then, here once.",
    "  ",
    "\n",
    "",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as spaCy loads it, with its own attribute_ruler (and the paragraph breaks newsetl gives the
    parser, so that only the attribute_ruler differs)."""
    from transforms.paragraphs import add_paragraph_breaks

    model = spacy.load(DEFAULT_MODEL, exclude=["senter"])
    add_paragraph_breaks(model)
    return model


def texts() -> list[str]:
    fictional = [articles.HARBOUR, articles.GARDEN, articles.COUNCIL, *articles.FORTNIGHT.values()]
    return [*fictional, clean_text(decode_bytes(SEED.read_bytes())), *UGLY]


def annotations(doc: Doc) -> list[tuple]:
    return [(t.i, t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_type_, t.ent_iob_)
            for t in doc]


def test_the_pipeline_uses_the_fast_ruler(nlp: Language, stock: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert nlp.pipe_names == stock.pipe_names
    assert nlp.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns


def test_annotations_equal_the_stock_pipeline(nlp: Language, stock: Language) -> None:
    docs = zip(nlp.pipe(texts(), batch_size=8), stock.pipe(texts(), batch_size=8), strict=True)
    for fast_doc, stock_doc in docs:
        assert annotations(fast_doc) == annotations(stock_doc)


def test_multi_token_rules_apply(nlp: Language) -> None:
    # "gon na", "let 's" and "y' all" are matched across two tokens.
    lemmas = {(t.text, t.lemma_) for t in nlp("We're gonna go. Let's see what y'all say. You gotta ask.")}
    assert {("gon", "go"), ("na", "to"), ("'s", "us"), ("y'", "you"), ("ta", "to")} <= lemmas


# Neighbours that multi-token patterns look for.
PAIRS = [["gon", "na"], ["got", "ta"], ["let", "'s"], ["c'm", "on"], ["y", "all"], ["y'", "all"], ["ai", "n't"],
         ["ai", "nt"], ["there", "is"], ["there", "'s"], ["it", "were"]]


def values(value: object) -> list:
    """The values a pattern's attribute names: the value, or the IN list."""
    return [value] if isinstance(value, str) else value.get("IN", []) if isinstance(value, dict) else []


def pattern_hints(nlp: Language) -> dict[str, tuple[list[str], list[str]]]:
    """Each word the ruler's patterns name (by LOWER), with the tags and labels named beside it."""
    hints: dict[str, tuple[list[str], list[str]]] = {}
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        for spec in (spec for pattern in rule["patterns"] for spec in pattern):
            for word in values(spec.get("LOWER")):
                tags, deps = hints.setdefault(word, ([], []))
                tags.extend(values(spec.get("TAG")))
                deps.extend(values(spec.get("DEP")))
    return hints


def random_docs(nlp: Language, n: int, seed: int = 7) -> list[Doc]:
    """Docs of words the rules name (and some they don't, and whitespace) with random tags and labels, often
    those the rules name beside the word; some docs have no labels or no tags at all."""
    rng = random.Random(seed)
    tags = sorted({"", "TO", "_SP", '""', "#", "NIL", "GW", "BES", "HVS", *nlp.get_pipe("tagger").labels})
    deps = ["", "dep", "ROOT", "nsubj", "dobj", "pobj", "aux", "auxpass", "mark", "det", "quantmod", "expl",
            "advmod", "advcl", "ccomp", "conj", "relcl", "xcomp", "amod", "punct"]
    hints = pattern_hints(nlp)
    words = sorted(hints) + ["y", "y'", "nuthin'", "nt", "harbour", "Calder", ",", ".", "''", "-"]
    words += [" ", "  ", "\n", "\t"]

    def pick(named: list[str], every: list[str]) -> str:
        return rng.choice(named) if named and rng.random() < 0.5 else rng.choice(every)

    docs = []
    for k in range(n):
        ws: list[str] = []
        for _ in range(rng.randint(1, 20)):
            ws.extend(rng.choice(PAIRS) if rng.random() < 0.15 else [rng.choice(words)])
        named = [hints.get(w, ([], [])) for w in ws]
        ws = [w.upper() if rng.random() < 0.1 else w for w in ws]
        labelled = k % 4 != 0
        docs.append(Doc(
            nlp.vocab,
            words=ws,
            spaces=[False] * len(ws),
            tags=[pick(t, tags) for t, _ in named] if k % 10 else None,
            heads=list(range(len(ws))) if labelled else None,
            deps=[pick(d, deps) for _, d in named] if labelled else None,
        ))
    return docs


def test_every_rule_as_the_stock_ruler_applies_it(stock: Language) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(stock.vocab)
    fast.add_patterns(ruler.patterns)
    for doc in random_docs(stock, 2000):
        expected, got = ruler(doc.copy()), fast(doc.copy())
        assert [(t.pos, t.tag, t.morph.key, t.lemma, t.dep, t.head.i) for t in got] == \
               [(t.pos, t.tag, t.morph.key, t.lemma, t.dep, t.head.i) for t in expected], doc.text


def test_patterns_survive_serialisation(stock: Language) -> None:
    patterns = stock.get_pipe("attribute_ruler").patterns
    fast = FastAttributeRuler(stock.vocab)
    fast.add_patterns(patterns)
    assert FastAttributeRuler(stock.vocab).from_bytes(fast.to_bytes()).patterns == patterns


def test_a_rule_it_cannot_reproduce_keeps_the_stock_ruler() -> None:
    nlp = spacy.blank("en")
    ruler: AttributeRuler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    with pytest.raises(UnsupportedPattern):
        FastAttributeRuler(nlp.vocab).add_patterns(ruler.patterns)
    assert not replace_attribute_ruler(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
