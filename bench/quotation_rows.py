"""Write a warehouse's quotation-mark rows as the JSON lines score_quotes.py reads.

usage: quotation_rows.py WAREHOUSE.duckdb OUT.jsonl

score_quotes.py grades quotation-mark spans, and counts every row it is given as one; the quotes
view also holds reported speech (quote_type 'indirect') and verbatim statements that no quotation
mark encloses (an interview transcript's `A:` answers), which score_attributions.py grades. So
`make eval-quotes` gives score_quotes the rows that are quotation-mark spans: direct or partial rows
whose first character follows an opening quotation mark (and perhaps spaces). Not the rows opened
by two straight single marks (`''We will win,'' he said.`, the New York Times archive's convention):
newsetl reads them as quotation marks, but the gold does not annotate that convention (of the 123
polnear-dev articles quoted so, 4 have gold spans, all from their double marks), so it would grade
every such quotation as a false one. score_attributions.py, whose annotators did mark them, grades them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

OPENING_MARKS = ('"', "“", "‘", "'", "«", "„", "‹", "`")


def main(warehouse: str, out: str) -> int:
    con = duckdb.connect(warehouse, read_only=True)
    rows = con.execute(
        "SELECT a.source_path, q.text, q.speaker_mention, q.speaker FROM quotes AS q "
        "JOIN articles AS a USING (article_id) WHERE q.quote_type <> 'indirect' AND q.char_start > 0 "
        "AND right(rtrim(substr(CASE q.field WHEN 'body' THEN a.body WHEN 'headline' THEN a.headline "
        "ELSE a.standfirst END, greatest(1, q.char_start - 3), least(q.char_start, 4))), 1) IN ? "
        "AND right(rtrim(substr(CASE q.field WHEN 'body' THEN a.body WHEN 'headline' THEN a.headline "
        "ELSE a.standfirst END, greatest(1, q.char_start - 3), least(q.char_start, 4))), 2) <> ?",
        [list(OPENING_MARKS), "''"],
    ).fetchall()
    with open(out, "w", encoding="utf-8") as f:
        for path, text, mention, speaker in rows:
            f.write(json.dumps({"file": Path(path).stem, "quote": text, "speaker_mention": mention,
                                "speaker": speaker}) + "\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    sys.exit(main(sys.argv[1], sys.argv[2]))
