"""Analysts' corrections: small CSV files under the warehouse folder, in the spirit of dbt seeds.

Every `*.csv` file of WAREHOUSE/corrections/ is read, in name order (but hidden ones and editors' lock
files, whose names start with `.` or `~`: `.#corrections.csv`, `~$corrections.csv`); `newsetl correct` appends to
corrections.csv, and a file may be edited by hand. Each file starts with the header HEADER; each line is
one correction: `id` (unique across the files), `kind` (schema.CORRECTION_KINDS), `target`, `value`,
`who`, `when` (ISO 8601 date or time) and `why`. Targets are the warehouse's stable keys:

| kind | target | value |
| --- | --- | --- |
| speaker | quote_id | the speaker's name; empty: no speaker |
| not-quote | quote_id | empty |
| entity-name | entity_id | the canonical name |
| entity-label | entity_id | a label of schema.ENTITY_LABELS |
| merge | two or more PERSON names or entity ids, joined by `|` | empty |
| split | one PERSON name or entity id | empty |
| exclude | article_id | empty |

Loading validates every line before anything is applied: a malformed line raises CorrectionError naming
file and line, so corrections apply whole or not at all. A later line for the same kind and target
supersedes an earlier one. Applying them is warehouse.corrections_apply's job."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path

from warehouse.schema import (
    CORRECTION_KINDS,
    ENTITY_LABEL,
    ENTITY_LABELS,
    ENTITY_NAME,
    EXCLUDE,
    MERGE,
    NOT_QUOTE,
    SPEAKER_FIX,
    SPLIT,
)

FOLDER = "corrections"  # under the warehouse folder
DEFAULT_FILE = "corrections.csv"  # where `newsetl correct` appends
HEADER = ("id", "kind", "target", "value", "who", "when", "why")
_HEX = {32: re.compile(r"[0-9a-f]{32}"), 16: re.compile(r"[0-9a-f]{16}")}
_TARGETS = {  # kind -> (what the target is, length of its hex id)
    SPEAKER_FIX: ("a quote_id", 32), NOT_QUOTE: ("a quote_id", 32), EXCLUDE: ("an article_id", 32),
    ENTITY_NAME: ("an entity_id", 16), ENTITY_LABEL: ("an entity_id", 16),
}
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WHY_BREAKS = re.compile(r"[\r\n\t]")  # a why may run over lines (as written on any system) and hold tabs


class CorrectionError(ValueError):
    """A correction file or line that cannot be applied; the message is one line: `FILE:LINE: reason`."""


@dataclass(frozen=True)
class Correction:
    id: str
    kind: str
    target: str
    value: str
    who: str
    when: str
    why: str
    file: str = ""  # relative to the warehouse folder
    line: int = 0

    @property
    def parts(self) -> tuple[str, ...]:
        """The names or ids a merge joins (its target split at `|`); the target alone for other kinds."""
        return tuple(p.strip() for p in self.target.split("|")) if self.kind == MERGE else (self.target,)


def folder(warehouse: Path) -> Path:
    return Path(warehouse) / FOLDER


def load(warehouse: Path) -> list[Correction]:
    """Every correction of `warehouse`, in file and line order (`file` relative to `warehouse`); [] when
    there is no corrections folder. CorrectionError (one line: the file's path, its line, the reason) for
    the first malformed line or a duplicated id, or when `corrections` is not a folder."""
    root = folder(warehouse)
    if not root.exists():
        return []
    if not root.is_dir():  # its corrections would otherwise be silently ignored
        raise CorrectionError(f"{root}: is not a folder (corrections are *.csv files in a folder of that name)")
    out: list[Correction] = []
    seen: dict[str, str] = {}
    # `*.csv` in any case: a `Fixes.CSV` saved by a spreadsheet is read, not silently passed over.
    for path in sorted(p for p in root.iterdir() if p.suffix.casefold() == ".csv" and not p.is_dir()):
        if path.name.startswith((".", "~")):  # hidden, or an editor's lock (.#x.csv) or office owner file (~$x.csv)
            continue
        name = path.relative_to(warehouse).as_posix()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CorrectionError(f"{path}: cannot read it ({exc})") from None
        for c in parse(text, str(path)):
            c = replace(c, file=name)
            if c.id in seen:
                raise CorrectionError(f"{path}:{c.line}: id {c.id!r} is already used at {seen[c.id]}")
            seen[c.id] = f"{name}:{c.line}"
            out.append(c)
    return out


def parse(text: str, name: str) -> list[Correction]:
    """The corrections in one file's `text` (`name` for the messages)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return []
        if tuple(h.strip() for h in header) != HEADER:
            raise CorrectionError(f"{name}:1: the header must be {','.join(HEADER)}, not {','.join(header)}")
        out = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue  # a blank line
            line = reader.line_num
            if len(row) != len(HEADER):
                raise CorrectionError(f"{name}:{line}: {len(row)} fields, expected {len(HEADER)} ({','.join(HEADER)}; "
                                      "quote a value that holds a comma)")
            c = Correction(*(cell.strip() for cell in row), file=name, line=line)
            if reason := problem(c):
                raise CorrectionError(f"{name}:{line}: {reason}")
            out.append(c)
        return out
    except csv.Error as exc:
        raise CorrectionError(f"{name}:{reader.line_num}: {exc}") from None


def problem(c: Correction) -> str | None:
    """Why the correction `c` is malformed, or None."""
    if not _ID.fullmatch(c.id):
        return f"id {c.id!r} must be letters, digits, '.', '_' or '-'"
    if c.kind not in CORRECTION_KINDS:
        return f"kind {c.kind!r} is not one of {', '.join(CORRECTION_KINDS)}"
    for column in HEADER:  # a NUL or other control character is a damaged or binary file, not a name
        text = getattr(c, column)
        if _CONTROL.search(_WHY_BREAKS.sub(" ", text) if column == "why" else text):
            return f"{column} {text!r} holds a control character (a damaged file, or not text)"
    for column in ("who", "why"):
        if not getattr(c, column):
            return f"{column} is empty: every correction says who made it and why"
    if not _iso(c.when):
        return f"when {c.when!r} is not an ISO 8601 date or time (e.g. 2024-05-01 or 2024-05-01T09:30:00+00:00)"
    if c.kind in _TARGETS:
        what, length = _TARGETS[c.kind]
        if not _HEX[length].fullmatch(c.target):
            return f"target {c.target!r} must be {what} ({length} hex digits) in a correction of kind {c.kind}"
    elif c.kind == MERGE:
        if len(c.parts) < 2 or not all(c.parts):
            return f"target {c.target!r} of a merge must name two or more people, joined by |"
        if len({p.casefold() for p in c.parts}) < len(c.parts):
            return f"target {c.target!r} of a merge names a person twice: a merge joins different people"
    elif not c.target:
        return f"target is empty: a correction of kind {c.kind} names the person or gives the entity_id"
    if c.kind == ENTITY_NAME and not c.value:
        return "value is empty: an entity-name correction gives the new name"
    if c.kind == ENTITY_LABEL and c.value not in ENTITY_LABELS:
        return f"value {c.value!r} is not a label: one of {', '.join(ENTITY_LABELS)}"
    if c.kind in (NOT_QUOTE, MERGE, SPLIT, EXCLUDE) and c.value:
        return f"value must be empty in a correction of kind {c.kind}, not {c.value!r}"
    return None


def _iso(text: str) -> bool:
    for parse_ in (datetime.fromisoformat, date.fromisoformat):
        try:
            parse_(text)
            return True
        except ValueError:
            continue
    return False


def next_id(existing: Sequence[Correction]) -> str:
    """`c` and the next free number: c1, c2, ... (ids written by hand are kept as they are)."""
    used = {int(c.id[1:]) for c in existing if re.fullmatch(r"c\d+", c.id)}
    return f"c{max(used, default=0) + 1}"


def append(warehouse: Path, c: Correction) -> Path:
    """Validate the warehouse's corrections and `c` (CorrectionError naming file and line otherwise),
    then append `c` as a line of corrections/corrections.csv (created with its header). Returns the file."""
    existing = load(warehouse)
    path = folder(warehouse) / DEFAULT_FILE
    line = _lines(path) + 1 if path.exists() else 2
    new = Correction(**{f.name: getattr(c, f.name) for f in fields(c) if f.name not in ("file", "line")},
                     file=path.relative_to(warehouse).as_posix(), line=line)
    if reason := problem(new):
        raise CorrectionError(f"{new.file}: the new line: {reason}")
    if any(e.id == new.id for e in existing):
        raise CorrectionError(f"{new.file}: id {new.id!r} is already used")
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if not path.exists() or not path.read_text(encoding="utf-8-sig").strip():
        writer.writerow(HEADER)
    writer.writerow([new.id, new.kind, new.target, new.value, new.who, new.when, new.why])
    text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    if text and not text.endswith("\n"):
        out = io.StringIO("\n" + out.getvalue())
    with path.open("a", encoding="utf-8") as f:
        f.write(out.getvalue())
    return path


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8-sig").splitlines())
