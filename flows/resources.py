"""The resources a run works with, behind small interfaces: where its files come from, the language
model, the quality gate, fault injection. flows.definitions builds them from RunOptions; tests hand
the flow other implementations (a processor that breaks offsets, a source of their own) instead of
patching modules.

Everything sent to a task (the source, the model, the processor) is plain, picklable data: each
task's arguments travel to a worker process (process pool or Dask)."""

from __future__ import annotations

import functools
import importlib.util
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flows.landing import LandingSource
from instrumentation.failpoints import Failpoints

if TYPE_CHECKING:
    from spacy.language import Language

    from expectations.data_docs import RunDocs
    from expectations.gate import Gate
    from transforms.process import BatchResult, RawFile

# Raw files of a batch -> their rows or quarantine reasons (transforms.process.process_files).
Processor = Callable[["Language", Sequence["RawFile"], date], "BatchResult"]
# (warehouse root, run id, start) -> the gate for the run's batches and the run's Data Docs.
Validation = Callable[[Path, str, datetime], tuple["Gate", "RunDocs"]]


@dataclass(frozen=True)
class SpacyModel:
    """The spaCy pipeline, by package name or path.

    A worker process loads it on first use and keeps it for every later task of the run (and of
    later runs in a long-lived worker): loading takes seconds, and a task's arguments, this object
    included, are unpickled anew for each task, so the loaded pipeline cannot live on the object."""

    name: str

    def pipeline(self) -> Language:
        """The loaded pipeline. Raises ModelUnloadable, with a one-line reason naming the model, when
        spaCy cannot load it (a damaged model folder: a truncated weights file, a config that does not
        parse). A failure is not kept: a long-lived worker loads a repaired folder on its next task."""
        try:
            return _loaded(self.name)
        except Exception as exc:  # spaCy, thinc and srsly raise many kinds for one damaged folder
            first = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
            where = self._damaged_part(exc)
            if where and where not in first:  # `Unpack failed: incomplete input` says not which file
                first = f"{where}: {first}"
            raise ModelUnloadable(f"{UNLOADABLE}{self.name} could not be loaded: {first}") from exc

    def exclusive(self) -> threading.Lock:
        """The lock a task holds while it uses this process's pipeline: tasks on threads (the thread
        runner, a Dask worker with several threads) share one pipeline, and a batch's
        `nlp.memory_zone()` frees, when it ends, the strings of every doc made meanwhile, another
        thread's included."""
        with _LOCKS_GUARD:
            return _LOCKS.setdefault(self.name, threading.Lock())

    def meta_file(self) -> Path | None:
        """The model's meta.json (a model folder's, or an installed package's), found without loading
        spaCy; None when there is none."""
        folder = Path(self.name)
        if folder.is_dir():
            return folder / "meta.json" if (folder / "meta.json").is_file() else None
        return next((p / "meta.json" for p in self._package_folders() or () if (p / "meta.json").is_file()), None)

    def missing(self) -> str | None:
        """Why the model cannot be loaded, found without loading it (spaCy takes seconds to import):
        None when the name is an installed model package (a package with a meta.json) or a model
        folder (with a config.cfg), else a one-line reason."""
        folder = Path(self.name)
        if folder.is_dir():
            return None if (folder / "config.cfg").is_file() else f"{self.name} is a folder but not a spaCy model"
        if self._package_folders() is None:
            return f"spaCy model {self.name!r} not found: no installed package or folder has that name"
        if self.meta_file() is None:
            return f"{self.name!r} is an installed package but not a spaCy model"
        return None

    def _damaged_part(self, exc: BaseException) -> str | None:
        """The file or component folder of the model that spaCy was reading when `exc` was raised
        (`ner`, `vocab/strings.json`, `config.cfg`), relative to the model's folder; None when no frame of
        its traceback held a path inside it. spaCy's loaders pass each part's path down as an argument:
        the innermost frame holding one names the part that failed."""
        folder = Path(self.name)
        roots = [folder] if folder.is_dir() else self._package_folders() or []
        found = None
        for frame, _ in traceback.walk_tb(exc.__traceback__):
            for value in frame.f_locals.values():
                if isinstance(value, Path | str) and value:
                    for root in roots:
                        try:
                            found = Path(value).relative_to(root).as_posix()
                        except (ValueError, OSError):
                            continue
        return None if found in (None, ".") else found

    def _package_folders(self) -> list[Path] | None:
        """The folders of the installed package of this name; None when there is no such package."""
        try:
            spec = importlib.util.find_spec(self.name)
        except (ImportError, ValueError):  # a name that cannot be a module, e.g. a path
            return None
        return None if spec is None else [Path(p) for p in spec.submodule_search_locations or ()]


class ModelUnloadable(RuntimeError):
    """The spaCy model is there but cannot be loaded; the message is one line naming it and starts
    with UNLOADABLE."""


UNLOADABLE = "spaCy model "

_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


@functools.cache
def _loaded(name: str) -> Language:
    from threadpoolctl import threadpool_limits

    from transforms.nlp import load_pipeline  # spaCy loads in the workers, not in the CLI

    # One BLAS thread in a process that runs the model: there is a process per core already, and
    # OpenBLAS's own threads (one per core in each process) would spin and take the others' CPU.
    threadpool_limits(limits=1, user_api="blas")
    return load_pipeline(name)


def process_files(nlp: Language, files: Sequence[RawFile], today: date) -> BatchResult:
    """The default processor, transforms.process.process_files, imported where it runs: the run
    that finds nothing new imports neither spaCy nor the rules."""
    from transforms.process import process_files as process

    return process(nlp, files, today)


def gx_validation(warehouse_root: Path, run_id: str, started: datetime) -> tuple[Gate, RunDocs]:
    """The Great Expectations gate and Data Docs of one run. GX takes seconds to import, so the flow
    calls this at its first batch: a run with nothing new does without it."""
    from expectations.data_docs import RunDocs
    from expectations.gate import Gate

    return Gate(), RunDocs(warehouse_root, run_id, started)


@dataclass(frozen=True)
class Resources:
    """What one run uses. `processor` is the transform applied to each task batch."""

    source: LandingSource
    model: SpacyModel
    validation: Validation = gx_validation
    failpoints: Failpoints = field(default_factory=Failpoints)
    processor: Processor = process_files
