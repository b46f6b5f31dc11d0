"""Fuzz the full extractor: N generated hostile inputs (default 100,000) through process(),
checking the invariants of armswatch.robust.violations on each. Prints inputs tried and crashes.

    python bench/fuzz.py [N] [--seed S] [--jobs J]
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import time
import traceback


def work(args):
    seed, count = args
    from armswatch.ingest import IngestError, RawDoc
    from armswatch.pipeline import process
    from armswatch.robust import random_text, violations

    rng = random.Random(seed)
    crashes = []
    for i in range(count):
        text = random_text(rng)
        data = text.encode("utf-8", errors="surrogatepass")
        kind = "html" if rng.random() < 0.05 else "text"
        try:
            doc = process(RawDoc(source="<fuzz>", content=data, kind=kind,
                                 published=rng.choice([None, "2022-11-02", "2024-07-28T09:00:00+07:00"])))
            bad = violations(doc)
            if bad:
                crashes.append((seed, i, repr(text[:200]), bad[:3]))
        except IngestError:
            pass
        except Exception:
            crashes.append((seed, i, repr(text[:200]), traceback.format_exc(limit=3)))
    return count, crashes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=mp.cpu_count())
    a = ap.parse_args()
    chunk = 500
    tasks = [(a.seed * 1_000_003 + k, min(chunk, a.n - k * chunk)) for k in range((a.n + chunk - 1) // chunk)]
    t0 = time.perf_counter()
    tried, crashes = 0, []
    with mp.Pool(a.jobs) as pool:
        for count, c in pool.imap_unordered(work, tasks):
            tried += count
            crashes.extend(c)
            if tried % 10_000 < chunk:
                print(f"  {tried:>7} inputs, {len(crashes)} crashes, {time.perf_counter() - t0:6.1f} s", flush=True)
    dt = time.perf_counter() - t0
    print(f"fuzz: {tried} inputs tried, {len(crashes)} crashes, {dt:.1f} s ({tried / dt:.0f} inputs/s, {a.jobs} jobs)")
    for c in crashes[:10]:
        print("CRASH", c)
    raise SystemExit(1 if crashes else 0)


if __name__ == "__main__":
    main()
