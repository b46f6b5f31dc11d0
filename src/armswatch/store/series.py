"""Claim series: one corpus claim per distinct estimate, with every report of it; conflicts flagged.

Reports of the same estimate (same subject, measure, value, qualifier, time, target time, source and
unit) are one corpus claim. Its `date` is the claim's `time`, or the earliest report's publication date
when the text gives none. Each estimate stands for a range of values (exact 410 = [410, 410], about 500
= [450, 550], more than 500 = (500, inf), up to 1000 = (-inf, 1000]...); two estimates of one subject and
measure for the same year (and target time) whose ranges do not overlap are both flagged `conflict`
("410" and "more than 500" warheads in 2023), while "more than 500" and "about 600" are not.
Near-duplicate documents are left out.

Incremental (`merge_pending_claims`): claims without a corpus claim are grouped; the slots (subject,
measure, unit, year, target time) they fall in are dissolved and computed again from their reports, so
conflict flags stay right; other slots are not touched. Deleting or replacing a document dissolves the
slots of its claims (`dissolve_claims`). The result is the same as `rebuild_corpus_claims`.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from sqlalchemy import delete, func, select, update

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


CHUNK = 500
FULL_REBUILD_SHARE = 0.3


def _slot(g: dict) -> tuple | None:
    """Where conflicts are looked for: same subject, measure, unit, year and target time."""
    if g["subject"] is None or _year(g["date"]) is None:
        return None
    return (g["subject"], g["measure"], g["unit"], _year(g["date"]), g["target_time"])


def _groups(rows) -> tuple[dict[str, dict], list[dict]]:
    """(claim, publication) rows -> corpus claims by key, and the claim -> corpus claim links."""
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
        links.append({"k": c.id, "cc": k})
    for g in groups.values():
        g["date"] = g["time"] or (min(g["pubs"]) if g["pubs"] else None)
        g.pop("pubs")
    return groups, links


def _flag_conflicts(groups) -> None:
    """Set `conflict` on every group: a group of the same slot whose range does not overlap."""
    by_slot = defaultdict(list)
    for g in groups:
        slot = _slot(g)
        if slot is not None:
            by_slot[slot].append((g, value_range(g["value"], g["qualifier"])))
    for g in groups:
        g["conflict"] = False
    for members in by_slot.values():
        for g, rg in members:
            g["conflict"] = any(not ranges_overlap(rg, ro) for o, ro in members if o is not g)


def _pending_rows(sess, where):
    return sess.execute(
        select(s.Claim.id, s.Claim.subject, s.Claim.measure, s.Claim.value, s.Claim.qualifier, s.Claim.time,
               s.Claim.target_time, s.Claim.source, s.Claim.unit, s.Document.published)
        .join(s.Document, s.Document.id == s.Claim.doc_pk)
        .where(s.Document.dup_of.is_(None)).where(where).order_by(s.Claim.id)).all()


def _write(sess, groups: list[dict], links: list[dict]) -> None:
    from .merge import executemany

    conn = sess.connection()
    cols = ("id", "subject", "measure", "value", "qualifier", "time", "target_time", "source", "unit", "date",
            "n_reports", "conflict")
    executemany(conn, f"INSERT INTO corpus_claims ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [tuple(g[k] for k in cols) for g in groups])
    executemany(conn, "UPDATE claims SET corpus_claim_id = ? WHERE id = ?", [(x["cc"], x["k"]) for x in links])


def rebuild_corpus_claims(sess) -> int:
    rows = _pending_rows(sess, s.Claim.id.is_not(None))
    groups, links = _groups((r, r.published) for r in rows)
    _flag_conflicts(list(groups.values()))
    sess.execute(delete(s.CorpusClaim))
    _write(sess, list(groups.values()), links)  # every claim counted gets its new corpus claim
    dups = select(s.Document.id).where(s.Document.dup_of.is_not(None))
    sess.execute(update(s.Claim).where(s.Claim.doc_pk.in_(dups), s.Claim.corpus_claim_id.is_not(None))
                 .values(corpus_claim_id=None))
    return len(groups)


def _slot_members(sess, slots) -> list:
    """Stored corpus claims in these slots (looked up by subject and measure, an index), as plain rows
    (id, subject, measure, unit, date, target_time): a frequent slot holds thousands, no ORM objects."""
    cc = s.CorpusClaim
    out = []
    for subject, measure in sorted({(x[0], x[1]) for x in slots}):
        for r in sess.execute(select(cc.id, cc.subject, cc.measure, cc.unit, cc.date, cc.target_time)
                              .where(cc.subject == subject, cc.measure == measure)):
            if _slot(dict(subject=r.subject, measure=r.measure, unit=r.unit, date=r.date,
                          target_time=r.target_time)) in slots:
                out.append(r)
    return out


def dissolve_claims(sess, ids) -> int:
    """Drop these corpus claims and every other one of their slots; their claims become new again."""
    ids = sorted({i for i in ids if i})
    ccs = []
    cc = s.CorpusClaim
    for i in range(0, len(ids), CHUNK):
        ccs += sess.execute(select(cc.id, cc.subject, cc.measure, cc.unit, cc.date, cc.target_time)
                            .where(cc.id.in_(ids[i:i + CHUNK]))).all()
    slots = {_slot(dict(subject=c.subject, measure=c.measure, unit=c.unit, date=c.date, target_time=c.target_time))
             for c in ccs} - {None}
    drop = sorted(set(ids) | {c.id for c in _slot_members(sess, slots)})
    for i in range(0, len(drop), CHUNK):
        chunk = drop[i:i + CHUNK]
        # (no session synchronisation: nothing loaded is kept, and "evaluate" costs seconds per chunk)
        sess.execute(update(s.Claim).where(s.Claim.corpus_claim_id.in_(chunk)).values(corpus_claim_id=None)
                     .execution_options(synchronize_session=False))
        sess.execute(delete(s.CorpusClaim).where(s.CorpusClaim.id.in_(chunk))
                     .execution_options(synchronize_session=False))
    return len(drop)


def merge_pending_claims(sess) -> int:
    """Group the claims that have no corpus claim yet (incremental); the slots they touch are computed again."""
    c = s.Claim.__table__
    pending = _pending_rows(sess, c.c.corpus_claim_id.is_(None))
    if not pending:
        return 0
    merged = sess.execute(select(func.count()).select_from(c).where(c.c.corpus_claim_id.is_not(None))).scalar_one()
    if len(pending) >= FULL_REBUILD_SHARE * (merged + len(pending)):
        return rebuild_corpus_claims(sess)
    # the same estimate already stored, and the stored neighbours in the slots the new groups fall in:
    # dissolved, so they are counted again with the new reports and the conflict flags are computed anew
    groups, _ = _groups((r, r.published) for r in pending)
    dissolve_claims(sess, list(groups))
    while True:
        pending = _pending_rows(sess, c.c.corpus_claim_id.is_(None))
        groups, links = _groups((r, r.published) for r in pending)
        stored = _slot_members(sess, {_slot(g) for g in groups.values()} - {None})
        if not stored:
            break
        dissolve_claims(sess, [cc.id for cc in stored])
    _flag_conflicts(list(groups.values()))
    _write(sess, list(groups.values()), links)
    return len(groups)
