"""What the quotes view's granularity costs score_attributions.py: a warehouse's rows as the JSON lines
it reads, with the quotation-mark pieces of one statement joined into one prediction.

usage: statement_pieces.py WAREHOUSE.duckdb OUT.jsonl
then:  score_attributions.py ATTRIBUTIONS.jsonl --jsonl OUT.jsonl

The CONTRACT gives every quotation-mark span its own row (`text = field_text[char_start:char_end]`,
the quoted words without the marks), so a quotation interrupted by its attribution, `"We will
appeal," Ms. Okafor said. "The ruling is wrong."`, is two rows. PolNeAR's annotators mark it as one
attribution whose content is both pieces, so score_attributions.py pairs the gold with one row at
most and counts the other as a false claim (and misses the gold when no piece holds half its words).
This script measures that cost and nothing else: it joins consecutive quotation rows of a
paragraph that have the same speaker and mention and lie less than 80 characters apart (the frame
between them), and keeps every other row as it is. It changes no table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

_GAP = 80  # characters between two pieces of one statement: the attribution frame, `," she said. "`


def main(warehouse: str, out: str) -> int:
    con = duckdb.connect(warehouse, read_only=True)
    rows = con.execute(
        "SELECT a.source_path, q.field, q.paragraph_index, q.char_start, q.char_end, q.quote_type, q.text, "
        "q.speaker_mention, q.speaker FROM quotes AS q JOIN articles AS a USING (article_id) "
        "ORDER BY a.source_path, q.field, q.char_start, q.char_end"
    ).fetchall()
    joined: list[dict] = []
    pieces = 0
    last = None
    for path, field, paragraph, start, end, kind, text, mention, speaker in rows:
        quotation = kind != "indirect"
        same_source = last is not None and (speaker, mention) == (last["speaker"], last["speaker_mention"])
        if (quotation and speaker and same_source and last["key"] == (path, field, paragraph)
                and 0 <= start - last["end"] < _GAP):
            last["quote"] += " " + text
            last["end"] = end
            pieces += 1
            continue
        row = {"file": Path(path).stem, "quote": text, "speaker_mention": mention, "speaker": speaker,
               "key": (path, field, paragraph), "end": end}
        joined.append(row)
        last = row if quotation else last
    with open(out, "w", encoding="utf-8") as f:
        for row in joined:
            f.write(json.dumps({k: row[k] for k in ("file", "quote", "speaker_mention", "speaker")}) + "\n")
    print(f"{len(rows)} rows; {pieces} quotation pieces joined to the piece before them; {len(joined)} predictions")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    sys.exit(main(sys.argv[1], sys.argv[2]))
