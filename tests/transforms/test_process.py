"""Raw files to results: every file gets its rows or one reason, in input order, and never fails the others."""

from __future__ import annotations

import hashlib
from datetime import date

from tests.articles import GARDEN, HARBOUR
from transforms.process import RawFile, process_files
from transforms.stories import signature

TODAY = date(2026, 11, 29)


def test_each_file_becomes_rows_or_a_reason_in_input_order(nlp):
    files = [
        RawFile("harbour.txt", HARBOUR.encode(), 1),
        RawFile("empty.txt", b"", 2),
        RawFile("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 3),
        RawFile("garden-cp1252.txt", GARDEN.replace("\n", "\r\n").encode("cp1252"), 4),
    ]
    batch = process_files(nlp, files, TODAY)
    assert [r.path for r in batch.files] == [f.path for f in files]
    harbour, empty, photo, garden = batch.files
    assert harbour.reason is None and harbour.article["headline"].startswith("Port of Calder")
    assert harbour.sha256 == hashlib.sha256(HARBOUR.encode()).hexdigest() and harbour.size_bytes == len(HARBOUR)
    assert any(q["speaker"] == "Tomas Greer" for q in harbour.quotes)
    assert any(e["name"] == "Helen Marsh" for e in harbour.entities)
    assert empty.reason and empty.article is None and not empty.quotes
    assert photo.reason and "\n" not in photo.reason
    assert garden.reason is None and garden.mtime_ns == 4
    assert {"parse", "nlp", "entities", "quotes", "rows", "sign"} <= set(batch.stages)
    assert all(r.seconds >= 0 for r in batch.files)
    # each article's body is signed where it was read, for the flow's story assignment
    assert (harbour.signature == signature(harbour.article["body"])).all()
    assert empty.signature is None and photo.signature is None


def test_the_same_article_in_other_bytes_gets_the_same_id(nlp):
    crlf_bom = ("\ufeff" + HARBOUR.replace("\n", "\r\n")).encode()
    a, b = process_files(nlp, [RawFile("a.txt", HARBOUR.encode(), 1), RawFile("b.txt", crlf_bom, 1)], TODAY).files
    assert a.sha256 != b.sha256 and a.article["article_id"] == b.article["article_id"]


def test_a_worker_string_store_does_not_grow_with_what_it_reads(nlp):
    """Each batch's new words are forgotten with the batch (nlp.memory_zone), and a word seen again in a
    later batch gives the same rows."""
    renamed = {n: HARBOUR.replace("Calder", f"Qzw{n}xville").replace("Greer", f"Vlorx{n}") for n in range(3)}
    first = process_files(nlp, [RawFile("h0.txt", renamed[0].encode(), 1)], TODAY).files[0]
    size = len(nlp.vocab.strings)
    for n in (1, 2):
        process_files(nlp, [RawFile(f"h{n}.txt", renamed[n].encode(), 1)], TODAY)
    assert len(nlp.vocab.strings) == size
    assert "Vlorx2" not in nlp.vocab.strings
    again = process_files(nlp, [RawFile("h0.txt", renamed[0].encode(), 1)], TODAY).files[0]
    assert (again.article, again.quotes, again.entities) == (first.article, first.quotes, first.entities)
    assert any("Qzw0xville" in e["name"] for e in again.entities)
