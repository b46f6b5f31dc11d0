"""Claims + quotes: time per seed-size article, and dev-gold figures of the two stages.

    .venv/bin/python bench/bench_claims_quotes.py [--repeat 200] [--oracle] [--heldout]

Prints, per seed, the time of extract_quotes + extract_claims (ms, median over --repeat runs) and the
dev-gold claims / quotes P/R/F1 with claim_detail_acc (score.py's own matching), for
- `pipeline`: the real upstream stages (entities, timexes) as they are in the tree;
- `oracle` (--oracle): upstream replaced by the gold entities (mentions found by name, with the
  contract's metonymy: Washington/Bắc Kinh/Nhà Trắng/Tokyo -> the country) and gold timexes, which
  measures these two stages alone while the upstream stages are still being written.
With --heldout the articles are the demo corpus (examples/corpus/*.txt) scored against the analyst's
held-out gold (tests/gold/ours) instead of the seeds and the dev gold.
Target: < 5 ms for both stages together on a 3-5 kB article.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from armswatch import clean, nlp
from armswatch.extract.attribution import clear_caches
from armswatch.extract.claims import extract_claims
from armswatch.extract.entities import extract_entities
from armswatch.extract.quotes import extract_quotes
from armswatch.extract.timex import extract_timexes
from armswatch.ingest import RawDoc, to_document
from armswatch.model import Entity, Mention, Timex

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
GOLD = SHARED / "gold" / "dev"
METONYMS = {"Washington": "us", "Bắc Kinh": "cn", "Nhà Trắng": "us", "Tokyo": "jp"}
TYPES = {"PERSON", "COUNTRY", "ORG", "LOC", "TREATY", "EVENT_NAME", "WEAPON"}


def load_score():
    spec = importlib.util.spec_from_file_location("score", SHARED / "contract" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def base_doc(path: Path):
    doc = to_document(RawDoc(source=str(path), content=path.read_bytes()))
    clean.clean(doc)
    nlp.annotate(doc)
    return doc


def oracle_upstream(doc, gold) -> None:
    """Gold entities and timexes on the document (what a perfect upstream would give)."""
    body = doc.body
    keys = {g["key"] for g in gold["entities"]}
    names = []  # (name, key)
    for g in gold["entities"]:
        for n in g["names"]:
            if n not in METONYMS:
                names.append((n, g["key"]))
    names += [(n, k) for n, k in METONYMS.items() if k in keys]
    names.sort(key=lambda nk: -len(nk[0]))
    taken = [False] * len(body)
    ments = defaultdict(list)
    for n, k in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", body):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            ments[k].append(Mention(start=m.start(), end=m.end(), text=m.group()))
    doc.entities = []
    for g in gold["entities"]:
        t = g["type"] if isinstance(g["type"], str) else g["type"][0]
        if t not in TYPES or not ments.get(g["key"]):
            continue
        doc.entities.append(Entity(id=g["key"], type=t, name=g["names"][0],
                                   mentions=sorted(ments[g["key"]], key=lambda m: m.start)))
    doc.timexes = []
    used = set()
    for t in gold["timexes"]:
        pos = 0
        while True:
            i = body.find(t["text"], pos)
            if i < 0:
                break
            if i not in used:
                used.add(i)
                typ = t.get("type", ["DATE"])
                typ = typ[0] if isinstance(typ, list) else typ
                val = t["value"][0] if isinstance(t["value"], list) else t["value"]
                doc.timexes.append(Timex(start=i, end=i + len(t["text"]), text=t["text"], type=typ, value=val))
                break
            pos = i + 1
    doc.timexes.sort(key=lambda x: x.start)


def score(docs, score_mod, verbose=False, gold_dir=GOLD):
    tallies = {n: score_mod.Tally() for n in ("entities", "timexes", "events", "events_nodate", "claims", "quotes")}
    extra = defaultdict(int)
    for path, doc in docs:
        gold = json.loads((gold_dir / (path.stem + ".json")).read_text(encoding="utf-8"))
        sys_doc = doc.to_contract()
        if verbose:
            print(f"== {path.stem}")
            _diff(sys_doc, gold, score_mod)
        score_mod.score_doc(sys_doc, gold, tallies, extra, False)
    out = {}
    for n in ("claims", "quotes"):
        p, r, f = tallies[n].prf()
        out[n] = (round(p, 3), round(r, 3), round(f, 3))
    out["claim_detail_acc"] = round(extra["claim_detail_ok"] / extra["claim_detail_total"], 3) \
        if extra["claim_detail_total"] else None
    return out


def _diff(sys_doc, gold, score_mod):
    emap = score_mod.resolve_entities(sys_doc, gold)
    for c in sys_doc["claims"]:
        print(f"  claim {emap.get(c['subject'])} {c['measure']} {c['value']} {c['qualifier']} time={c['time']} "
              f"target={c['target_time']} src={emap.get(c['source'])} unit={c['unit']}")
    for c in gold["claims"]:
        print(f"  GOLD  {c['subject']} {c['measure']} {c['value']} {c['qualifier']} time={c.get('time')} "
              f"target={c.get('target_time')} src={c.get('source')}{' (optional)' if c.get('optional') else ''}")
    for q in sys_doc["quotes"]:
        print(f"  quote {emap.get(q['speaker'])}: {q['text'][:70]!r}")
    for q in gold["quotes"]:
        print(f"  GOLD  {q['speaker']}: {q['text'][:70]!r}{' (optional)' if q.get('optional') else ''}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--oracle", action="store_true", help="also score with gold entities/timexes upstream")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--heldout", action="store_true", help="demo corpus + tests/gold/ours instead of the seeds")
    ap.add_argument("--fresh", action="store_true",
                    help="time the fresh articles of tests/data/claims_quotes (scored by tests/test_claims_quotes_articles.py)")
    a = ap.parse_args()
    seeds, gold_dir = SEEDS, GOLD
    if a.fresh:
        seeds = sorted((ROOT / "tests" / "data" / "claims_quotes").glob("*.txt"))
    if a.heldout:
        gold_dir = ROOT / "tests" / "gold" / "ours"
        seeds = sorted(p for p in (ROOT / "examples" / "corpus").glob("*.txt") if (gold_dir / (p.stem + ".json")).exists())
    if not seeds:
        print("no seeds in ../shared/seeds")
        return 1
    score_mod = load_score()
    modes = ["pipeline"] + (["oracle"] if a.oracle else [])
    for mode in modes:
        docs = []
        times = []
        for path in seeds:
            doc = base_doc(path)
            if mode == "oracle":
                gold = json.loads((gold_dir / (path.stem + ".json")).read_text(encoding="utf-8"))
                oracle_upstream(doc, gold)
            else:
                extract_entities(doc)
                extract_timexes(doc)
            n_ent = len(doc.entities)
            runs, cpu = [], []
            for _ in range(a.repeat):
                doc.entities = [e for e in doc.entities if not e.id.startswith("unk:")] if len(doc.entities) > n_ent \
                    else doc.entities
                clear_caches()  # every run pays for its own word scan, as a new article would
                t0, c0 = time.perf_counter(), time.process_time()
                extract_quotes(doc)
                extract_claims(doc)
                runs.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            times.append((path.stem, len(doc.body), statistics.median(runs) * 1000, statistics.median(cpu) * 1000))
            docs.append((path, doc))
        print(f"[{mode}] time of quotes+claims per article (median of {a.repeat}; wall and CPU):")
        for stem, size, ms, cms in times:
            print(f"  {stem}  {size:>6} chars  {ms:6.2f} ms wall  {cms:6.2f} ms cpu")
        print(f"  mean {statistics.mean(t[2] for t in times):.2f} ms wall ({statistics.mean(t[3] for t in times):.2f} cpu),"
              f" max {max(t[2] for t in times):.2f} ms wall ({max(t[3] for t in times):.2f} cpu)")
        if a.fresh:
            continue
        s = score(docs, score_mod, a.verbose, gold_dir)
        print(f"[{mode}] claims P/R/F1 = {s['claims']}  claim_detail_acc = {s['claim_detail_acc']}")
        print(f"[{mode}] quotes P/R/F1 = {s['quotes']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
