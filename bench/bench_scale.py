"""Extraction throughput on one core and on Dask, with the Dask overhead, scaling and worker memory.

    .venv/bin/python bench/bench_scale.py [--docs 600] [--batch-size 32]

The corpus is the seeds and the demo corpus, copied (each copy with a distinct first line so
every document is new) to --docs plain-text files. Prints docs/s for: the single-process path, a
LocalCluster of 1 worker, and one of N workers (N = cores); the cluster start-up time; the Dask
overhead per document (1-worker time minus single-process time); scaling efficiency from 1 to N
workers; and peak RSS per worker.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(n: int, out: Path) -> list[Path]:
    srcs = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) + sorted((ROOT / "examples" / "corpus").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in srcs]
    paths = []
    for i in range(n):
        p = out / f"doc{i:06d}.txt"
        p.write_text(f"Bản tin số {i}\n" + texts[i % len(texts)], encoding="utf-8")
        paths.append(p)
    return paths


def single(paths: list[Path]) -> float:
    from armswatch.ingest import RawDoc
    from armswatch.pipeline import process

    process(RawDoc(source="warm", content=paths[0].read_bytes()))  # warm caches (KB, automata, grammars)
    t = time.perf_counter()
    for p in paths:
        process(RawDoc(source=str(p), content=p.read_bytes()))
    return time.perf_counter() - t


def on_dask(folder: Path, workers: int, batch: int) -> tuple[float, float, list[float]]:
    import psutil

    from armswatch.scale import dask_process, make_client, process_units

    t0 = time.perf_counter()
    client = make_client(workers=workers)
    start = time.perf_counter() - t0
    try:
        client.run(lambda: process_units([]))  # warm each worker's caches (as a long run would)
        client.run(lambda: __import__("armswatch.pipeline").pipeline.process_text("Mỹ và Nga đàm phán hôm 2/11."))
        t = time.perf_counter()
        n = sum(1 for _ in dask_process([str(folder)], client=client, batch_size=batch))
        dt = time.perf_counter() - t
        rss = [v / 2**20 for v in client.run(lambda: psutil.Process().memory_info().rss).values()]
        assert n > 0
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    return dt, start, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--batch-size", type=int, default=32)
    a = ap.parse_args()
    cores = os.cpu_count() or 1
    tmp = Path(tempfile.mkdtemp(prefix="armswatch-scale-"))
    try:
        paths = make_corpus(a.docs, tmp)
        kb = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        print(f"corpus: {a.docs} docs, mean {kb:.1f} kB; machine: {cores} cores; batch {a.batch_size} docs/task")
        t1 = single(paths)
        print(f"single process      : {a.docs / t1:7.1f} docs/s  ({1000 * t1 / a.docs:.2f} ms/doc)")
        d1, s1, rss1 = on_dask(tmp, 1, a.batch_size)
        print(f"dask, 1 worker      : {a.docs / d1:7.1f} docs/s  (cluster start {s1:.2f} s, "
              f"overhead {1000 * (d1 - t1) / a.docs:+.2f} ms/doc)")
        dn, sn, rssn = on_dask(tmp, cores, a.batch_size)
        print(f"dask, {cores} workers     : {a.docs / dn:7.1f} docs/s  (cluster start {sn:.2f} s)")
        print(f"scaling 1 -> {cores} workers: x{d1 / dn:.2f}, efficiency {100 * d1 / dn / cores:.0f}%")
        print(f"peak RSS per worker : {max(rss1 + rssn):.0f} MB (target < 500 MB)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
