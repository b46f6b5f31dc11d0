"""Web benchmark: render time of the UI pages and API reads on a synthetic corpus.

    .venv/bin/python bench/bench_web.py [--docs 3000] [--db PATH]   # build (or reuse) a DB, then time pages
    .venv/bin/python bench/bench_web.py --db postgresql+psycopg://...  # an existing PostgreSQL database

The corpus comes from bench_store.generate (templates over the knowledge base), ingested with
extraction on Dask (all cores). With --db pointing at an existing database (a SQLite file, or any
database URL), nothing is built.
Prints p50/p95 wall and CPU ms per page over --n requests each (target: timeline < 1 s).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def build(db: Path, n: int) -> None:
    from bench_store import generate

    from armswatch.store import Store

    jsonl = db.with_suffix(".jsonl")
    jsonl.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in generate(n)), encoding="utf-8")
    t = time.perf_counter()
    rep = Store(f"sqlite:///{db}").ingest([str(jsonl)], dask=True, batch_size=64)
    print(f"built {db}: {rep.added} docs in {time.perf_counter() - t:.0f} s (extraction on Dask)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--db", help="SQLite file (built when missing) or a database URL")
    ap.add_argument("--n", type=int, default=20)
    a = ap.parse_args()
    if a.db and "://" in a.db:
        url = a.db
    else:
        db = Path(a.db) if a.db else Path(tempfile.mkdtemp(prefix="armswatch-web-")) / "web.db"
        if not db.exists():
            build(db, a.docs)
        url = f"sqlite:///{db}"
    from fastapi.testclient import TestClient

    from armswatch.web.app import create_app

    client = TestClient(create_app(url))
    client.__enter__()  # runs the app's lifespan (startup), as the server does
    stats = client.get("/api/stats").json()
    print(f"corpus: {stats['documents']} documents, {stats['corpus_events']} corpus events, "
          f"{stats['corpus_claims']} corpus claims")
    pages = ["/timeline", "/timeline?country=cn", "/timeline?type=talks&since=2020", "/claims?subject=cn",
             "/entities/cn", "/search?q=dau+dan", "/api/events?country=ru&limit=100", "/api/search?q=arms+control"]
    print(f"{'page':<36}{'p50 ms':>9}{'p95 ms':>9}{'cpu p95':>9}")
    for page in pages:
        client.get(page)  # warm
        wall, cpu = [], []
        for _ in range(a.n):
            t, c = time.perf_counter(), time.process_time()
            r = client.get(page)
            wall.append(1000 * (time.perf_counter() - t))
            cpu.append(1000 * (time.process_time() - c))
            assert r.status_code == 200, (page, r.status_code)
        q = statistics.quantiles(wall, n=20)[18] if len(wall) > 1 else wall[0]
        qc = statistics.quantiles(cpu, n=20)[18] if len(cpu) > 1 else cpu[0]
        print(f"{page:<36}{statistics.median(wall):>9.1f}{q:>9.1f}{qc:>9.1f}")


if __name__ == "__main__":
    main()
