"""The fast lemmatizer (transforms.lemmas) against the model's own, token for token, over a corpus.

    python bench/check_lemmas.py FOLDER_OF_ARTICLES

Each article's fields go through the pipeline as newsetl runs it up to the lemmatizer; then the model's
stock Lemmatizer and the FastLemmatizer each lemmatize a copy of every doc. Prints the tokens compared, the
mismatches (each one listed) and both lemmatizers' seconds; exits 1 on any mismatch."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import spacy

from flows.options import DEFAULT_MODEL
from transforms.article import parse_article
from transforms.clean import clean_text, decode_bytes
from transforms.errors import QuarantineError
from transforms.nlp import field_texts, load_pipeline


def main(folder: Path) -> int:
    nlp = load_pipeline(DEFAULT_MODEL)
    stock = spacy.load(DEFAULT_MODEL, exclude=["senter"]).get_pipe("lemmatizer")
    fast = nlp.get_pipe("lemmatizer")
    texts = []
    for path in sorted(folder.rglob("*.txt")):
        try:
            texts += field_texts(parse_article(clean_text(decode_bytes(path.read_bytes())), date.today())).values()
        except QuarantineError:
            continue
    tokens = mismatches = 0
    seconds = {"stock": 0.0, "fast": 0.0}
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n in ("lemmatizer", "ner")]):
        for doc in nlp.pipe(texts, batch_size=32):
            got = {}
            for name, component in (("stock", stock), ("fast", fast)):
                copy = doc.copy()
                t0 = time.perf_counter()
                component(copy)
                seconds[name] += time.perf_counter() - t0
                got[name] = [(t.i, t.text, t.pos_, t.lemma_) for t in copy]
            tokens += len(doc)
            for a, b in zip(got["stock"], got["fast"], strict=True):
                if a != b:
                    mismatches += 1
                    print(f"mismatch: stock {a} fast {b}")
    print(f"{len(texts)} fields, {tokens} tokens, {mismatches} mismatches; lemmatizer seconds: "
          f"stock {seconds['stock']:.2f}, fast {seconds['fast']:.2f}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
