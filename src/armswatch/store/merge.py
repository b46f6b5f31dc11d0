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

Dated reports are clustered first, in date order: a report joins the best cluster whose every member it
matches on type, document, key attributes and participants, and most of whose members it matches on date
and place (so one report with a wrong date or place does not split a well-attested event; the
disagreement is kept in `conflicts`). An undated report then joins a cluster only with positive support:
its document's publication date must put the cluster's date within reach (planned/proposed: up to ~3
months ahead; held/stalled: up to a year back), or, when the document has no date, the topics must
overlap (folded-word Jaccard >= 0.25); undated reports are placed best pair first. An undated report
that names a single party joins only reports naming that party alone: with neither a date nor a second
party, which of that party's meetings within a year it tells of cannot be told.
Near-duplicate documents (`documents.dup_of`) are left out so a republished wire story is not counted
twice.

Blocking (why it is near-linear): a cluster is indexed under keys (type, party key, date key). Two party
sets with Jaccard >= 0.5 share a pair of parties when both have two or more, and otherwise one is a single
party inside a set of at most two (`party_keys` / `party_lookup`); the date keys cover every month a
compatible date can be in (the month, its neighbours, year-only and unknown-year dates, an undated
report's window). A report is compared only with the clusters found under its keys, which are exactly the
clusters the rules above can let it join.

The corpus event's `status` is the latest known state: the latest report (by publication date) that
says held/stalled wins over plans; otherwise the latest plan. `date` is the finest date consistent with
every report; `conflicts` lists each field on which reports disagree beyond precision. Its id is
`ev-DATE-TYPE-COUNTRIES`; when several events share that, the one whose first report (doc_id, index)
sorts first keeps it and the others get a short hash of their first report, so ids do not depend on the
order documents arrived in.

In the database (`merge_pending`): new reports (events without a corpus event) are merged incrementally,
in rounds over a pool of stored events. The pool starts with the events a new dated report could join or
re-form (`corpus_event_blocks`: the dated keys above); it is clustered together with the new reports. An
undated report's offers depend only on the dated members of the clusters, so only these undated reports
can be placed differently: (1) one of the pool that is new or whose cluster's dated members changed: a
stored event it would now prefer (better offer, or as good and formed first) is pulled in; (2) one outside
the pool that a changed cluster would offer more than its current place (found through each undated
member's `type|party|publication month` key, then scored): its event is pulled in; (3) the other undated
reports of a document one of whose undated reports moved. Rounds repeat until nothing is pulled; then only
the clusters that are not exactly a stored event are written (the others stay untouched). Merging 200
synthetic documents (1,067 reports) into the 100,000-document corpus: a pool of ~3,500 events in three
rounds, ~15 s CPU for the events (was ~170 s: every event with an undated member within about a year of a
new report, ~50,000, was clustered and rewritten). Replacing or deleting a document dissolves the corpus
events of its reports (`dissolve`), whose other reports are then merged again the same way.
`rebuild_corpus_events` clusters everything from scratch and gives the same result as ingesting in one
batch; `merge_pending` does that itself when 30% or more of all reports are new. Greedy clustering depends
on order in one way: a report that arrives later can only re-form the clusters it could join, so when an
old cluster would have been split differently had the new report been there first, and that cluster is not
among the new report's candidates, incremental and rebuild results can differ (chains of partial dates
across months); and a new report whose date has no year, in a document without a publication date, does
not look for undated reports it could take over.
`armswatch merge --rebuild` restores the canonical result.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import re
from collections import Counter, defaultdict
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
_NOBODY = frozenset({"-"})


class cached_property:  # noqa: N801  (functools' takes a lock on every first read in Python 3.11: slow here)
    """A value computed on first read and kept in the instance (which then shadows this descriptor)."""

    def __init__(self, f):
        self.f, self.name = f, f.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        v = obj.__dict__[self.name] = self.f(obj)
        return v


@dataclass(eq=False)
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
    idx: int = 0  # the event's index in its document

    @cached_property
    def ymd(self):
        return parse_date(self.date)

    @cached_property
    def pub(self) -> date | None:
        return _to_date(self.published)

    @cached_property
    def topics(self) -> frozenset[str]:
        return topic_tokens(self)

    @cached_property
    def parties(self) -> frozenset[str]:
        """What participant compatibility compares: the countries, else the other participants (kept apart
        by a prefix, as a country set never matches a set without countries), else nobody."""
        if self.countries:
            return self.countries
        if self.participants:
            return frozenset("p:" + p for p in self.participants)
        return _NOBODY

    @cached_property
    def keyattrs(self) -> tuple:
        """The KEY_ATTRS values as text (None where not given): reports that both give one must agree."""
        a = self.attributes
        return tuple(None if a.get(k) in (None, "") else str(a.get(k)) for k in KEY_ATTRS)

    @cached_property
    def interval(self) -> tuple[date, date] | None:
        """The dates the report's date covers, when its year is known."""
        p = self.ymd
        return _interval(p) if p is not None and p[0] is not None else None

    @property
    def anchor(self) -> tuple[str, int]:
        return (self.doc_id, self.idx)


@dataclass(eq=False)
class Cluster:
    reports: list[Report] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    dated: list[Report] = field(default_factory=list)
    # the dated members' dates, for the undated window test: earliest end and latest start of those with a
    # known year; those without one (read in the undated report's year); whether one is no real date
    first_end: date | None = None
    last_start: date | None = None
    yearless: list[Report] = field(default_factory=list)
    invalid: bool = False

    def add(self, r: Report) -> None:
        self.reports.append(r)
        self.docs.add(r.doc_id)
        if r.ymd is None:
            return
        self.dated.append(r)
        if r.ymd[0] is None:
            self.yearless.append(r)
        elif r.interval is None:
            self.invalid = True
        else:
            lo, hi = r.interval
            self.first_end = hi if self.first_end is None else min(self.first_end, hi)
            self.last_start = lo if self.last_start is None else max(self.last_start, lo)


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


def topic_tokens(r: Report) -> frozenset[str]:
    t = r.attributes.get("topic")
    if isinstance(t, list):
        t = " ".join(map(str, t))
    if not t:
        return frozenset()
    return frozenset(w for w in re.findall(r"[^\W_]+", fold(str(t))) if w not in _STOP and len(w) > 1)


# -------------------------------------------------------------------- blocking keys
def party_keys(parties: frozenset[str]) -> list[str]:
    """Index keys of a party set: its pairs; a single party also under `1:`; sets of at most two under `2:`."""
    xs = sorted(parties)
    keys = [f"{a}+{b}" for i, a in enumerate(xs) for b in xs[i + 1:]]
    if len(xs) == 1:
        keys.append("1:" + xs[0])
    if len(xs) <= 2:
        keys += ["2:" + x for x in xs]
    return keys


def party_lookup(parties: frozenset[str]) -> list[str]:
    """Keys under which every party set with Jaccard >= 0.5 to `parties` is indexed (see `party_keys`)."""
    xs = sorted(parties)
    if len(xs) == 1:
        return ["2:" + xs[0]]
    keys = [f"{a}+{b}" for i, a in enumerate(xs) for b in xs[i + 1:]]
    if len(xs) == 2:
        keys += ["1:" + x for x in xs]
    return keys


def _ys(v: int | None) -> str:
    return "X" if v is None else str(v)


def date_keys(r: Report) -> list[str]:
    """Index key of a dated member: its month (`M2023-11`; X = unknown: `M2023-X`, `MX-11`)."""
    y, mo, _d = r.ymd
    return [f"M{_ys(y)}-{_ys(mo)}"]


ANY = "*"  # look-up of every dated cluster of a type and party key (a date with no year and no publication)


def _add_month(y: int, mo: int, dm: int) -> tuple[int, int]:
    k = y * 12 + (mo - 1) + dm
    return k // 12, k % 12 + 1


def dated_lookup(r: Report) -> list[str]:
    """Date keys of every cluster a dated report can match on date (`date_score` > 0) with some member."""
    y, mo, _d = r.ymd
    if mo is None:  # a year only: any month of that year, or an unknown year
        return [f"M{y}-X"] + [f"M{y}-{m}" for m in range(1, 13)] + [f"MX-{m}" for m in range(1, 13)]
    if y is None:
        pub = r.pub
        if pub is None:
            return [ANY]
        years = [pub.year - 1, pub.year, pub.year + 1]
    else:
        years = [y]
    keys = {f"MX-{mo}"}
    for yy in years:
        keys.add(f"M{yy}-{mo}")
        keys.add(f"M{yy}-X")
        for dm in (-1, 1):  # plan/outcome a few days apart across a month boundary
            y2, m2 = _add_month(yy, mo, dm)
            keys.add(f"M{y2}-{m2}")
            keys.add(f"MX-{m2}")
    return sorted(keys)


def undated_window(r: Report) -> tuple[date, date] | None:
    """The dates an undated report may refer to, from its publication date and status."""
    pub = r.pub
    if pub is None:
        return None
    if r.status in ("planned", "proposed"):
        return pub - timedelta(days=DAY_TOLERANCE), pub + timedelta(days=PLAN_AHEAD_DAYS)
    return pub - timedelta(days=HELD_BACK_DAYS), pub


def undated_lookup(r: Report) -> list[str]:
    """Date keys covering the months an undated report may refer to (see `Merger.undated_support`)."""
    w = undated_window(r)
    if w is None:
        return [ANY]
    lo, hi = w
    keys, y, mo = [], lo.year, lo.month
    while (y, mo) <= (hi.year, hi.month):
        keys += [f"M{y}-{mo}", f"MX-{mo}"]
        y, mo = _add_month(y, mo, 1)
    keys += [f"M{yy}-X" for yy in range(lo.year, hi.year + 1)]
    return list(dict.fromkeys(keys))


def undated_key(r: Report) -> str:
    """Index key of an undated member: its publication month (`U-` when unknown)."""
    pub = r.pub
    return f"U{pub.year}-{pub.month}" if pub else "U-"


def undated_reach(r: Report) -> list[str]:
    """`undated_key`s of the undated reports that could be placed with the dated report `r`."""
    y, mo, d = r.ymd
    if y is None:
        pub = r.pub
        if pub is None:  # no year at all: undated reports are not looked for (see the module docstring)
            return ["U-"]
        lo, hi = date(pub.year - 1, 1, 1), date(pub.year + 1, 12, 31)
    else:
        lo, hi = _interval((y, mo, d)) or (date(y, 1, 1), date(y, 12, 31))
    lo, hi = lo - timedelta(days=PLAN_AHEAD_DAYS), hi + timedelta(days=HELD_BACK_DAYS)
    keys, yy, mm = ["U-"], lo.year, lo.month
    while (yy, mm) <= (hi.year, hi.month):
        keys.append(f"U{yy}-{mm}")
        yy, mm = _add_month(yy, mm, 1)
    return keys


def _order(r: Report):
    return (r.date or "", r.published or "9999", r.doc_id, r.idx)


class Merger:
    def __init__(self, place_country: Callable[[str], str | None] | None = None):
        self.place_country = place_country or (lambda _id: None)

    # ---------------------------------------------------------------- pairwise
    def base_compatible(self, a: Report, b: Report) -> float | None:
        """Score of the non-date evidence (participants, place, attributes), None when incompatible."""
        if a.type != b.type or a.doc_id == b.doc_id:
            return None
        for va, vb in zip(a.keyattrs, b.keyattrs):
            if va is not None and vb is not None and va != vb:
                return None
        pa, pb = a.parties, b.parties
        if pa is _NOBODY or pb is _NOBODY:
            if pa is not pb:
                return None
            pj = 0.5
        else:
            pj = len(pa & pb) / len(pa | pb)
            if pj < 0.5:
                return None
        score = pj
        if a.location and a.location == b.location:
            score += 0.3
        if a.keyattrs[0] is not None and a.keyattrs[0] == b.keyattrs[0]:  # the track
            score += 0.2
        ta, tb = a.topics, b.topics
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

    def undated_support(self, r: Report, c: Cluster, w: tuple[date, date] | None = None) -> float | None:
        """Can the undated report r join cluster c (whose members are all compatible with it)?
        `w`: r's `undated_window`, when the caller has it already."""
        if not c.dated:
            return None
        pub, w = r.pub, w or undated_window(r)
        if w is not None:  # every dated member's date must reach into the window
            lo, hi = w
            if c.invalid or (c.first_end is not None and (c.first_end < lo or c.last_start > hi)):
                return None
            for m in c.yearless:
                iv = _interval(m.ymd, default_year=pub.year)
                if iv is None or iv[1] < lo or iv[0] > hi:
                    return None
            return 0.3
        tr = r.topics
        sims = [_jaccard(tr, m.topics) for m in c.reports if m.topics]
        if tr and sims and max(sims) >= 0.25:
            return 0.2 + max(sims)
        return None

    def undated_offer(self, r: Report, c: Cluster, w: tuple[date, date] | None) -> float | None:
        """Minus the score of the undated report r joining c (whose members are dated: clusters are offered
        before any undated report is placed), None when it cannot. `w`: r's `undated_window`."""
        if r.doc_id in c.docs:
            return None
        sup = self.undated_support(r, c, w)
        if sup is None:
            return None
        single = len(r.parties) == 1 and r.parties is not _NOBODY
        bases = []
        for m in c.reports:
            b = None if single and m.parties != r.parties else self.base_compatible(r, m)
            if b is None:
                return None
            bases.append(b)
        if r.location and sum(self.places_compatible(r.location, m.location)
                              for m in c.reports) * 2 <= len(c.reports):
            return None
        return -(sup + sum(bases) / len(bases))

    # ---------------------------------------------------------------- clustering
    def cluster(self, reports: list[Report]) -> list[Cluster]:
        """Cluster the reports (rules in the module docstring); each report is compared only with the
        clusters indexed under its blocking keys."""
        dated = sorted((r for r in reports if r.ymd is not None), key=_order)
        undated = sorted((r for r in reports if r.ymd is None), key=_order)
        clusters: list[Cluster] = []
        index: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # (type, party): date
        any_index: dict[tuple, list[int]] = defaultdict(list)  # (type, party key): every dated cluster
        cluster_parties: list[list[str]] = []
        cluster_keys: list[set[str]] = []

        def candidates(r: Report, dkeys: list[str], exact: bool = False) -> list[int]:
            found: set[int] = set()
            for pk in (["1:" + next(iter(r.parties))] if exact else party_lookup(r.parties)):
                by_date = index.get((r.type, pk))
                if not by_date:
                    continue
                for dk in dkeys:
                    hit = by_date.get(dk) if dk != ANY else any_index.get((r.type, pk))
                    if hit:
                        found.update(hit)
            return sorted(found)

        for r in dated:
            best, best_s = None, None
            for ci in candidates(r, dated_lookup(r)):
                c = clusters[ci]
                if r.doc_id in c.docs:
                    continue
                n_ok, total, n = 0, 0.0, 0
                for m in c.reports:
                    x = self.pair_score(r, m)
                    if x is None:
                        break
                    n += 1
                    if x > 0:
                        n_ok += 1
                        total += x
                else:
                    if 2 * n_ok <= n:  # must agree on date and place with most of the reports
                        continue
                    sc = total / n
                    # on a tie the better attested cluster wins ("XXXX-10" between a bare "2022" and four "2023-10")
                    if best_s is None or sc > best_s or (sc == best_s and n > len(clusters[best].reports)):
                        best, best_s = ci, sc
            if best is None:
                best = len(clusters)
                clusters.append(Cluster())
                cluster_parties.append(party_keys(r.parties))
                cluster_keys.append(set())
                for pk in cluster_parties[best]:
                    any_index[(r.type, pk)].append(best)
            clusters[best].add(r)
            for dk in date_keys(r):
                if dk not in cluster_keys[best]:
                    cluster_keys[best].add(dk)
                    for pk in cluster_parties[best]:
                        index[(r.type, pk)][dk].append(best)
        # undated: score every (report, cluster) pair, assign greedily best pair first. Lazily: each report
        # offers its best remaining cluster; a report whose cluster already has its document offers the next
        # (the same order as sorting all pairs, as clusters only grow)
        offers: dict[int, list] = {}
        heap = []
        for ri, r in enumerate(undated):
            w = undated_window(r)
            single = len(r.parties) == 1 and r.parties is not _NOBODY
            mine = []
            for ci in candidates(r, undated_lookup(r), single):
                x = self.undated_offer(r, clusters[ci], w)
                if x is not None:
                    mine.append((x, ci))
            if mine:
                mine.sort(reverse=True)  # best last, so offering the next one is a pop()
                score, ci = mine.pop()
                offers[ri] = mine
                heap.append((score, _order(r), ci, ri))
        heapq.heapify(heap)
        placed: set[int] = set()
        while heap:
            _score, o, ci, ri = heapq.heappop(heap)
            r, c = undated[ri], clusters[ci]
            if r.doc_id not in c.docs:
                c.add(r)
                placed.add(id(r))
            elif offers[ri]:
                score, ci = offers[ri].pop()
                heapq.heappush(heap, (score, o, ci, ri))
        for r in undated:
            if id(r) not in placed:
                c = Cluster()
                c.add(r)
                clusters.append(c)
        return clusters

    # ---------------------------------------------------------------- one corpus event
    def summarize(self, c: Cluster) -> dict:
        reps = sorted(c.reports, key=lambda r: (r.published or "9999", r.doc_id, r.idx))
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
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True)


# -------------------------------------------------------------------- ids
def event_base(ev: dict) -> str:
    """`ev-DATE-TYPE-COUNTRIES`: readable, and the id unless another event has the same one."""
    base = "ev-{}-{}-{}".format(ev["date"] or "undated", ev["type"],
                                "-".join(sorted(ev["countries"])[:6]) or "x")
    return re.sub(r"[^A-Za-z0-9_.:-]", "", base.replace(":", "_"))[:180]


def event_anchor(ev: dict) -> str:
    """The event's first report as `doc_id:index`: fixed by the event's reports, not by arrival order."""
    d, i = min(r.anchor for r in ev["reports"])
    return f"{d}:{i}"


def _suffixed(base: str, anchor: str, used: set[str]) -> str:
    """`base-HASH` with the anchor's SHA-1 cut to 8 hex digits, or longer where a smaller anchor of the
    same base already took that id (8 digits collide about once in 77,000 events of one base)."""
    digest = hashlib.sha1(anchor.encode("utf-8")).hexdigest()
    for n in (8, 16, 40):
        eid = f"{base}-{digest[:n]}"
        if eid not in used:
            return eid
    return f"{base}-{digest}-{len(used)}"  # two events with the same anchor: never made by merging


def name_events(groups: dict[str, list[tuple[str, Any]]]) -> dict[Any, str]:
    """base -> [(anchor, key)] to key -> id: the smallest anchor keeps the base, the others get a hash.
    A name depends only on the anchors of its base, so a full rebuild and an incremental merge agree."""
    out = {}
    for base, items in groups.items():
        used: set[str] = set()
        for n, (anchor, key) in enumerate(sorted(items, key=lambda x: x[0])):
            out[key] = eid = base if n == 0 else _suffixed(base, anchor, used)
            used.add(eid)
    return out


def assign_ids(evs: list[dict]) -> None:
    """Set `id`, `base` and `anchor` on freshly merged events (no other event exists)."""
    groups: dict[str, list] = defaultdict(list)
    for i, e in enumerate(evs):
        e["base"], e["anchor"] = event_base(e), event_anchor(e)
        groups[e["base"]].append((e["anchor"], i))
    for i, eid in name_events(groups).items():
        evs[i]["id"] = eid


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
                              evidence=d.body[ev.evidence.start:ev.evidence.end], idx=i))
    return out


def kb_place_country(place: str) -> str | None:
    from ..kb import load_kb

    e = load_kb().get(place)
    return e.country if e else None


def merge_documents(docs) -> list[dict]:
    """Merge the events of in-memory Documents (no database): the corpus events, in date order."""
    mg = Merger(kb_place_country)
    evs = [mg.summarize(c) for c in mg.cluster(reports_from_documents(docs))]
    assign_ids(evs)
    evs.sort(key=lambda e: (e["date"] or "9999", e["type"], e["countries"], e["id"]))
    return evs


# -------------------------------------------------------------------- the database
CHUNK = 500
FULL_REBUILD_SHARE = 0.3  # merging this share of all reports or more at once: cluster everything instead


class _Entities:
    """Entity type and country from the `entities` table, the KB for ids no stored document defined."""

    def __init__(self, sess):
        self.sess, self.info = sess, {}

    def load(self, ids) -> None:
        from sqlalchemy import select

        from . import schema as s

        want = sorted({i for i in ids if i and i not in self.info})
        for i in range(0, len(want), CHUNK):
            for eid, etype, ecountry in self.sess.execute(select(s.Entity.id, s.Entity.type, s.Entity.country)
                                                          .where(s.Entity.id.in_(want[i:i + CHUNK]))):
                self.info[eid] = (etype, ecountry)

    def _get(self, p):
        if p not in self.info:
            from ..kb import load_kb  # loading it costs a second or more: only when needed

            e = load_kb().get(p)
            self.info[p] = (e.type, e.country) if e else (None, None)
        return self.info[p]

    def type(self, p):
        return self._get(p)[0]

    def country(self, p):
        return self._get(p)[1]


def _json_value(v):
    return json.loads(v) if isinstance(v, (str, bytes)) else v  # SQLite gives text; psycopg decodes json


def _load_reports(sess, ents: _Entities, where) -> list[Report]:
    """Reports of the events matching `where` (a Core condition on events), near-duplicates left out."""
    from sqlalchemy import Text, select, type_coerce

    from . import schema as s

    e, d = s.Event.__table__, s.Document.__table__
    # JSON columns read as text (type_coerce): the JSON type's per-row processing is slow at this size
    rows = sess.execute(select(e.c.id, e.c.idx, d.c.doc_id, e.c.type, e.c.date, type_coerce(e.c.participants, Text),
                               e.c.location, e.c.status, type_coerce(e.c.attributes, Text), d.c.published,
                               d.c.source, d.c.outlet, e.c.evidence)
                        .join(d, d.c.id == e.c.doc_pk).where(d.c.dup_of.is_(None)).where(where)
                        .order_by(e.c.id)).all()
    parsed = []
    for k, idx, doc_id, typ, dt, parts, loc, status, attrs, pub, src, outlet, evidence in rows:
        parsed.append((k, idx, doc_id, typ, dt, list(_json_value(parts) or []), loc, status,
                       dict(_json_value(attrs) or {}), pub, src, outlet, evidence))
    ents.load({p for r in parsed for p in r[5]} | {r[6] for r in parsed if r[6]})
    country = {p for p in ents.info if ents.info[p][0] == "COUNTRY"}
    out = []
    for k, idx, doc_id, typ, dt, parts, loc, status, attrs, pub, src, outlet, evidence in parsed:
        out.append(Report(key=k, doc_id=doc_id, type=typ, date=dt, participants=parts,
                          countries=frozenset(p for p in parts if (p in country if p in ents.info
                                                                   else ents.type(p) == "COUNTRY")),
                          location=loc, status=status, attributes=attrs, published=pub, source=src, outlet=outlet,
                          evidence=evidence, idx=idx))
    return out


def event_blocks(ev: dict) -> set[str]:
    """`corpus_event_blocks` keys of a merged event: the party keys of its first report with the date keys
    of every dated report, and each undated report's own party keys with its publication month."""
    reps = ev["reports"]
    first = min(reps, key=lambda r: r.anchor)
    keys = set()
    dks = {dk for r in reps if r.ymd is not None for dk in date_keys(r)}
    for pk in party_keys(first.parties):
        keys.update(f"{ev['type']}|{pk}|{dk}" for dk in dks)
    for r in reps:
        if r.ymd is None:
            keys.update(f"{ev['type']}|{pk}|{undated_key(r)}" for pk in party_keys(r.parties))
    return keys


def dated_blocks(r: Report) -> set[str]:
    """`corpus_event_blocks` keys under which every corpus event the dated report r could join is indexed
    (its dated members); `type|party|*` stands for every key of that type and party (rare: a date with no
    year at all)."""
    return {f"{r.type}|{pk}|{dk}" for pk in party_lookup(r.parties) for dk in dated_lookup(r)}


def _cluster(sess, ents: _Entities, reports: list[Report]) -> list[dict]:
    mg = Merger(ents.country)
    return [mg.summarize(c) for c in mg.cluster(reports)]


def executemany(conn, sql: str, rows: list[tuple], chunk: int = 20000) -> None:
    """Plain DBAPI executemany (`?` placeholders, rewritten for psycopg): SQLAlchemy's per-row parameter
    processing costs more than the writes themselves at 100,000 documents."""
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    for i in range(0, len(rows), chunk):
        conn.exec_driver_sql(sql, rows[i:i + chunk])


def _write_events(sess, evs: list[dict]) -> None:
    """Insert merged events (with ids), their participants and blocks; link their reports."""
    js = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731  (as SQLAlchemy's JSON type stores it)
    conn = sess.connection()
    ce_rows, part_rows, block_rows, links = [], [], [], []
    for e in evs:
        eid = e["id"]
        ce_rows.append((eid, e["type"], e["date"], js(e["dates"]), js(e["participants"]), e["location"], e["status"],
                        js(e["attributes"]), js(e["conflicts"]), len(e["reports"]), e["base"], e["anchor"]))
        part_rows += [(eid, p, e["type"], e["date"]) for p in dict.fromkeys(e["participants"])]
        block_rows += [(b, eid) for b in sorted(event_blocks(e))]
        links += [(eid, r.key) for r in e["reports"]]
    executemany(conn, "INSERT INTO corpus_events (id, type, date, dates, participants, location, status, attributes, "
                      "conflicts, n_reports, base, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ce_rows)
    executemany(conn, "INSERT INTO corpus_event_participants (corpus_event_id, entity_id, type, date) "
                      "VALUES (?, ?, ?, ?)", part_rows)
    executemany(conn, "INSERT INTO corpus_event_blocks (block, corpus_event_id) VALUES (?, ?)", block_rows)
    executemany(conn, "UPDATE events SET corpus_event_id = ? WHERE id = ?", links)


def rebuild_corpus_events(sess) -> int:
    """Merge every stored report from scratch (`armswatch merge --rebuild`)."""
    from sqlalchemy import delete, select, update

    from . import schema as s

    ents = _Entities(sess)
    reports = _load_reports(sess, ents, s.Event.__table__.c.id.is_not(None))
    evs = _cluster(sess, ents, reports)
    assign_ids(evs)
    for t in (s.CorpusEventBlock, s.CorpusEventParticipant, s.CorpusEvent):
        sess.execute(delete(t))
    _write_events(sess, evs)  # every merged report gets its new corpus event; near-duplicates get none
    dups = select(s.Document.id).where(s.Document.dup_of.is_not(None))
    sess.execute(update(s.Event).where(s.Event.doc_pk.in_(dups), s.Event.corpus_event_id.is_not(None))
                 .values(corpus_event_id=None))
    return len(evs)


def dissolve(sess, ids) -> int:
    """Drop these corpus events; their reports become new again (merged by the next `merge_pending`)."""
    from sqlalchemy import delete, update

    from . import schema as s

    ids = sorted({i for i in ids if i})
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        sess.execute(update(s.Event).where(s.Event.corpus_event_id.in_(chunk)).values(corpus_event_id=None))
        for t in (s.CorpusEventBlock, s.CorpusEventParticipant):
            sess.execute(delete(t).where(t.corpus_event_id.in_(chunk)))
        sess.execute(delete(s.CorpusEvent).where(s.CorpusEvent.id.in_(chunk)))
    return len(ids)


def _block_hits(sess, keys) -> dict[str, set[str]]:
    """key -> ids of the corpus events indexed under it (`type|party|*`: under any date of that type and
    party; a prefix scan, and LIKE may match a little more: only more candidates)."""
    from sqlalchemy import select

    from . import schema as s

    b = s.CorpusEventBlock.__table__
    out: dict[str, set[str]] = defaultdict(set)
    exact = sorted(k for k in keys if not k.endswith("|" + ANY))
    for i in range(0, len(exact), CHUNK):
        for k, eid in sess.execute(select(b.c.block, b.c.corpus_event_id).where(b.c.block.in_(exact[i:i + CHUNK]))):
            out[k].add(eid)
    for k in sorted(k for k in keys if k.endswith("|" + ANY)):
        out[k].update(sess.execute(select(b.c.corpus_event_id).where(b.c.block.like(k[:-1] + "%"))).scalars())
    return out


def _dated_cluster(reps) -> Cluster:
    """The dated members of an event as the Cluster an undated report is offered (in clustering order)."""
    c = Cluster()
    for r in sorted((r for r in reps if r.ymd is not None), key=_order):
        c.add(r)
    return c


def _rank(offer: float | None, c: Cluster):
    """Sort key of an undated report's offer (`Merger.undated_offer`) for c: the best offer, then the
    cluster formed first (`Merger.cluster` numbers clusters by their first dated report)."""
    return (offer, _order(c.dated[0])) if offer is not None else None


def _beats(x, y) -> bool:
    return x is not None and (y is None or x < y)


class _Stored:
    """Stored corpus events' reports, loaded at most once per merge, by event id (plain DBAPI: the
    ORM's per-row work cost more than the reads), with each one's dated members as a Cluster."""

    def __init__(self, sess, ents: _Entities):
        self.sess, self.ents = sess, ents
        self.reports: dict[str, list[Report]] = {}
        self._dated: dict[str, Cluster] = {}
        self._json: dict = {}

    def _js(self, v):
        if not isinstance(v, (str, bytes)):
            return v
        if v not in self._json:
            self._json[v] = json.loads(v)
        return self._json[v]

    def load(self, ids) -> None:
        want = sorted({i for i in ids if i not in self.reports})
        if not want:
            return
        conn = self.sess.connection()
        ph = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        rows = []
        for i in range(0, len(want), CHUNK):
            chunk = tuple(want[i:i + CHUNK])
            rows += conn.exec_driver_sql(
                "SELECT e.corpus_event_id, e.id, e.idx, d.doc_id, e.type, e.date, e.participants, e.location, "
                "e.status, e.attributes, d.published FROM events e CROSS JOIN documents d "
                f"WHERE e.corpus_event_id IN ({', '.join([ph] * len(chunk))}) AND d.id = e.doc_pk "
                "AND d.dup_of IS NULL", chunk).all()  # CROSS JOIN: SQLite reads events by the id list first
                # (with a long list it would otherwise walk every document through the dup_of index)
        for i in want:
            self.reports[i] = []
        parsed = [(row[0], row[1], row[2], row[3], row[4], row[5], self._js(row[6]) or [], row[7], row[8],
                   self._js(row[9]) or {}, row[10]) for row in rows]
        self.ents.load({p for r in parsed for p in r[6]})
        info = self.ents.info
        for ce, k, idx, doc_id, typ, dt, parts, loc, status, attrs, pub in parsed:
            self.reports[ce].append(Report(
                key=k, doc_id=doc_id, type=typ, date=dt, participants=list(parts),
                countries=frozenset(p for p in parts if (info[p][0] if p in info else self.ents.type(p)) == "COUNTRY"),
                location=loc, status=status, attributes=dict(attrs), published=pub, idx=idx))

    def dated(self, eid: str) -> Cluster:
        if eid not in self._dated:
            self._dated[eid] = _dated_cluster(self.reports[eid])
        return self._dated[eid]


def _to_pull(sess, mg: Merger, stored: _Stored, pool_ids: set[str], clusters: list[Cluster], seen: set) -> set[str]:
    """Stored events outside the pool whose reports the pool's clustering would place differently:
    (1) an unchanged event an undated report of the pool (new, or placed elsewhere than before) prefers
    to where it is now; (2) an event whose undated member prefers a changed cluster of the pool (new
    dated members, or lost some) to where it is now; (3) events of the other undated reports of a
    document one of whose undated reports moved (a document's reports never share an event, so one
    moving can free a place for another). Every other undated report keeps its place: its offers
    (`Merger.undated_offer`) depend only on the dated members of the clusters, which did not change.
    `seen`: the checks made in earlier rounds (their events are in the pool now)."""
    old_dk = {i: frozenset(r.key for r in stored.dated(i).reports) for i in pool_ids}
    old_dated = set(old_dk.values())
    old_of = {r.key: i for i in pool_ids for r in stored.reports[i] if r.ymd is None}
    movers, changed = [], []
    for c in clusters:
        dk = frozenset(r.key for r in c.dated)
        dc = None
        if c.dated and dk not in old_dated and ("c", dk) not in seen:
            seen.add(("c", dk))
            dc = _dated_cluster(c.dated)
            changed.append(dc)
        for u in c.reports:
            if u.ymd is None and (u.key not in old_of or old_dk[old_of[u.key]] != dk) and (u.key, dk) not in seen:
                seen.add((u.key, dk))
                dc = dc or _dated_cluster(c.dated)
                movers.append((u, dc))
    lookups = {id(u): {f"{u.type}|{pk}|{dk}" for pk in party_lookup(u.parties) for dk in undated_lookup(u)}
               for u, _ in movers}
    reach = {id(dc): {f"{m.type}|{pk}|{uk}" for m in dc.reports[:1] for pk in party_lookup(m.parties)
                      for uk in undated_reach(m)} for dc in changed}
    hits = _block_hits(sess, set().union(*lookups.values(), *reach.values()))
    found = lambda keys: set().union(*(hits.get(k, ()) for k in keys)) - pool_ids  # noqa: E731
    pull: set[str] = set()
    for u, dc in movers:  # (1)
        w = undated_window(u)
        now = _rank(mg.undated_offer(u, dc, w), dc) if dc.reports else None
        cands = found(lookups[id(u)])
        stored.load(cands)
        for eid in cands:
            b = stored.dated(eid)
            if b.reports and _beats(_rank(mg.undated_offer(u, b, w), b), now):
                pull.add(eid)
    for dc in changed:  # (2)
        cands = found(reach[id(dc)])
        stored.load(cands)
        for eid in cands - pull:
            cur = stored.dated(eid)
            for u in stored.reports[eid]:
                if u.ymd is None:
                    w = undated_window(u)
                    now = _rank(mg.undated_offer(u, cur, w), cur) if cur.reports else None
                    if _beats(_rank(mg.undated_offer(u, dc, w), dc), now):
                        pull.add(eid)
                        break
    docs = sorted({u.doc_id for u, _ in movers})  # (3)
    if docs:
        from sqlalchemy import select

        from . import schema as s

        e, d = s.Event.__table__, s.Document.__table__
        for i in range(0, len(docs), CHUNK):
            for eid, dt in sess.execute(select(e.c.corpus_event_id, e.c.date).join(d, d.c.id == e.c.doc_pk)
                                        .where(d.c.doc_id.in_(docs[i:i + CHUNK]), e.c.corpus_event_id.is_not(None))):
                if parse_date(dt) is None and eid not in pool_ids:
                    pull.add(eid)
    return pull


def merge_pending(sess) -> int:
    """Merge the reports that have no corpus event yet into the corpus events (incremental); returns the
    number of corpus events written. Falls back to `rebuild_corpus_events` when most reports are new."""
    from sqlalchemy import func, select

    from . import schema as s

    e = s.Event.__table__
    ents = _Entities(sess)
    pending = _load_reports(sess, ents, e.c.corpus_event_id.is_(None))
    if not pending:
        return 0
    merged = sess.execute(select(func.count()).select_from(e).where(e.c.corpus_event_id.is_not(None))).scalar_one()
    if len(pending) >= FULL_REBUILD_SHARE * (merged + len(pending)):
        return rebuild_corpus_events(sess)
    mg = Merger(ents.country)
    stored = _Stored(sess, ents)
    # the pool: the new reports and every stored event a new dated report could join or re-form; then
    # the events whose undated members would be placed differently, until there are none
    seen: set = set()
    pool_ids = set().union(*_block_hits(sess, {k for r in pending if r.ymd is not None
                                               for k in dated_blocks(r)}).values())
    while True:
        stored.load(pool_ids)
        clusters = mg.cluster(pending + [r for i in sorted(pool_ids) for r in stored.reports[i]])
        more = _to_pull(sess, mg, stored, pool_ids, clusters, seen)
        if not more:
            break
        pool_ids |= more
    # only what changed is rewritten: a cluster with exactly an old event's reports is that event
    old = {frozenset(r.key for r in stored.reports[i]): i for i in pool_ids}
    kept = set()
    evs = []
    for c in clusters:
        i = old.get(frozenset(r.key for r in c.reports))
        if i is not None:
            kept.add(i)
        else:
            evs.append(mg.summarize(c))
    dissolve(sess, sorted(pool_ids - kept))
    # ids: events sharing a base with the new ones are named together (the smallest anchor keeps the base)
    groups: dict[str, list] = defaultdict(list)
    for i, ev in enumerate(evs):
        ev["base"], ev["anchor"] = event_base(ev), event_anchor(ev)
        groups[ev["base"]].append((ev["anchor"], ("new", i)))
    ce = s.CorpusEvent.__table__
    bases = sorted(groups)
    for i in range(0, len(bases), CHUNK):
        for eid, base, anchor in sess.execute(select(ce.c.id, ce.c.base, ce.c.anchor)
                                              .where(ce.c.base.in_(bases[i:i + CHUNK]))):
            groups[base].append((anchor, ("old", eid)))
    names = name_events(groups)
    for (kind, k), eid in names.items():
        if kind == "old" and eid != k:
            _rename(sess, k, "~" + k)  # two steps: the new name may be another old event's current one
    for (kind, k), eid in names.items():
        if kind == "old" and eid != k:
            _rename(sess, "~" + k, eid)
        elif kind == "new":
            evs[k]["id"] = eid
    _write_events(sess, evs)
    return len(evs)


def _rename(sess, old: str, new: str) -> None:
    """Give a corpus event another id (a copy under the new id, then the old row goes: foreign keys)."""
    from sqlalchemy import delete, insert, select, update

    from . import schema as s

    ce = s.CorpusEvent.__table__
    row = dict(sess.execute(select(ce).where(ce.c.id == old)).one()._mapping)
    sess.execute(insert(ce).values(**dict(row, id=new)))
    for t in (s.CorpusEventParticipant, s.CorpusEventBlock, s.Event):
        sess.execute(update(t).where(t.corpus_event_id == old).values(corpus_event_id=new))
    sess.execute(delete(ce).where(ce.c.id == old))
