"""Benchmark: the whole pipeline, per stage, in CPU time (issue #8: >= 100 docs/s per core).

    .venv/bin/python bench/bench_pipeline.py [--repeat N] [--cold N] [--profile] [--test-data]

Corpus: the seeds (../shared/seeds) and examples/corpus (text, HTML, JSONL), read once into
`RawDoc`s (`--test-data` adds the articles of tests/data/*/*.txt). Every stage is timed with
`time.process_time()` (CPU time of this process, robust to a loaded machine); each run sums a stage
over the corpus and the best of N runs is kept. Prints per-stage CPU ms/doc (mean over docs, best
run), the worst single document per stage, docs/s per core, the cost of the output object
(`Document.to_contract()`, which `armswatch extract` and the store pay on top), and the cold
start: CPU time (user+sys of the child) of
`python -m armswatch extract ONE_SEED`, best of --cold runs, in this environment and with
byte-code cached in a temporary PYTHONPYCACHEPREFIX (as an ordinary install would have it). The
JSON copies of the KB and the lexicons and the pickled entity index / cues ($ARMSWATCH_CACHE or
~/.cache/armswatch) are warm.
"""
from __future__ import annotations

import argparse
import copy
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT / "examples" / "corpus"


def raw_docs(test_data: bool = False):
    from armswatch.ingest import RawDoc, iter_inputs

    paths = [str(SEEDS), str(CORPUS)] + (sorted(map(str, ROOT.glob("tests/data/*/*.txt"))) if test_data else [])
    return [r for r in iter_inputs(paths) if isinstance(r, RawDoc)]


def run_once(raws, stages):
    """CPU seconds per stage (sum over docs) and per (stage, doc)."""
    from armswatch import clean, ingest, nlp

    clock = time.process_time
    tot: dict[str, float] = {}
    per: dict[str, list[float]] = {}

    def add(name, dt):
        tot[name] = tot.get(name, 0.0) + dt
        per.setdefault(name, []).append(dt)

    for raw in raws:
        raw = copy.copy(raw)  # to_document fills raw.title etc. from HTML
        t0 = clock()
        doc = ingest.to_document(raw)
        t1 = clock()
        clean.clean(doc)
        t2 = clock()
        nlp.annotate(doc)
        t3 = clock()
        add("ingest", t1 - t0)
        add("clean", t2 - t1)
        add("nlp", t3 - t2)
        for name, stage in stages:
            ts = clock()
            stage(doc)
            add(name, clock() - ts)
        ts = clock()
        doc.to_contract()
        add("to_contract", clock() - ts)  # reported apart, not in the total
    return tot, per


def cold_start(path: Path, n: int, pycache: str | None = None) -> tuple[float, float]:
    """Best-of-n CPU seconds (user+sys) and wall seconds of `python -m armswatch extract path`.

    `pycache`: a directory for byte-code (PYTHONPYCACHEPREFIX, PYTHONDONTWRITEBYTECODE unset), as
    on an ordinary install; None runs with the caller's environment (which may forbid .pyc files:
    then every start compiles the sources, ~0.2-0.3 s)."""
    best_cpu = best_wall = float("inf")
    env = dict(os.environ)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
        subprocess.run([sys.executable, "-m", "armswatch", "extract", str(path), "--out", os.devnull],
                       check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # writes .pyc
    for _ in range(n):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        w = time.perf_counter()
        subprocess.run([sys.executable, "-m", "armswatch", "extract", str(path), "--out", os.devnull],
                       check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - w
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu, best_wall = min(best_cpu, cpu), min(best_wall, wall)
    return best_cpu, best_wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15, help="runs over the corpus; best is kept")
    ap.add_argument("--cold", type=int, default=5, help="cold-start subprocess runs; best is kept")
    ap.add_argument("--profile", action="store_true", help="cProfile one warm pass, top 40 by tottime")
    ap.add_argument("--test-data", action="store_true", help="add the articles of tests/data/*/*.txt")
    a = ap.parse_args()

    from armswatch.extract import STAGES

    raws = raw_docs(a.test_data)
    run_once(raws, STAGES)  # warm: lazy structures, caches
    if a.profile:
        import cProfile
        import pstats

        pr = cProfile.Profile(time.process_time)
        pr.enable()
        for _ in range(3):
            run_once(raws, STAGES)
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(40)
        return
    best: dict[str, float] = {}
    worst_doc: dict[str, float] = {}
    best_total = float("inf")
    for _ in range(a.repeat):
        tot, per = run_once(raws, STAGES)
        for k, v in tot.items():
            best[k] = min(best.get(k, v), v)
        for k, v in per.items():
            worst_doc[k] = min(worst_doc.get(k, max(v)), max(v))
        best_total = min(best_total, sum(v for k, v in tot.items() if k != "to_contract"))
    n = len(raws)
    chars = 0
    from armswatch import ingest

    for r in raws:
        chars += len(ingest.to_document(copy.copy(r)).body)
    print(f"corpus: {n} documents ({SEEDS.name} + examples/corpus{' + tests/data' if a.test_data else ''}), "
          f"mean raw body {chars / n:.0f} chars; best of {a.repeat} runs, CPU time")
    print(f"{'stage':10} {'ms/doc':>8} {'worst doc ms':>13}")
    for k in ["ingest", "clean", "nlp"] + [name for name, _ in STAGES]:
        flag = "" if worst_doc[k] * 1000 < 5 else "   (> 5 ms)"
        print(f"{k:10} {best[k] / n * 1000:8.2f} {worst_doc[k] * 1000:13.2f}{flag}")
    ms = best_total / n * 1000
    stage_bests = sum(v for k, v in best.items() if k != "to_contract")
    print(f"{'total':10} {ms:8.2f}   -> {1000 / ms:.0f} docs/s per core (sum of per-stage bests "
          f"{stage_bests / n * 1000:.2f} ms)")
    print(f"{'output':10} {best['to_contract'] / n * 1000:8.2f} {worst_doc['to_contract'] * 1000:13.2f}"
          "   Document.to_contract(), not in the total")
    if a.cold:
        seed = sorted(SEEDS.glob("*.txt"))[0]
        import tempfile

        cpu, wall = cold_start(seed, a.cold)
        print(f"cold start `python -m armswatch extract {seed.name}`: CPU {cpu * 1000:.0f} ms, "
              f"wall {wall * 1000:.0f} ms (best of {a.cold}; this environment"
              f"{', no .pyc' if os.environ.get('PYTHONDONTWRITEBYTECODE') else ''})")
        with tempfile.TemporaryDirectory(prefix="armswatch-pyc-") as tmp:
            cpu, wall = cold_start(seed, a.cold, pycache=tmp)
        print(f"cold start, byte-code cached: CPU {cpu * 1000:.0f} ms, wall {wall * 1000:.0f} ms (best of {a.cold})")


if __name__ == "__main__":
    main()
