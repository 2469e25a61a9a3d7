"""`make bench`: end-to-end throughput against bare spaCy on two shapes of corpus (the articles as they are,
and short items: their first paragraphs up to --short-words words, as wire briefs), the cost of a rerun with
nothing new, and peak memory against corpus size, all measured in one invocation on landing folders built
from real articles by make_corpus.py. Every figure is printed with the ratio the targets are stated in, and
each throughput run's per-stage profile (`newsetl run --profile`) with it."""

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


def make_corpus(tool: Path, source: Path, out: Path, n: int, max_words: int = 0) -> Path:
    """A landing folder of `n` files made from `source` (each cut to about `max_words` words when not 0)."""
    if not out.exists():
        extra = ["--max-words", str(max_words)] if max_words else []
        subprocess.run([sys.executable, str(tool), str(source), str(out), str(n), *extra], check=True,
                       capture_output=True)
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


def throughput(shape: str, landing: Path, warehouse: Path, n: int, target: float) -> tuple[float, float, str]:
    """Bare spaCy, then newsetl, over the same `n` files; prints the ratio and newsetl's profile, returns
    newsetl's (seconds, peak MB, output)."""
    spacy_s = bare_spacy(landing, 2)
    run_s, run_mb, run_out = newsetl_run(landing, warehouse)
    print(f"throughput, {shape}, {n} files: bare spaCy full pipeline x2 processes {n / spacy_s:.2f} articles/s; "
          f"newsetl run {n / run_s:.2f} articles/s; ratio {spacy_s / run_s:.2f} x (target >= {target})", flush=True)
    print(f"profile of the {shape} run:\n{profile_of(run_out)}", flush=True)
    return run_s, run_mb, run_out
def story_texts(source: Path, n: int, seed: int = 11) -> list[str]:
    """n distinct article bodies of real language: each of 6-12 paragraphs drawn from the real articles of
    `source` (so two share a paragraph about as rarely as two real articles do)."""
    import random

    rng = random.Random(seed)
    paragraphs = []
    for path in sorted(source.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n\n")[1:]
        paragraphs += [p.strip() for p in lines if len(p.split()) >= 12]
    return ["\n\n".join(rng.sample(paragraphs, rng.randint(6, 12))) for _ in range(n)]


def story_assignment(source: Path, new: int = 1000, archives: tuple[int, ...] = (1000, 10000)) -> None:
    """Story assignment (transforms.stories) of `new` articles against an index of each archive size: the
    time to sign them (MinHash), to load the index from stored signatures (once per run), and to assign
    (StoryIndex.update: LSH lookups and story decisions); a tenth of the new articles are near-copies of
    archive ones (a paragraph cut), half of them dated before their original (their stories are re-decided)."""
    import random
    from datetime import date, timedelta

    from transforms.stories import Assignment, Entry, StoryIndex, signature

    rng = random.Random(5)
    texts = story_texts(source, max(archives) + new)
    day = [date(2023, 1, 1) + timedelta(days=rng.randrange(365)) for _ in texts]
    archive_all = [Entry(f"a{i:06d}", day[i], signature(texts[i])) for i in range(max(archives))]
    for size in archives:
        archive = archive_all[:size]
        fresh = []
        for j in range(new):
            i = max(archives) + j
            if j % 10 == 0:  # a near-copy of an archive article
                k = rng.randrange(size)
                paras = texts[k].split("\n\n")
                text, when = "\n\n".join(paras[:-1]), archive[k].published_date + timedelta(days=rng.choice((-1, 1)))
            else:
                text, when = texts[i], day[i]
            fresh.append((f"n{j:06d}", when, text))
        t0 = time.perf_counter()
        entries = [Entry(a, d, signature(t)) for a, d, t in fresh]
        t1 = time.perf_counter()
        index = StoryIndex()
        index.load(archive, {e.article_id: Assignment(e.article_id, 1.0) for e in archive})
        t2 = time.perf_counter()
        changed = index.update(entries)
        t3 = time.perf_counter()
        joined = sum(1 for aid, a in changed.items() if aid.startswith("n") and a.story_id != aid)
        print(f"story assignment, {new} new articles against an archive of {size}: assign {t3 - t2:.2f}s "
              f"({1000 * (t3 - t2) / new:.2f} ms/article; {joined} joined a story, "
              f"{sum(1 for a in changed if a.startswith('a'))} archive rows re-decided); sign {t1 - t0:.2f}s; "
              f"index load {t2 - t1:.2f}s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", type=Path, help="folder of real articles in the input format")
    ap.add_argument("--make-corpus", type=Path, default=Path("../shared/tools/make_corpus.py"))
    ap.add_argument("--throughput-files", type=int, default=2000)
    ap.add_argument("--short-words", type=int, default=400, help="make_corpus.py --max-words of the short items")
    ap.add_argument("--rerun-files", type=int, default=2000)
    ap.add_argument("--memory-files", type=int, nargs=2, default=(1000, 10000), metavar=("SMALL", "LARGE"))
    ap.add_argument("--memory-shape", choices=("articles", "short"), default="short",
                    help="corpus shape of the memory runs (short: the 10,000-file run takes a third of the time)")
    ap.add_argument("--work", type=Path, default=None, help="folder for landing folders and warehouses")
    ap.add_argument("--stories-only", action="store_true", help="only the story assignment line (seconds)")
    a = ap.parse_args()
    missing = [p for p in (a.source, a.make_corpus) if not p.exists()]
    if missing:  # the shared folder beside the clone is not part of the repository
        sys.exit(f"bench: {missing[0]} does not exist (make bench reads real articles and make_corpus.py from "
                 "the shared folder; give SOURCE= and TOOLS= for others)")
    if a.stories_only:
        story_assignment(a.source)
        return
    work = a.work or Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    words = {"articles": 0, "short": a.short_words}

    def corpus(shape: str, n: int) -> Path:
        return make_corpus(a.make_corpus, a.source, work / f"landing-{shape}-{n}", n, words[shape])

    n, r = a.throughput_files, a.rerun_files
    landings = {("articles", n): corpus("articles", n), ("short", n): corpus("short", n),
                ("articles", r): corpus("articles", r)}
    landings.update({(a.memory_shape, size): corpus(a.memory_shape, size) for size in a.memory_files})
    print(f"bench work folder: {work}", flush=True)

    runs = {("articles", n): throughput("articles as they are", landings["articles", n], work / f"wh-articles-{n}",
                                        n, 1.10)}
    runs["short", n] = throughput(f"short items (--max-words {a.short_words})", landings["short", n],
                                  work / f"wh-short-{n}", n, 1.0)

    full_s, _, _ = runs.get(("articles", r)) or newsetl_run(landings["articles", r], work / f"wh-articles-{r}")
    again_s, _, _ = newsetl_run(landings["articles", r], work / f"wh-articles-{r}")
    print(f"rerun with nothing new, {r} files: {again_s:.1f}s against {full_s:.1f}s for the full run; "
          f"ratio {100 * again_s / full_s:.1f}% (target <= 2%)", flush=True)

    small, large = a.memory_files
    peaks = {}
    for size in (small, large):
        key = (a.memory_shape, size)
        seconds, peaks[size], _ = runs.get(key) or newsetl_run(landings[key], work / f"wh-{a.memory_shape}-{size}")
        print(f"{size} files ({a.memory_shape}) end to end: {seconds:.0f}s, {size / seconds:.2f} articles/s, "
              f"peak {peaks[size]:.0f} MB", flush=True)
    print(f"peak memory {large} files / {small} files: {peaks[large] / peaks[small]:.2f} x (target <= 1.2)")
    story_assignment(a.source)


if __name__ == "__main__":
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    main()
