"""Time of the timex stage (with number finding) per seed-size article; optional dateparser comparison.

    .venv/bin/python bench/bench_timex.py               # ms per article, target < 5 ms
    .venv/bin/python bench/bench_timex.py --dateparser  # accuracy of the rule grammar vs dateparser
                                                        # on the DATE rows of tests/test_timex.py
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))


def bench_speed(rounds: int) -> None:
    from armswatch import clean, ingest, nlp
    from armswatch.extract.numbers import find_numbers
    from armswatch.extract.timex import extract_timexes
    from armswatch.ingest import RawDoc

    docs = []
    for p in SEEDS:  # the stages before extraction only: the timing is of this stage alone
        d = ingest.to_document(RawDoc(source=str(p), content=p.read_bytes()))
        clean.clean(d)
        nlp.annotate(d)
        docs.append(d)
    # warm-up: compile the grammar once (import-time cost, not per document)
    t0 = time.perf_counter()
    for d in docs:
        extract_timexes(d)
        find_numbers(d.body, d.language)
    print(f"first call (grammar compile + 5 docs): {(time.perf_counter() - t0) * 1000:.1f} ms")
    per_doc = []
    for d in docs:
        times, cpu = [], []
        for _ in range(rounds):
            t, c = time.perf_counter(), time.process_time()
            extract_timexes(d)
            find_numbers(d.body, d.language)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        per_doc.append((statistics.median(times) * 1000, min(times) * 1000, statistics.median(cpu) * 1000))
        print(f"  {Path(d.source).name:28} {len(d.body):5d} chars  {len(d.timexes):3d} timexes  "
              f"wall median {per_doc[-1][0]:.2f} ms, min {per_doc[-1][1]:.2f} ms, "
              f"CPU median {per_doc[-1][2]:.2f} ms ({rounds} rounds)")
    med = [p[0] for p in per_doc]
    best = [p[1] for p in per_doc]
    cpu_med = [p[2] for p in per_doc]
    print(f"timex+numbers per seed-size article: wall min {statistics.mean(best):.2f} ms, "
          f"CPU median {statistics.mean(cpu_med):.2f} ms (max {max(cpu_med):.2f}), wall median "
          f"{statistics.mean(med):.2f} ms (moves with machine load); target < 5 ms")


def _granular(value: str, dt) -> str:
    """dateparser returns a full datetime: cut it to the precision of the expected value."""
    n = len(value)
    iso = dt.date().isoformat()
    return iso[:n] if n in (4, 7, 10) else iso


def bench_dateparser() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    import dateparser
    from dateparser.search import search_dates

    from armswatch.extract.timex import normalize
    from test_timex import EN_CASES, VI_CASES

    rows = [(c, "vi") for c in VI_CASES] + [(c, "en") for c in EN_CASES]
    rows = [(c, lang) for c, lang in rows if c[2] == "DATE"]
    ours = dp = dp_found = 0
    misses = []
    t_ours = t_dp = 0.0
    for (text, anchor, typ, value), lang in rows:
        accepted = value if isinstance(value, tuple) else (value,)
        t = time.perf_counter()
        got = normalize(text, anchor, lang)
        t_ours += time.perf_counter() - t
        ours += bool(got and got[1] in accepted)
        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if anchor is not None:
            settings["RELATIVE_BASE"] = anchor.replace(tzinfo=None)
        t = time.perf_counter()
        try:
            res = search_dates(text, languages=[lang], settings=settings) or []
        except Exception:  # dateparser raises on some inputs
            res = []
        t_dp += time.perf_counter() - t
        if res:
            dp_found += 1
            if any(_granular(a, res[0][1]) == a for a in accepted if a[:1].isdigit()):
                dp += 1
            else:
                misses.append((text, accepted[0], res[0][0], res[0][1].date().isoformat()))
        else:
            misses.append((text, accepted[0], None, None))
    n = len(rows)
    print(f"DATE rows of the test table: {n}")
    print(f"  rule grammar: {ours}/{n} correct ({ours / n:.0%}), {t_ours / n * 1000:.2f} ms/expr")
    print(f"  dateparser  : {dp}/{n} correct ({dp / n:.0%}), found something in {dp_found}, "
          f"{t_dp / n * 1000:.2f} ms/expr (version {dateparser.__version__})")
    print("  dateparser misses (text, expected, its span, its date):")
    for m in misses:
        print("    ", m)


def bench_dateparser_gold() -> None:
    """Both normalizers on every dated gold timex text of the dev and held-out ("ours") gold,
    with the gold's publication date as anchor (no test-table bias)."""
    import json
    from datetime import datetime

    from dateparser.search import search_dates

    from armswatch.extract.timex import normalize

    rows = []
    for gdir in (ROOT.parent / "shared" / "gold" / "dev", ROOT / "tests" / "gold" / "ours"):
        for f in sorted(gdir.glob("*.json")):
            g = json.loads(f.read_text(encoding="utf-8"))
            pub = g.get("published")
            pub = pub[0] if isinstance(pub, list) else pub
            anchor = datetime.fromisoformat(pub[:10]) if pub else None
            lang = g.get("language") or "vi"
            for t in g["timexes"]:
                vals = [str(v) for v in t["value"] if v]
                if any(v[:1].isdigit() and len(v) in (4, 7, 10) for v in vals):
                    rows.append((t["text"], anchor, lang, vals))
    ours = dp = 0
    for text, anchor, lang, vals in rows:
        got = normalize(text, anchor, lang)
        ours += bool(got and got[1] in vals)
        settings = {"PREFER_DATES_FROM": "past"}
        if anchor:
            settings["RELATIVE_BASE"] = anchor
        try:
            res = search_dates(text, languages=[lang], settings=settings) or []
        except Exception:
            res = []
        if res and any(_granular(v, res[0][1]) == v for v in vals if v[:1].isdigit()):
            dp += 1
    n = len(rows)
    print(f"dated gold timexes (dev + ours): {n}")
    print(f"  rule grammar: {ours}/{n} ({ours / n:.0%});  dateparser: {dp}/{n} ({dp / n:.0%})")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--dateparser", action="store_true")
    args = ap.parse_args()
    bench_speed(args.rounds)
    if args.dateparser:
        bench_dateparser()
        bench_dateparser_gold()
