"""Claims and quotes on fresh articles (tests/data/claims_quotes/*.txt), written and annotated before the
extractor was run on them. Each NAME.json lists the expected claims (subject KB id or null, measure, value,
qualifier, time, target_time, source) and quotes (speaker KB id, or the speaker's name where the KB has no
entry, and the first words of the text). Lists are alternatives; `optional` items neither reward nor punish.

Run as a script for a per-article report: `.venv/bin/python tests/test_claims_quotes_articles.py`.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from armswatch.pipeline import process_text

DATA = Path(__file__).parent / "data" / "claims_quotes"
ARTICLES = sorted(DATA.glob("*.txt"))


def _norm(s) -> str:
    s = unicodedata.normalize("NFD", str(s or "")).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", s.lower()))


def _alts(v) -> list:
    return v if isinstance(v, list) else [v]


def _published(text: str) -> str | None:
    return None  # the pipeline reads the date from the page itself


def run(path: Path):
    doc = process_text(path.read_text(encoding="utf-8"), source=str(path))
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    names = {}
    for e in doc.entities:
        names[e.id] = {_norm(e.id), _norm(e.name), _norm(getattr(e, "name_vi", None))} | {
            _norm(m.text) for m in e.mentions}

    def ent_ok(sys_id, accepted) -> bool:
        for a in _alts(accepted):
            if a is None and sys_id is None:
                return True
            if a is not None and sys_id is not None and (sys_id == a or _norm(a) in names.get(sys_id, ())):
                return True
        return False

    def claim_ok(s, g) -> bool:
        return (ent_ok(s.subject, g["subject"]) and s.measure in _alts(g["measure"])
                and any(abs(float(s.value) - v) <= 0.005 * max(1.0, abs(v)) for v in _alts(g["value"])))

    def detail_ok(s, g) -> bool:
        return (s.qualifier in _alts(g.get("qualifier", [s.qualifier]))
                and s.time in _alts(g.get("time", [s.time])) and s.target_time in _alts(g.get("target_time", [s.target_time]))
                and ent_ok(s.source, g.get("source", [s.source])))

    def quote_ok(s, g) -> bool:
        return ent_ok(s.speaker, g["speaker"]) and _norm(s.text).startswith(_norm(g["text"]))

    out = {}
    for kind, sys_items, ok in (("claims", doc.claims, claim_ok), ("quotes", doc.quotes, quote_ok)):
        gold_items = gold.get(kind, [])
        used, tp, fp, details, problems = set(), 0, 0, 0, []
        # required gold first, then optional
        order = sorted(range(len(gold_items)), key=lambda j: bool(gold_items[j].get("optional")))
        for s in sys_items:
            hit = next((j for j in order if j not in used and ok(s, gold_items[j])), None)
            if hit is None:
                fp += 1
                problems.append(("FP", s))
                continue
            used.add(hit)
            if not gold_items[hit].get("optional"):
                tp += 1
                if kind == "claims":
                    if detail_ok(s, gold_items[hit]):
                        details += 1
                    else:
                        problems.append(("DETAIL", s, gold_items[hit]))
        missed = [g for j, g in enumerate(gold_items) if j not in used and not g.get("optional")]
        problems += [("FN", g) for g in missed]
        out[kind] = (tp, fp, len(missed), details, problems)
    return doc, out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_article(path):
    _, out = run(path)
    for kind in ("claims", "quotes"):
        tp, fp, fn, _, problems = out[kind]
        p, r = prf(tp, fp, fn)
        assert p >= 0.8 and r >= 0.8, (kind, round(p, 2), round(r, 2), problems)


def test_enough_articles():
    assert len(ARTICLES) >= 10
    langs = {p.stem[:2] for p in ARTICLES}
    assert langs == {"vi", "en"}


if __name__ == "__main__":
    tot = {"claims": [0, 0, 0, 0], "quotes": [0, 0, 0, 0]}
    verbose = "-q" not in sys.argv
    for path in ARTICLES:
        doc, out = run(path)
        line = [path.stem]
        for kind in ("claims", "quotes"):
            tp, fp, fn, det, problems = out[kind]
            for i, x in enumerate((tp, fp, fn, det)):
                tot[kind][i] += x
            p, r = prf(tp, fp, fn)
            line.append(f"{kind} P={p:.2f} R={r:.2f}")
            if verbose:
                for pr in problems:
                    s = pr[1]
                    if pr[0] == "FN":
                        print("   ", kind, "FN", s)
                    else:
                        d = {k: getattr(s, k, None) for k in ("subject", "measure", "value", "qualifier", "time",
                                                                 "target_time", "source", "speaker", "unit")}
                        if kind == "quotes":
                            d["text"] = s.text[:50]
                        print("   ", kind, pr[0], {k: v for k, v in d.items() if v is not None},
                              "GOLD" if pr[0] == "DETAIL" else "", pr[2] if pr[0] == "DETAIL" else "")
        print("  ".join(line))
    for kind, (tp, fp, fn, det) in tot.items():
        p, r = prf(tp, fp, fn)
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"TOTAL {kind}: P={p:.3f} R={r:.3f} F1={f:.3f}" + (f" detail={det}/{tp}" if kind == "claims" else ""))
