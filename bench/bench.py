"""`make bench`: end-to-end throughput against bare spaCy, the cost of a rerun with nothing new, and
peak memory against corpus size, all measured in one invocation on landing folders built from real
articles by make_corpus.py. Every figure is printed with the ratio the targets are stated in."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

BIN = Path(sys.executable).parent


def make_corpus(tool: Path, source: Path, out: Path, n: int) -> Path:
    if not out.exists():
        subprocess.run([sys.executable, str(tool), str(source), str(out), str(n)], check=True, capture_output=True)
    return out


def measured(args: list[str]) -> tuple[float, float, str]:
    """Run a command; return (seconds, peak resident memory in MB of it and all its children, its output)."""
    t0 = time.perf_counter()
    proc = psutil.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "110"})
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [proc, *proc.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()) / 1e6)
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed: {err.decode()[-2000:]}")
    return time.perf_counter() - t0, peak, out.decode()


def newsetl_run(landing: Path, warehouse: Path) -> tuple[float, float, str]:
    """`newsetl run` with default settings (plus --profile, which only prints what was timed anyway)."""
    return measured([str(BIN / "newsetl"), "run", "--landing", str(landing), "--warehouse", str(warehouse),
                     "--profile"])


def profile_of(output: str) -> str:
    """The 'where the time went' table of a run's output."""
    start = output.find("where the time went")
    return output[output.rfind("\n", 0, start) + 1:] if start >= 0 else output


def bare_spacy(landing: Path, processes: int) -> float:
    """Seconds for spaCy's full pipeline over the files' text, `processes` processes, model loads included."""
    code = (
        "import sys, spacy, pathlib\n"
        "from flows.options import DEFAULT_MODEL\n"
        "texts = [p.read_text(encoding='utf-8') for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.txt'))]\n"
        "nlp = spacy.load(DEFAULT_MODEL)\n"
        "for _ in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=32): pass\n"
    )
    seconds, _, _ = measured([sys.executable, "-c", code, str(landing), str(processes)])
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", type=Path, help="folder of real articles in the input format")
    ap.add_argument("--make-corpus", type=Path, default=Path("../shared/tools/make_corpus.py"))
    ap.add_argument("--throughput-files", type=int, default=2000)
    ap.add_argument("--rerun-files", type=int, default=2000)
    ap.add_argument("--memory-files", type=int, nargs=2, default=(1000, 10000), metavar=("SMALL", "LARGE"))
    ap.add_argument("--work", type=Path, default=None, help="folder for landing folders and warehouses")
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = {n: make_corpus(a.make_corpus, a.source, work / f"landing-{n}", n)
              for n in {a.throughput_files, a.rerun_files, *a.memory_files}}
    print(f"bench work folder: {work}", flush=True)

    n = a.throughput_files
    spacy_s = bare_spacy(corpus[n], 2)
    run_s, run_mb, run_out = newsetl_run(corpus[n], work / f"wh-{n}")
    print(f"throughput, {n} files: bare spaCy full pipeline x2 processes {n / spacy_s:.2f} articles/s; "
          f"newsetl run {n / run_s:.2f} articles/s; ratio {spacy_s / run_s:.2f} x (target >= 1.0)", flush=True)

    r = a.rerun_files
    full_s, _, full_out = (run_s, run_mb, run_out) if r == n else newsetl_run(corpus[r], work / f"wh-{r}")
    again_s, _, _ = newsetl_run(corpus[r], work / f"wh-{r}")
    print(f"rerun with nothing new, {r} files: {again_s:.1f}s against {full_s:.1f}s for the full run; "
          f"ratio {100 * again_s / full_s:.1f}% (target <= 2%)")
    print(f"profile of the {r}-file run:\n{profile_of(full_out)}", flush=True)

    small, large = a.memory_files
    peaks = {}
    for size in (small, large):
        if size == n:
            seconds, peaks[size] = run_s, run_mb
        else:
            seconds, peaks[size], _ = newsetl_run(corpus[size], work / f"wh-{size}")
        print(f"{size} files end to end: {seconds:.0f}s, {size / seconds:.2f} articles/s, "
              f"peak {peaks[size]:.0f} MB", flush=True)
    print(f"peak memory {large} files / {small} files: {peaks[large] / peaks[small]:.2f} x (target <= 1.2)")


if __name__ == "__main__":
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    main()
