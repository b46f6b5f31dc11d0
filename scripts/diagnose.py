#!/usr/bin/env python3
"""Error analysis for events and claims: what the scorer counts as missed or wrong, with evidence.

usage: scripts/diagnose.py OUTPUT.jsonl GOLD_DIR [--only events|claims] [--doc STEM]

For each document: events whose type and parties match gold but whose date does not ("DATE"),
gold events not found ("FN"), system events that match nothing ("FP"); then the same for claims.
Uses the matching functions of ../shared/contract/score.py, so the figures agree with it.
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("output")
    ap.add_argument("gold")
    ap.add_argument("--only", choices=["events", "claims"])
    ap.add_argument("--doc")
    a = ap.parse_args()
    sc = load_score()
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

        def parts(e):
            return {emap.get(p) for p in e.get("participants", []) if emap.get(p)}

        if a.only != "claims":
            def core(x, y):
                return x.get("type") == y.get("type") and set(y.get("participants", [])) <= parts(x)

            def full(x, y):
                return core(x, y) and sc.date_ok(x.get("date"), y.get("date"))

            gold_ev = g.get("events", [])
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


if __name__ == "__main__":
    main()
