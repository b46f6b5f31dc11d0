"""Benchmark: entity recognition + linking per seed-size article (target < 5 ms).

    .venv/bin/python bench/bench_entities.py [--repeat N]

Bodies are the cleaned seed articles (../shared/seeds) and the own test articles
(tests/data/entities). Prints the one-off index build time, then per-article mean / p95 in ms.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bodies() -> list[tuple[str, str, str]]:
    from armswatch import clean, ingest, nlp
    from armswatch.ingest import RawDoc

    out = []
    for p in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")):
        doc = ingest.to_document(RawDoc(source=str(p), content=p.read_bytes()))
        clean.clean(doc)
        nlp.annotate(doc)
        out.append((p.stem, doc.body, doc.language or "vi"))
    for p in sorted((ROOT / "tests" / "data" / "entities").glob("*.txt")):
        out.append((p.stem, p.read_text(encoding="utf-8"), "en" if p.stem.endswith("_en") else "vi"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=200)
    a = ap.parse_args()
    t0 = time.perf_counter()
    from armswatch.extract.entity_index import cues, kb_index

    idx = kb_index()
    cues()
    build = time.perf_counter() - t0
    from armswatch.extract.entities import recognise

    docs = bodies()
    print(f"KB entries: {len(idx.entries)}, automaton keys: {len(idx.forms)}, index build: {build * 1000:.0f} ms (once)")
    allt = []
    for name, body, lang in docs:
        recognise(body, lang)  # warm
        ts, cpu = [], []
        for _ in range(a.repeat):
            s, c = time.perf_counter(), time.process_time()
            recognise(body, lang)
            ts.append((time.perf_counter() - s) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        allt.extend(ts)
        ts.sort()
        print(f"{name:36} {len(body):6d} chars  wall min {ts[0]:5.2f} median {statistics.median(ts):5.2f} "
              f"p95 {ts[int(0.95 * len(ts))]:5.2f} ms | cpu median {statistics.median(cpu):5.2f} ms")
    allt.sort()
    print(f"{'ALL':36} {'':6}        wall min {allt[0]:5.2f} median {statistics.median(allt):5.2f} "
          f"p95 {allt[int(0.95 * len(allt))]:5.2f} ms")
    print(f"load average now: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (timings scale with it)")


if __name__ == "__main__":
    main()
