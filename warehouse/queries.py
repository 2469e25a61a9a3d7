"""The analysts' SQL files shipped in warehouse/sql/, by name."""

from __future__ import annotations

from importlib import resources


def standard_queries() -> dict[str, str]:
    """name -> SQL text of every standard analysis, in file-name order."""
    folder = resources.files("warehouse") / "sql"
    return {p.name.removesuffix(".sql"): p.read_text(encoding="utf-8")
            for p in sorted(folder.iterdir(), key=lambda p: p.name) if p.name.endswith(".sql")}
