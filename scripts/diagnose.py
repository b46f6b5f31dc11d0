#!/usr/bin/env python3
"""Error analysis for events and claims: what the scorer counts as missed or wrong, with evidence.

usage: scripts/diagnose.py OUTPUT.jsonl GOLD_DIR [--only events|claims] [--doc STEM]

For each document: events whose type and parties match gold but whose date does not ("DATE"),
gold events not found ("FN"), system events that match nothing ("FP"); then the same for claims.
Uses the matching functions of ../shared/contract/score.py, so the figures agree with it.
Last, event status accuracy twice: as score.py pairs events (its augmenting-path matching can pair two
interchangeable events crosswise, e.g. two undated US-China talks, one held and one planned) and under
a pairing that matches as many events but prefers pairs whose status agrees, and third under one that
matches as many events but, blind to status, prefers pairs whose evidence texts share the most words (the
same sentence). Where the three differ the gap is pairing, not status errors; the second and third figures
are for our reading only and never replace the scorer's.
A development tool: never run it on a held-out set.
"""
import argparse
import importlib.util
import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_score():
    spec = importlib.util.spec_from_file_location("score", SHARED / "contract" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def short(text, n=150):
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def span_text(ev, body):
    """Evidence as text: gold gives a string, the system a {start, end} span into the body."""
    if isinstance(ev, dict):
        return ev.get("text") or body[ev.get("start", 0):ev.get("end", 0)]
    return ev


def ev_line(e, emap=None, body=""):
    parts = e.get("participants", [])
    if emap is not None:
        parts = sorted(str(emap.get(p) or p) for p in parts)
    ev = span_text(e.get("evidence"), body)
    return f"{e.get('type'):13} {str(e.get('date')):22} {str(e.get('status')):9} {parts}  «{short(ev)}»"


def _words(text):
    return set(str(text or "").lower().split())


def status_accuracy(pairs_by_doc, sc):
    """(status-agreeing pairs, matched pairs) under score.py's pairing, under a maximum matching that
    prefers agreeing statuses (scipy's assignment solver: 1000 per match plus 1 per agreeing status), and
    under a maximum matching that prefers shared evidence words (1000 per match plus up to 1 for the
    Jaccard overlap of the two evidence texts; status plays no part)."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    scorer = [0, 0]
    best = [0, 0]
    by_evidence = [0, 0]
    for sys_ev, gold_ev, full, body in pairs_by_doc:
        required = [y for y in gold_ev if not y.get("optional")]
        for x, y in sc.greedy_match(sys_ev, gold_ev, full)[3]:
            if y is not None and not y.get("optional"):
                scorer[1] += 1
                scorer[0] += x.get("status") in sc.as_list(y.get("status"))
        if not sys_ev or not required:
            continue
        w = np.zeros((len(sys_ev), len(required)))
        for i, x in enumerate(sys_ev):
            for j, y in enumerate(required):
                if full(x, y):
                    w[i, j] = 1000 + (x.get("status") in sc.as_list(y.get("status")))
        rows, cols = linear_sum_assignment(w, maximize=True)
        for i, j in zip(rows, cols):
            if w[i, j]:
                best[1] += 1
                best[0] += w[i, j] > 1000
        w = np.zeros((len(sys_ev), len(required)))
        for i, x in enumerate(sys_ev):
            xw = _words(span_text(x.get("evidence"), body))
            for j, y in enumerate(required):
                if full(x, y):
                    yw = _words(y.get("evidence"))
                    w[i, j] = 1000 + len(xw & yw) / max(len(xw | yw), 1)
        rows, cols = linear_sum_assignment(w, maximize=True)
        for i, j in zip(rows, cols):
            if w[i, j]:
                by_evidence[1] += 1
                by_evidence[0] += sys_ev[i].get("status") in sc.as_list(required[j].get("status"))
    return scorer, best, by_evidence


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("output")
    ap.add_argument("gold")
    ap.add_argument("--only", choices=["events", "claims"])
    ap.add_argument("--doc")
    a = ap.parse_args()
    sc = load_score()
    status_pairs = []
    out = {}
    for line in Path(a.output).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[Path(str(d.get("source", ""))).stem] = d
    for gp in sorted(Path(a.gold).glob("*.json")):
        if a.doc and a.doc not in gp.stem:
            continue
        g = json.loads(gp.read_text(encoding="utf-8"))
        s = out.get(gp.stem, {})
        emap = sc.resolve_entities(s, g)
        body = s.get("body", "")
        print(f"== {gp.stem}")

        def parts(e, emap=emap):
            return {emap.get(p) for p in e.get("participants", []) if emap.get(p)}

        if a.only != "claims":
            # bound per document (default arguments): the status figure calls them after the loop
            def core(x, y, parts=parts):
                return x.get("type") == y.get("type") and set(y.get("participants", [])) <= parts(x)

            def full(x, y, core=core):
                return core(x, y) and sc.date_ok(x.get("date"), y.get("date"))

            gold_ev = g.get("events", [])
            status_pairs.append((s.get("events", []), gold_ev, full, body))
            tp, fp, fn, pairs = sc.greedy_match(s.get("events", []), gold_ev, full)
            matched = {id(y) for _, y in pairs if y is not None}
            fps = [x for x, y in pairs if y is None]
            fns = [y for y in gold_ev if id(y) not in matched and not y.get("optional")]
            # pair leftovers whose type and parties agree: a wrong date, not a miss
            for y in list(fns):
                for x in fps:
                    if core(x, y):
                        print(f"  DATE sys  {ev_line(x, emap, body)}")
                        print(f"       gold {ev_line(y)}")
                        fps.remove(x)
                        fns.remove(y)
                        break
            for y in fns:
                print(f"  FN   gold {ev_line(y)}")
            for x in fps:
                print(f"  FP   sys  {ev_line(x, emap, body)}")
            for x, y in pairs:
                if y is not None and not y.get("optional") and x.get("status") not in sc.as_list(y.get("status")):
                    print(f"  STATUS {x.get('status')} vs gold {y.get('status')}: {ev_line(y)}")

        if a.only != "events":
            def claim_ok(x, y):
                try:
                    v = float(x.get("value"))
                except (TypeError, ValueError):
                    return False
                close = any(abs(v - float(gv)) <= 0.005 * max(1.0, abs(float(gv))) for gv in sc.as_list(y["value"]))
                return (emap.get(x.get("subject")) in sc.as_list(y.get("subject"))
                        and x.get("measure") in sc.as_list(y.get("measure")) and close)

            gold_cl = g.get("claims", [])
            tp, fp, fn, pairs = sc.greedy_match(s.get("claims", []), gold_cl, claim_ok)
            matched = {id(y) for _, y in pairs if y is not None}
            for y in gold_cl:
                if id(y) not in matched and not y.get("optional"):
                    print(f"  CLAIM FN gold {y.get('subject')} {y.get('measure')} {y.get('value')}"
                          f"  «{short(y.get('evidence'))}»")
            for x, y in pairs:
                if y is None:
                    print(f"  CLAIM FP sys  {emap.get(x.get('subject'))} {x.get('measure')} {x.get('value')}"
                          f"  «{short(span_text(x.get('evidence'), body))}»")

    if status_pairs:
        (ok, n), (ok2, n2), (ok3, n3) = status_accuracy(status_pairs, sc)
        print(f"event status accuracy: {ok}/{n} = {ok / max(n, 1):.2f} as score.py pairs events; "
              f"{ok2}/{n2} = {ok2 / max(n2, 1):.2f} when the pairing prefers agreeing statuses; "
              f"{ok3}/{n3} = {ok3 / max(n3, 1):.2f} when it prefers shared evidence words (status-blind)")


if __name__ == "__main__":
    main()
