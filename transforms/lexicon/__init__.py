"""Word lists and rule tables kept as data files beside the code, so that a newsroom can extend them
(a reporting verb, a title, an alias) without editing Python, as spaCy's components keep theirs.

Two formats, both UTF-8 text in this package's folder (`transforms/lexicon/`), where `#` starts a
comment and blank lines are skipped:
- a word list (`*.txt`): one entry per line; by default an entry is one word (no spaces);
- a table (`*.tsv`): tab-separated fields, the same number on every line; the first field is the
  key, unique within the file.

Each file is read once, at import of the rules that use it. A malformed entry raises LexiconError
naming the file (its path) and line, e.g. `.../reporting_verbs.txt:12: 'say so' has a space; one word per line`.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable

PACKAGE = __name__  # the data files sit beside this module


class LexiconError(ValueError):
    """A word list or rule table that cannot be read: names the file, the line and the reason."""


def _lines(name: str, text: str | None) -> tuple[str, list[tuple[int, str]]]:
    """(where, [(line number, entry)]): `where` is the file's path, or `name` for given text."""
    where = name
    if text is None:
        path = resources.files(PACKAGE) / name
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8-sig")  # a byte-order mark is not part of the first entry
        except FileNotFoundError:
            raise LexiconError(f"{where}: no such word list or table") from None
        except UnicodeDecodeError as exc:
            raise LexiconError(f"{where}: not UTF-8 text (byte {exc.start})") from None
    found = []
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if entry:
            found.append((number, entry))
    return where, found


def entries(name: str, *, text: str | None = None) -> tuple[str, list[tuple[int, str]]]:
    """(the file's path, [(line number, entry)]) of a data file, comments and blank lines left out:
    for rule tables with checks of their own, whose errors name the line."""
    return _lines(name, text)


def word_list(name: str, *, phrases: bool = False, text: str | None = None) -> frozenset[str]:
    """The entries of the word list `name` (e.g. `reporting_verbs.txt`). With `phrases`, an entry may
    hold several words separated by single spaces. `text` stands in for the file's contents (tests).

    Raises LexiconError for an entry with inner spaces (unless `phrases`) or a tab."""
    words = set()
    where, lines = _lines(name, text)
    for number, entry in lines:
        if "\t" in entry or (not phrases and len(entry.split()) > 1):  # any space, a no-break one too
            kind = "a tab" if "\t" in entry else "a space"
            raise LexiconError(f"{where}:{number}: {entry!r} has {kind}; one word per line")
        words.add(" ".join(entry.split()))
    return frozenset(words)


def table(name: str, fields: int, *, text: str | None = None) -> dict[str, tuple[str, ...]]:
    """The rows of the table `name` (e.g. `aliases.tsv`) as key -> the other fields, in file order.
    Every line must have exactly `fields` tab-separated, non-empty fields and a key not seen before.

    Raises LexiconError naming the file and line otherwise."""
    rows: dict[str, tuple[str, ...]] = {}
    where, lines = _lines(name, text)
    for number, entry in lines:
        values = [v.strip() for v in entry.split("\t")]
        if len(values) != fields or not all(values):
            raise LexiconError(
                f"{where}:{number}: expected {fields} non-empty tab-separated fields, got {entry!r}"
            )
        if values[0] in rows:
            raise LexiconError(f"{where}:{number}: {values[0]!r} is already defined above")
        rows[values[0]] = tuple(values[1:])
    return rows


def mapping(name: str, *, values: Sequence[str] = (), text: str | None = None) -> dict[str, str]:
    """A two-field table as key -> value. With `values`, every value must be one of them: LexiconError
    naming the file and line otherwise (a value no rule reads would be a silently dead entry)."""
    rows = table(name, 2, text=text)
    if values:
        where, lines = _lines(name, text)
        for number, entry in lines:
            key, value = (v.strip() for v in entry.split("\t"))
            if value not in values:
                raise LexiconError(f"{where}:{number}: {key!r} has {value!r}; expected one of {', '.join(values)}")
    return {k: v[0] for k, v in rows.items()}


def rules_digest(folder: Traversable | None = None) -> str:
    """SHA-256 (hex) of every word list and rule table (`*.txt`, `*.tsv`) in `folder` (default: this
    package's), by file name and content: two runs with the same digest read the same rules.
    Recorded with each run (the runs table)."""
    import hashlib

    digest = hashlib.sha256()
    where = folder if folder is not None else resources.files(PACKAGE)
    files = sorted((p for p in where.iterdir() if p.name.endswith((".txt", ".tsv"))), key=lambda p: p.name)
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
