"""Store benchmark: ingest throughput and query latency on a synthetic corpus generated over the KB.

    .venv/bin/python bench/bench_store.py                  # 2,000 docs into a temporary SQLite file
    .venv/bin/python bench/bench_store.py --docs 100000    # the issue's long run
    .venv/bin/python bench/bench_store.py --pg postgresql://postgres@127.0.0.1:54329/armswatch_test
    (or ARMSWATCH_TEST_PG set: PostgreSQL is measured too)
    .venv/bin/python bench/bench_store.py --db big.db [--add 500] [--rebuild]   # an existing database
    .venv/bin/python bench/bench_store.py --db postgresql://.../big                # an existing PostgreSQL one
    .venv/bin/python bench/bench_store.py --store-only --docs 1000 [--pg URL]    # storing speed only

Prints: end-to-end ingest (extract + store, docs/s), store-only throughput (documents already extracted),
merge time, and p50/p95 latency of the timeline, entity, claims and search queries (search: a phrase, and every
word anywhere, over a mix of query kinds). With --db naming an
existing database nothing is built: it is merged if needed (--rebuild: from scratch, timed), --add N
stores N new synthetic documents (extracted first) and merges them incrementally (timed), then the
queries are measured. With --store-only, the documents are extracted first and then only stored into
an empty database (the figure of issue #6; run old and new code alternately to compare). CPU figures are
this process's (the machine may be shared; a PostgreSQL server's own CPU is not counted).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

TEMPLATES_VI = [
    "{p1} và {p2} sẽ tham vấn về kiểm soát vũ khí hạt nhân tại {loc} vào ngày {d}/{m}/{y}, Bộ Ngoại giao {p1} cho biết.",
    "Hôm {d}/{m}/{y}, {per} tuyên bố {p1} và {p2} đã tổ chức đàm phán về ổn định chiến lược tại {loc}.",
    "Theo {org}, {p1} hiện có khoảng {n} đầu đạn hạt nhân trong kho vũ khí.",
    "{per} cho biết {p1} có thể sở hữu hơn {n2} đầu đạn vào năm {y2}.",
    "Các quan chức {p1} và {p2} đã điện đàm hôm {d}/{m} về an ninh khu vực.",
    "Ngoại trưởng {p1} thăm {p2} trong chuyến công du châu Á, gặp {per} tại {loc}.",
    "Giới phân tích tại {org} cho rằng cuộc đối thoại giữa {p1} và {p2} bị đình trệ từ năm {y0}.",
]
TEMPLATES_EN = [
    "{p1} and {p2} will hold arms control consultations in {loc} on {mon} {d}, {y}, officials said.",
    "{per} said {p1} has about {n} nuclear warheads, according to {org}.",
    "The talks between {p1} and {p2} in {loc} stalled after {y0}, {per} told reporters.",
    "{p1} could have more than {n2} warheads by {y2}, a report by {org} estimated.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def generate(n: int, seed: int = 1) -> list[dict]:
    from armswatch.kb import load_kb

    kb = load_kb()
    by = {}
    for e in kb.entries.values():
        by.setdefault(e.type, []).append(e)
    rnd = random.Random(seed)
    countries = by["COUNTRY"][:40]
    people, places, orgs = by["PERSON"], by["LOC"], by["ORG"]
    out = []
    for i in range(n):
        vi = rnd.random() < 0.7
        y = rnd.randint(2015, 2025)
        m, d = rnd.randint(1, 12), rnd.randint(1, 28)
        sents = []
        for _ in range(rnd.randint(5, 9)):
            p1, p2 = rnd.sample(countries, 2)
            f = dict(p1=(p1.name_vi or p1.name) if vi else p1.name, p2=(p2.name_vi or p2.name) if vi else p2.name,
                     per=rnd.choice(people).name, loc=(lambda e: (e.name_vi or e.name) if vi else e.name)(rnd.choice(places)),
                     org=rnd.choice(orgs).name, d=d, m=m, y=y, mon=MONTHS[m - 1], n=rnd.choice([200, 350, 410, 500, 600]),
                     n2=rnd.choice([1000, 1500]), y2=rnd.choice([2030, 2035]), y0=rnd.randint(2010, 2020))
            sents.append(rnd.choice(TEMPLATES_VI if vi else TEMPLATES_EN).format(**f))
        out.append({"text": " ".join(sents[:3]) + "\n" + " ".join(sents[3:]) + f"\n(#{i})",
                    "published": f"{y}-{m:02d}-{min(28, d + 2):02d}", "outlet": rnd.choice(["VOA", "VTV", "VnExpress", "Reuters"]),
                    "url": f"https://example.org/{i}"})
    return out


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def bench(url: str, jsonl: Path, docs: list[dict], nq: int) -> dict:
    from armswatch.ingest import iter_inputs
    from armswatch.pipeline import process
    from armswatch.store import Store

    st = Store(url)
    res = {"backend": st.dialect, "docs": len(docs)}
    # 1. end-to-end ingest of the first half (extract + store); merging timed separately
    half = len(docs) // 2
    part = jsonl.with_name("part.jsonl")
    part.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs[:half]), encoding="utf-8")
    t, c = time.perf_counter(), time.process_time()
    rep = st.ingest([str(part)], merge=False)
    dt = time.perf_counter() - t
    res["ingest_end_to_end_docs_per_s"] = round(rep.added / dt, 1)
    res["ingest_end_to_end_docs_per_cpu_s"] = round(rep.added / (time.process_time() - c), 1)
    # 2. store only: the second half extracted first, then stored
    items = [x for x in iter_inputs([str(jsonl)])][half:]
    t = time.perf_counter()
    extracted = [(process(r), r) for r in items]
    res["extract_only_docs_per_s"] = round(len(extracted) / (time.perf_counter() - t), 1)
    res.update(store_and_merge(st, extracted, "store_only", "merge"))
    res.update(query_latency(st, nq))
    st.close()
    return res


def store_and_merge(st, extracted, store_key: str, merge_key: str) -> dict:
    """Store already-extracted documents one by one, then merge: docs/s (wall and CPU) and merge seconds."""
    res = {}
    t, c = time.perf_counter(), time.process_time()
    for i, (doc, r) in enumerate(extracted, 1):  # as `ingest` does: postings written a batch at a time
        st.store_document(doc, r.content.encode("utf-8") if isinstance(r.content, str) else r.content, r.kind, {},
                          index_now=False)
        if i % st.INDEX_BATCH == 0:
            st.index_pending()
    st.index_pending()
    res[f"{store_key}_docs_per_s"] = round(len(extracted) / (time.perf_counter() - t), 1)
    res[f"{store_key}_docs_per_cpu_s"] = round(len(extracted) / (time.process_time() - c), 1)
    t, c = time.perf_counter(), time.process_time()
    st.merge()
    res[f"{merge_key}_s"] = round(time.perf_counter() - t, 2)
    res[f"{merge_key}_cpu_s"] = round(time.process_time() - c, 2)
    return res


def store_only(url: str, jsonl: Path) -> dict:
    """Extract every document, then store them all into the empty database at `url` (and merge)."""
    from armswatch.ingest import iter_inputs
    from armswatch.pipeline import process
    from armswatch.store import Store

    extracted = [(process(r), r) for r in iter_inputs([str(jsonl)])]
    st = Store(url)
    res = {"backend": st.dialect, "docs": len(extracted)}
    res.update(store_and_merge(st, extracted, "store_only", "merge"))
    res["store_only_cpu_ms_per_doc"] = round(1000 / res["store_only_docs_per_cpu_s"], 2)
    st.close()
    return res


def corpus_counts(st) -> dict:
    s = st.stats()
    return {k: s[k] for k in ("documents", "near_duplicates", "events", "corpus_events", "claims", "corpus_claims")}


def existing(url: str, nq: int, add: int, rebuild: bool) -> dict:
    """Measure on a database that exists already (a SQLite path or a URL): merge it if needed (and
    migrate: timed), add documents, query."""
    from armswatch.ingest import iter_inputs
    from armswatch.pipeline import process
    from armswatch.store import Store

    t, c = time.perf_counter(), time.process_time()
    st = Store(url)
    res = {"backend": st.dialect, "db": url.rsplit("@", 1)[-1],
           "open_migrate_s": round(time.perf_counter() - t, 2), "open_migrate_cpu_s": round(time.process_time() - c, 2)}
    t, c = time.perf_counter(), time.process_time()
    if rebuild:
        st.merge(rebuild=True)
    else:
        st.merge_if_dirty()
    res["merge_s" if rebuild else "merge_if_dirty_s"] = round(time.perf_counter() - t, 2)
    res["merge_cpu_s" if rebuild else "merge_if_dirty_cpu_s"] = round(time.process_time() - c, 2)
    if add:
        tmp = Path(tempfile.mkdtemp(prefix="bench-store-add-"))
        jsonl = tmp / "add.jsonl"
        jsonl.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in generate(add, seed=int(time.time()))),
                         encoding="utf-8")
        extracted = [(process(r), r) for r in iter_inputs([str(jsonl)])]
        res.update(store_and_merge(st, extracted, "add_store_only", "add_incremental_merge"))
    res.update(query_latency(st, nq))
    st.close()
    return res


def query_latency(st, nq: int) -> dict:
    """p50/p95 of the four read queries (wall and CPU), on a merged store."""
    from armswatch.store import queries as Q
    from armswatch.store.search import search

    res = corpus_counts(st)
    rnd = random.Random(2)
    countries = ["CN", "US", "RU", "Japan", "Trung Quốc", "Nga"]
    names = ["China", "Russia", "Tap Can Binh", "Geneva", "Lầu Năm Góc", "Joe Biden"]
    # search mix: unaccented Vietnamese of 2-4 syllables, one English word, English names, an English
    # phrase, a rare word, very common words (in most documents), a word no document has
    words = ["dau dan", "kiem soat vu khi", "arms control", "on dinh chien luoc", "warheads", "tham van",
             "Joe Biden", "Geneva", "hat nhan", "the", "Bộ Ngoại giao", "nuclear warheads", "xyzzy"]
    lat = {"timeline": [], "entity": [], "claims": [], "search": [], "search_phrase": [], "search_all_terms": []}
    cpu = {k: [] for k in lat}

    def timed(name, fn, *args, **kw):
        t, c = time.perf_counter(), time.process_time()
        fn(*args, **kw)
        lat[name].append(time.perf_counter() - t)
        cpu[name].append(time.process_time() - c)

    with st.session() as sess:
        for _ in range(nq):
            timed("timeline", Q.timeline, sess, country=rnd.choice(countries), since=str(rnd.randint(2015, 2024)),
                  type="talks", limit=50)
            timed("entity", Q.entity, sess, rnd.choice(names))
            timed("claims", Q.claims, sess, subject=rnd.choice(["China", "cn", "Russia"]), measure="nuclear_warheads",
                  limit=100)
            q = rnd.choice(words)
            timed("search", search, sess, st.dialect, q, limit=10)
            if len(q.split()) > 1:  # the same measurement, counted among the multi-word phrases too
                lat["search_phrase"].append(lat["search"][-1])
                cpu["search_phrase"].append(cpu["search"][-1])
            timed("search_all_terms", search, sess, st.dialect, rnd.choice(words), limit=10, mode="all")
    for k, v in lat.items():  # wall clock, and this process's CPU time (the machine may be shared)
        res[f"{k}_p50_ms"] = round(1000 * statistics.median(v), 1)
        res[f"{k}_p95_ms"] = round(1000 * pct(v, 95), 1)
        res[f"{k}_cpu_p50_ms"] = round(1000 * statistics.median(cpu[k]), 1)
        res[f"{k}_cpu_p95_ms"] = round(1000 * pct(cpu[k], 95), 1)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--db", default=None, help="SQLite file: built when missing (default: a temporary one)")
    ap.add_argument("--add", type=int, default=0, help="with an existing --db: store and merge N new documents")
    ap.add_argument("--rebuild", action="store_true", help="with an existing --db: time a full merge rebuild")
    ap.add_argument("--store-only", action="store_true", help="only store already-extracted documents")
    ap.add_argument("--pg", default=os.environ.get("ARMSWATCH_TEST_PG"), help="also measure this PostgreSQL URL")
    a = ap.parse_args()
    if a.db and ("://" in a.db or Path(a.db).exists()):
        print(json.dumps(existing(a.db, a.queries, a.add, a.rebuild)), flush=True)
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench-store-"))
    t = time.perf_counter()
    docs = generate(a.docs)
    jsonl = tmp / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    print(f"generated {len(docs)} synthetic articles in {time.perf_counter() - t:.1f}s ({jsonl})", file=sys.stderr)
    run = (lambda url: store_only(url, jsonl)) if a.store_only else (lambda url: bench(url, jsonl, docs, a.queries))
    print(json.dumps(run(f"sqlite:///{a.db or tmp / 'bench.db'}")), flush=True)
    if a.pg:
        from armswatch.store.db import temporary_database

        with temporary_database(a.pg, "aw_bench") as url:
            print(json.dumps(run(url)), flush=True)


if __name__ == "__main__":
    main()
