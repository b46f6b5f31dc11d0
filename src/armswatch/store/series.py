"""Claim series: one corpus claim per distinct estimate, with every report of it; conflicts flagged.

Reports of the same estimate (same subject, measure, value, qualifier, time, target time, source and
unit) are one corpus claim. Its `date` is the claim's `time`, or the earliest report's publication date
when the text gives none. Each estimate stands for a range of values (exact 410 = [410, 410], about 500
= [450, 550], more than 500 = (500, inf), up to 1000 = (-inf, 1000]...); two estimates of one subject and
measure for the same year (and target time) whose ranges do not overlap are both flagged `conflict`
("410" and "more than 500" warheads in 2023), while "more than 500" and "about 600" are not.
Near-duplicate documents are left out.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from sqlalchemy import bindparam, delete, insert, select, update

from . import schema as s


def claim_key(subject, measure, value, qualifier, time, target_time, source, unit) -> str:
    raw = json.dumps([subject, measure, float(value), qualifier, time, target_time, source, unit], ensure_ascii=False)
    return "cl-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


APPROX = 0.1


def value_range(value: float, qualifier: str) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) of the values an estimate allows."""
    inf = float("inf")
    if qualifier == "approx":
        return value * (1 - APPROX), value * (1 + APPROX), False, False
    if qualifier == "more_than":
        return value, inf, True, False
    if qualifier == "at_least":
        return value, inf, False, False
    if qualifier == "less_than":
        return -inf, value, False, True
    if qualifier == "up_to":
        return -inf, value, False, False
    return value, value, False, False


def ranges_overlap(a, b) -> bool:
    lo, lo_open = (a[0], a[2]) if a[0] > b[0] or (a[0] == b[0] and a[2]) else (b[0], b[2])
    hi, hi_open = (a[1], a[3]) if a[1] < b[1] or (a[1] == b[1] and a[3]) else (b[1], b[3])
    return lo < hi or (lo == hi and not lo_open and not hi_open)


def _year(v: str | None) -> str | None:
    return v[:4] if v and v[:4].isdigit() else None


def rebuild_corpus_claims(sess) -> int:
    rows = sess.execute(
        select(s.Claim, s.Document.published).join(s.Document, s.Document.id == s.Claim.doc_pk)
        .where(s.Document.dup_of.is_(None)).order_by(s.Claim.id)).all()
    groups: dict[str, dict] = {}
    links = []
    for c, pub in rows:
        k = claim_key(c.subject, c.measure, c.value, c.qualifier, c.time, c.target_time, c.source, c.unit)
        g = groups.setdefault(k, dict(id=k, subject=c.subject, measure=c.measure, value=c.value, qualifier=c.qualifier,
                                      time=c.time, target_time=c.target_time, source=c.source, unit=c.unit,
                                      pubs=[], n_reports=0))
        g["n_reports"] += 1
        if pub:
            g["pubs"].append(pub[:10])
        links.append(dict(id=c.id, corpus_claim_id=k))
    # conflicts: same subject, measure, unit, year and target time; ranges that do not overlap
    by_slot = defaultdict(list)
    for g in groups.values():
        g["date"] = g["time"] or (min(g["pubs"]) if g["pubs"] else None)
        slot = (g["subject"], g["measure"], g["unit"], _year(g["date"]), g["target_time"])
        if slot[3] is None or g["subject"] is None:
            continue
        g["range"] = value_range(g["value"], g["qualifier"])
        by_slot[slot].append(g)
        g["slot"] = slot
    sess.execute(update(s.Claim).values(corpus_claim_id=None))
    sess.execute(delete(s.CorpusClaim))
    out = []
    for g in groups.values():
        slot = g.pop("slot", None)
        g.pop("pubs")
        g["conflict"] = bool(slot) and any(not ranges_overlap(g["range"], o["range"]) for o in by_slot[slot]
                                           if o is not g)
        out.append(g)
    for g in out:
        g.pop("range", None)
    conn = sess.connection()
    if out:
        conn.execute(insert(s.CorpusClaim.__table__), out)
    if links:
        t = s.Claim.__table__
        conn.execute(update(t).where(t.c.id == bindparam("k")).values(corpus_claim_id=bindparam("cc")),
                     [{"k": x["id"], "cc": x["corpus_claim_id"]} for x in links])
    return len(out)
