"""Cross-document event merging: every report of one happening becomes one corpus event.

Two reports (document events) may be the same happening when they have
- the same type, and the same `track` / `action` / `treaty` / `author` / `format` where both give one;
- compatible participants: the country sets overlap strongly (Jaccard >= 0.5; both empty: the other
  participants must overlap instead);
- compatible dates: equal, or one a prefix of the other (`2023-11` / `2023-11-06`), or days at most 3
  apart when one report tells the plan and the other the outcome; an unknown year (`XXXX-11`) is read
  as within a year of its document's publication date (any year when that is unknown too);
- compatible places: equal, one inside the other (a city and its country, from the KB), or one unknown
  (a place the KB does not know, `unk:...`, never blocks: the extractor is unsure of it);
- and they come from different documents (a document's extractor already told its events apart).

Dated reports are clustered first: a report joins the best cluster whose every member it matches on
type, document, key attributes and participants, and most of whose members it matches on date and
place (so one report with a wrong date or place does not split a well-attested event; the disagreement
is kept in `conflicts`). An undated report then joins a cluster only with positive support: its
document's publication date must put the cluster's date within reach (planned/proposed: up to ~3 months
ahead; held/stalled: up to a year back), or, when the document has no date, the topics must overlap
(folded-word Jaccard >= 0.25).
Near-duplicate documents (`documents.dup_of`) are left out so a republished wire story is not counted
twice.

The corpus event's `status` is the latest known state: the latest report (by publication date) that
says held/stalled wins over plans; otherwise the latest plan. `date` is the finest date consistent with
every report; `conflicts` lists each field on which reports disagree beyond precision.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable

from ..nlp import fold

KEY_ATTRS = ("track", "action", "treaty", "author", "format")
NO_CONFLICT = {"topic", "mentions", "people", "delegates", "chairs", "note"}  # free text / per-document detail
DAY_TOLERANCE = 3
PLAN_AHEAD_DAYS = 92
HELD_BACK_DAYS = 366
_DATE_RE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?$")
_STOP = {"and", "of", "the", "on", "in", "for", "to", "a", "ve", "va", "cua", "cac", "cuoc", "nhung", "voi"}
STATUS_RANK = {"proposed": 0, "planned": 1, "held": 2, "stalled": 3}


@dataclass
class Report:
    """One document's view of an event (a row of `events`)."""

    key: Any  # events.id or (doc_id, idx)
    doc_id: str
    type: str
    date: str | None
    participants: list[str]
    countries: frozenset[str]
    location: str | None
    status: str
    attributes: dict
    published: str | None = None
    source: str = ""
    outlet: str | None = None
    evidence: str = ""

    @property
    def ymd(self):
        return parse_date(self.date)

    @property
    def pub(self) -> date | None:
        return _to_date(self.published)


@dataclass
class Cluster:
    reports: list[Report] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)

    def add(self, r: Report) -> None:
        self.reports.append(r)
        self.docs.add(r.doc_id)

    @property
    def dated(self) -> list[Report]:
        return [r for r in self.reports if r.ymd is not None]


def parse_date(v: str | None):
    """'2023-11-06' -> (2023, 11, 6); '2023-11' -> (2023, 11, None); 'XXXX-10' -> (None, 10, None).
    None for null or unparseable values (REF values, weeks, ranges)."""
    if not v:
        return None
    mm = _DATE_RE.match(v[:10] if len(v) > 10 and v[10] in "T " else v)
    if not mm:
        mm = _DATE_RE.match(v.split("T")[0])
        if not mm:
            return None
    y, mo, d = (None if (g is None or "X" in g) else int(g) for g in mm.groups())
    if y is None and mo is None:
        return None
    return (y, mo, d)


def _to_date(v: str | None) -> date | None:
    p = parse_date(v)
    if not p or p[0] is None:
        return None
    return date(p[0], p[1] or 1, p[2] or 1)


def _interval(p, default_year: int | None = None) -> tuple[date, date] | None:
    y, mo, d = p
    y = y if y is not None else default_year
    if y is None:
        return None
    if mo is None:
        return date(y, 1, 1), date(y, 12, 31)
    if d is None:
        last = (date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1))
        return date(y, mo, 1), last
    try:
        dd = date(y, mo, d)
    except ValueError:
        return None
    return dd, dd


def date_score(a: Report, b: Report) -> float:
    """1 equal, 0.7 one refines the other, 0.4 plan/outcome a few days apart, 0 incompatible.
    Only for two dated reports."""
    pa, pb = a.ymd, b.ymd
    ya, yb = _years(a), _years(b)
    if ya is not None and yb is not None and not ya & yb:
        return 0.0  # "XXXX-11" in a 2021 article is not November 2024
    if a.date == b.date:
        return 1.0
    ok = True
    for x, y in zip(pa, pb):
        if x is not None and y is not None and x != y:
            ok = False
            break
    if ok:
        return 0.7
    if all(v is not None for v in pa[1:]) and all(v is not None for v in pb[1:]) and (
            a.status != b.status or "planned" in (a.status, b.status)):
        ya = pa[0] if pa[0] is not None else pb[0]
        yb = pb[0] if pb[0] is not None else pa[0]
        if ya is None:
            return 0.0
        try:
            da, db = date(ya, pa[1], pa[2]), date(yb, pb[1], pb[2])
        except ValueError:
            return 0.0
        if abs((da - db).days) <= DAY_TOLERANCE:
            return 0.4
    return 0.0


def _years(r: Report) -> set[int] | None:
    """Years the report's date can be in: its own, or around its publication when the text gives none."""
    if r.ymd is not None and r.ymd[0] is not None:
        return {r.ymd[0]}
    pub = r.pub
    return {pub.year - 1, pub.year, pub.year + 1} if pub else None


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if (a or b) else 0.0


def topic_tokens(r: Report) -> set[str]:
    t = r.attributes.get("topic")
    if isinstance(t, list):
        t = " ".join(map(str, t))
    if not t:
        return set()
    return {w for w in re.findall(r"[^\W_]+", fold(str(t))) if w not in _STOP and len(w) > 1}


class Merger:
    def __init__(self, place_country: Callable[[str], str | None] | None = None):
        self.place_country = place_country or (lambda _id: None)

    # ---------------------------------------------------------------- pairwise
    def base_compatible(self, a: Report, b: Report) -> float | None:
        """Score of the non-date evidence (participants, place, attributes), None when incompatible."""
        if a.type != b.type or a.doc_id == b.doc_id:
            return None
        for k in KEY_ATTRS:
            va, vb = a.attributes.get(k), b.attributes.get(k)
            if va not in (None, "") and vb not in (None, "") and str(va) != str(vb):
                return None
        if a.countries and b.countries:
            pj = _jaccard(set(a.countries), set(b.countries))
        elif not a.countries and not b.countries:
            pj = _jaccard(set(a.participants), set(b.participants)) if (a.participants or b.participants) else 0.5
        else:
            return None
        if pj < 0.5:
            return None
        score = pj
        if a.location and a.location == b.location:
            score += 0.3
        if a.attributes.get("track") and a.attributes.get("track") == b.attributes.get("track"):
            score += 0.2
        ta, tb = topic_tokens(a), topic_tokens(b)
        if ta and tb:
            score += 0.5 * _jaccard(ta, tb)
        return score

    def places_compatible(self, a: str | None, b: str | None) -> bool:
        """Equal, one inside the other, or unknown. Places the KB does not know (`unk:...`) never block."""
        if not a or not b or a == b or a.startswith("unk:") or b.startswith("unk:"):
            return True
        return self.place_country(a) == b or self.place_country(b) == a

    def pair_score(self, a: Report, b: Report) -> float | None:
        """None: hard mismatch (type, document, key attributes, participants); 0.0: soft mismatch (date or
        place); else the strength of the match."""
        base = self.base_compatible(a, b)
        if base is None:
            return None
        ds = date_score(a, b)
        if ds == 0.0 or not self.places_compatible(a.location, b.location):
            return 0.0
        return base + ds

    def undated_support(self, r: Report, c: Cluster) -> float | None:
        """Can the undated report r join cluster c (whose members are all compatible with it)?"""
        dated = c.dated
        if not dated:
            return None
        pub = r.pub
        if pub is not None:
            lo, hi = ((pub - timedelta(days=DAY_TOLERANCE), pub + timedelta(days=PLAN_AHEAD_DAYS))
                      if r.status in ("planned", "proposed") else (pub - timedelta(days=HELD_BACK_DAYS), pub))
            for m in dated:
                iv = _interval(m.ymd, default_year=pub.year)
                if iv is None or iv[1] < lo or iv[0] > hi:
                    return None
            return 0.3
        tr = topic_tokens(r)
        sims = [_jaccard(tr, topic_tokens(m)) for m in c.reports if topic_tokens(m)]
        if tr and sims and max(sims) >= 0.25:
            return 0.2 + max(sims)
        return None

    # ---------------------------------------------------------------- clustering
    def cluster(self, reports: list[Report]) -> list[Cluster]:
        """Blocked by (type, country, year, month): two compatible reports share a country (Jaccard >= 0.5)
        and, where both give them, the year and (give or take a month boundary) the month; so each report is
        compared with few clusters."""
        def order(r: Report):
            return (r.date or "", r.published or "9999", r.doc_id, str(r.key))

        def blocks(r: Report):
            return sorted(r.countries) or sorted(r.participants) or ["-"]

        dated = sorted((r for r in reports if r.ymd is not None), key=order)
        undated = sorted((r for r in reports if r.ymd is None), key=order)
        clusters: list[Cluster] = []
        by_month: dict[tuple, dict[int, Cluster]] = {}  # (type, block, year|None, month|None)
        by_year: dict[tuple, dict[int, Cluster]] = {}  # (type, block, year|None): any month
        by_any: dict[tuple, dict[int, Cluster]] = {}  # (type, block): any date

        def register(c: Cluster, ci: int, r: Report) -> None:
            y, mo = (r.ymd[0], r.ymd[1]) if r.ymd else (None, None)
            for b in blocks(r):
                by_any.setdefault((r.type, b), {})[ci] = c
                if r.ymd is not None:
                    by_year.setdefault((r.type, b, y), {})[ci] = c
                    by_month.setdefault((r.type, b, y, mo), {})[ci] = c

        def keys_for(r: Report):
            """Index look-ups that cover every cluster a dated report can be date-compatible with."""
            y, mo = r.ymd[0], r.ymd[1]
            if y is None:
                return [("any",)]
            if mo is None:
                return [("year", y), ("year", None)]
            months = [(y, mo), (y, None), (None, mo), (None, None)]
            for dm in (-1, 1):  # plan/outcome a few days apart across a month boundary
                m2, y2 = mo + dm, y
                if m2 == 0:
                    m2, y2 = 12, y - 1
                elif m2 == 13:
                    m2, y2 = 1, y + 1
                months += [(y2, m2), (None, m2)]
            return [("month", yy, mm) for yy, mm in months]

        def candidates(r: Report, keys) -> list[tuple[int, Cluster]]:
            found: dict[int, Cluster] = {}
            for b in blocks(r):
                for k in keys:
                    if k[0] == "any":
                        found.update(by_any.get((r.type, b), {}))
                    elif k[0] == "year":
                        found.update(by_year.get((r.type, b, k[1]), {}))
                    else:
                        found.update(by_month.get((r.type, b, k[1], k[2]), {}))
            return sorted(found.items(), key=lambda kv: kv[0])

        def window_keys(r: Report):
            """Look-ups covering the months an undated report may refer to (see `undated_support`)."""
            pub = r.pub
            if pub is None:
                return [("any",)]
            if r.status in ("planned", "proposed"):
                lo, hi = pub - timedelta(days=DAY_TOLERANCE), pub + timedelta(days=PLAN_AHEAD_DAYS)
            else:
                lo, hi = pub - timedelta(days=HELD_BACK_DAYS), pub
            keys, y, mo = [], lo.year, lo.month
            while (y, mo) <= (hi.year, hi.month):
                keys += [("month", y, mo), ("month", None, mo)]
                y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
            keys += [("month", yy, None) for yy in range(lo.year, hi.year + 1)]
            return keys

        index_of: dict[int, int] = {}
        for r in dated:
            best, best_s = None, None
            for _ci, c in candidates(r, keys_for(r)):
                if r.doc_id in c.docs:
                    continue
                scores = [self.pair_score(r, m) for m in c.reports]
                if any(x is None for x in scores):
                    continue
                ok = [x for x in scores if x > 0]
                if 2 * len(ok) <= len(scores):  # must agree on date and place with most of the reports
                    continue
                sc = sum(ok) / len(scores)
                if best_s is None or sc > best_s:
                    best, best_s = c, sc
            if best is None:
                best = Cluster()
                index_of[id(best)] = len(clusters)
                clusters.append(best)
            best.add(r)
            register(best, index_of[id(best)], r)
        # undated: score every (report, cluster) pair, assign greedily best-first
        pairs = []
        for r in undated:
            pub = r.pub
            for _ci, c in candidates(r, window_keys(r)):
                if r.doc_id in c.docs:
                    continue
                bases = [self.base_compatible(r, m) for m in c.reports]
                if any(x is None for x in bases):
                    continue
                if r.location and sum(self.places_compatible(r.location, m.location) for m in c.reports) * 2 <= len(
                        c.reports):
                    continue
                sup = self.undated_support(r, c)
                if sup is None:
                    continue
                pairs.append((sup + sum(bases) / len(bases), _ci, r, c))
        pairs.sort(key=lambda p: (-p[0], order(p[2]), p[1]))
        placed: set[int] = set()
        for _score, _ci, r, c in pairs:
            if id(r) in placed or r.doc_id in c.docs:
                continue
            c.add(r)
            placed.add(id(r))
        for r in undated:
            if id(r) not in placed:
                c = Cluster()
                c.add(r)
                clusters.append(c)
        return clusters

    # ---------------------------------------------------------------- one corpus event
    def summarize(self, c: Cluster) -> dict:
        reps = sorted(c.reports, key=lambda r: (r.published or "9999", r.doc_id, str(r.key)))
        conflicts = []
        dates = sorted({r.date for r in reps if r.date})
        parsed = [(r, r.ymd) for r in reps if r.ymd is not None]
        best_date = None
        if parsed:
            def agrees(p, q):
                return all(x is None or y is None or x == y for x, y in zip(p, q))

            cands = [(sum(v is not None for v in p), r.date, p) for r, p in parsed]
            consistent = [x for x in cands if all(agrees(x[2], q) for _, q in parsed)]
            if consistent:
                best_date = max(consistent, key=lambda x: (x[0], x[1]))[1]
            else:
                held = [r for r, _ in parsed if r.status in ("held", "stalled")]
                pick = (held or [r for r, _ in parsed])[-1]
                best_date = pick.date
                finest = {r.date for r, p in parsed if p[2] is not None} or set(dates)
                conflicts.append({"field": "date", "values": sorted(finest)})
        # status: latest known state
        held = [r for r in reps if r.status in ("held", "stalled")]
        pool = held or reps
        dated_pool = [r for r in pool if r.published]
        status = (dated_pool[-1] if dated_pool else max(pool, key=lambda r: STATUS_RANK.get(r.status, 0))).status
        # participants: countries first (by frequency), then the others
        cc = Counter(p for r in reps for p in r.countries)
        first: dict[str, int] = {}
        for r in reps:
            for p in r.participants:
                first.setdefault(p, len(first))
        countries = sorted(cc, key=lambda p: (-cc[p], first.get(p, 99), p))
        others = sorted({p for r in reps for p in r.participants} - set(countries), key=lambda p: first.get(p, 99))
        # location: from the reports that say it happened (else all), known places first, most reported,
        # then the latest report's; the others are conflicts when they are not the same place
        def loc_pool(rs):
            known = [r for r in rs if r.location and not r.location.startswith("unk:")]
            return known or [r for r in rs if r.location]

        pool_l = loc_pool([r for r in reps if r.status in ("held", "stalled")]) or loc_pool(reps)
        location = None
        if pool_l:
            lc = Counter(r.location for r in pool_l)
            last = {r.location: i for i, r in enumerate(pool_l)}
            location = max(lc, key=lambda x: (lc[x], self.place_country(x) is not None, last[x]))
            every = sorted({r.location for r in reps if r.location and not r.location.startswith("unk:")})
            if any(not self.places_compatible(location, x) for x in every):
                conflicts.append({"field": "location", "values": every})
        attributes: dict = {}
        for r in reversed(reps):  # latest report first
            for k, v in r.attributes.items():
                if v in (None, "", [], {}):
                    continue
                if k not in attributes:
                    attributes[k] = v
                elif k not in NO_CONFLICT and isinstance(v, (str, int, float, bool)) and attributes[k] != v and not any(
                        cf["field"] == f"attributes.{k}" for cf in conflicts):
                    vals = sorted({_js(r2.attributes.get(k)) for r2 in reps if r2.attributes.get(k) not in (None, "")})
                    if len(vals) > 1:
                        conflicts.append({"field": f"attributes.{k}", "values": vals})
        return dict(type=reps[0].type, date=best_date, dates=dates, participants=countries + others,
                    countries=countries, location=location, status=status, attributes=attributes,
                    conflicts=conflicts, reports=reps)


def _js(v) -> str:
    import json

    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True)


def event_id(ev: dict, taken: set[str]) -> str:
    base = "ev-{}-{}-{}".format(ev["date"] or "undated", ev["type"],
                                "-".join(sorted(ev["countries"])[:6]) or "x")
    base = re.sub(r"[^A-Za-z0-9_.:-]", "", base.replace(":", "_"))[:180]
    eid, n = base, 2
    while eid in taken:
        eid = f"{base}-{n}"
        n += 1
    taken.add(eid)
    return eid


# -------------------------------------------------------------------- from Documents (tests, API)
def reports_from_documents(docs, entity_type: Callable[[str], str | None] | None = None) -> list[Report]:
    from ..kb import load_kb

    kb = load_kb()
    out = []
    for d in docs:
        types = {e.id: e.type for e in d.entities}
        for i, ev in enumerate(d.events):
            def is_country(p):
                t = types.get(p) or (entity_type(p) if entity_type else None) or (kb.get(p).type if kb.get(p) else None)
                return t == "COUNTRY"

            out.append(Report(key=(d.doc_id, i), doc_id=d.doc_id, type=ev.type, date=ev.date,
                              participants=list(ev.participants),
                              countries=frozenset(p for p in ev.participants if is_country(p)),
                              location=ev.location, status=ev.status, attributes=dict(ev.attributes),
                              published=d.published, source=d.source, outlet=d.outlet,
                              evidence=d.body[ev.evidence.start:ev.evidence.end]))
    return out


def kb_place_country(place: str) -> str | None:
    from ..kb import load_kb

    e = load_kb().get(place)
    return e.country if e else None


def merge_documents(docs) -> list[dict]:
    """Merge the events of in-memory Documents (no database): the corpus events, in date order."""
    mg = Merger(kb_place_country)
    evs = [mg.summarize(c) for c in mg.cluster(reports_from_documents(docs))]
    evs.sort(key=lambda e: (e["date"] or "9999", e["type"], e["countries"]))
    taken: set[str] = set()
    for e in evs:
        e["id"] = event_id(e, taken)
    return evs


# -------------------------------------------------------------------- the database rebuild
def rebuild_corpus_events(sess) -> int:
    from sqlalchemy import delete, select, update

    from . import schema as s

    rows = sess.execute(
        select(s.Event, s.Document.doc_id, s.Document.published, s.Document.source, s.Document.outlet)
        .join(s.Document, s.Document.id == s.Event.doc_pk).where(s.Document.dup_of.is_(None))
        .order_by(s.Event.id)).all()
    ids = {p for ev, *_ in rows for p in (ev.participants or [])} | {ev.location for ev, *_ in rows if ev.location}
    ent = {}
    id_list = sorted(ids)
    for i in range(0, len(id_list), 500):
        for eid, etype, ecountry in sess.execute(select(s.Entity.id, s.Entity.type, s.Entity.country)
                                                 .where(s.Entity.id.in_(id_list[i:i + 500]))):
            ent[eid] = (etype, ecountry)
    def kb_get(p):  # the KB only for ids no stored document defined (loading it costs a second or more)
        from ..kb import load_kb

        return load_kb().get(p)

    def etype(p):
        if p in ent:
            return ent[p][0]
        e = kb_get(p)
        return e.type if e else None

    def place_country(p):
        if p in ent:
            return ent[p][1]
        e = kb_get(p)
        return e.country if e else None

    reports = [Report(key=ev.id, doc_id=doc_id, type=ev.type, date=ev.date, participants=list(ev.participants or []),
                      countries=frozenset(p for p in (ev.participants or []) if etype(p) == "COUNTRY"),
                      location=ev.location, status=ev.status, attributes=dict(ev.attributes or {}),
                      published=pub, source=src, outlet=outlet, evidence=ev.evidence)
               for ev, doc_id, pub, src, outlet in rows]
    mg = Merger(place_country)
    evs = [mg.summarize(c) for c in mg.cluster(reports)]
    evs.sort(key=lambda e: (e["date"] or "9999", e["type"], e["countries"], e["reports"][0].doc_id))
    sess.execute(update(s.Event).values(corpus_event_id=None))
    sess.execute(delete(s.CorpusEventParticipant))
    sess.execute(delete(s.CorpusEvent))
    taken: set[str] = set()
    ce_rows, part_rows, links = [], [], []
    for e in evs:
        eid = event_id(e, taken)
        ce_rows.append(dict(id=eid, type=e["type"], date=e["date"], dates=e["dates"], participants=e["participants"],
                            location=e["location"], status=e["status"], attributes=e["attributes"],
                            conflicts=e["conflicts"], n_reports=len(e["reports"])))
        part_rows += [dict(corpus_event_id=eid, entity_id=p) for p in dict.fromkeys(e["participants"])]
        links += [dict(id=r.key, corpus_event_id=eid) for r in e["reports"]]
    from sqlalchemy import bindparam, insert

    conn = sess.connection()  # Core executemany (the ORM bulk paths are ~10x slower)
    if ce_rows:
        conn.execute(insert(s.CorpusEvent.__table__), ce_rows)
    if part_rows:
        conn.execute(insert(s.CorpusEventParticipant.__table__), part_rows)
    if links:
        t = s.Event.__table__
        conn.execute(update(t).where(t.c.id == bindparam("k")).values(corpus_event_id=bindparam("ce")),
                     [{"k": x["id"], "ce": x["corpus_event_id"]} for x in links])
    return len(ce_rows)
