"""Tests mirror modules: every module with code has a test module at the same place under tests/
(`transforms/quotes/spans.py` -> `tests/transforms/quotes/test_*spans.py`), so that a reader finds
the tests of any behaviour from the file tree alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("newsetl", "flows", "expectations", "warehouse", "transforms", "instrumentation")


def _has_code(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef) for node in tree.body)


def modules() -> list[Path]:
    return sorted(p.relative_to(ROOT) for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if _has_code(p))


def test_modules(path: Path) -> list[Path]:
    """Where the tests of the module at `path` (relative to the project) are looked for."""
    if path.name == "__init__.py":  # a package's own code: tests/<parent>/<package>/ or tests/<parent>/
        name, folders = path.parent.name, [ROOT / "tests" / path.parent, ROOT / "tests" / path.parent.parent]
    else:
        name, folders = path.stem, [ROOT / "tests" / path.parent]
    return [t for folder in folders if folder.is_dir() for t in folder.glob(f"test_*{name}.py")]


test_modules.__test__ = False  # a helper, not a test


@pytest.mark.parametrize("path", modules(), ids=str)
def test_every_module_has_a_test_module_in_the_mirrored_place(path: Path) -> None:
    assert test_modules(path), f"{path} has no tests/{path.parent}/test_*{path.stem}.py"
