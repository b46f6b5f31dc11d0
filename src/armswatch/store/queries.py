"""Read-side queries over the store: timeline, entity, claim series, in the CORPUS.md shapes."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from sqlalchemy import func, or_, select

from .text import fold
from . import schema as s


# ------------------------------------------------------------------ entity names
class Names:
    """id -> {"name", "wikidata"} from the entities table, falling back to the KB."""

    def __init__(self, sess):
        self.sess = sess
        self.cache: dict[str, dict] = {}

    def load(self, ids) -> None:
        want = sorted({i for i in ids if i and i not in self.cache})
        for i in range(0, len(want), 500):
            for e in self.sess.execute(select(s.Entity.id, s.Entity.name, s.Entity.wikidata)
                                       .where(s.Entity.id.in_(want[i:i + 500]))):
                self.cache[e.id] = {"name": e.name, "wikidata": e.wikidata}

    def __call__(self, eid: str | None) -> dict | None:
        if not eid:
            return None
        if eid not in self.cache:
            self.load([eid])
        if eid not in self.cache:
            from ..kb import load_kb

            k = load_kb().get(eid)
            self.cache[eid] = {"name": k.name if k else eid, "wikidata": k.wikidata if k else None}
        return self.cache[eid]


def resolve_entity(sess, name: str) -> str | None:
    """An entity id from an id (`cn`, `CN`), a name in any language or accent (`Trung Quoc`), or an alias."""
    if not name:
        return None
    for cand in (name, name.lower()):
        if sess.execute(select(s.Entity.id).where(s.Entity.id == cand)).first():
            return cand
    f = fold(name.strip())
    hit = sess.execute(select(s.Entity.id).where(or_(
        s.Entity.name_folded == f + "|", s.Entity.name_folded.like(f + "|%"), s.Entity.name_folded.like("%|" + f)))
        .order_by(s.Entity.in_kb.desc(), s.Entity.id).limit(1)).first()
    if hit:
        return hit[0]
    exact, names, ids, idset = _kb_names()
    if name.lower() in idset:
        return name.lower()
    if f in exact:
        return exact[f]
    # fuzzy fallback over every KB name (plain ratio: WRatio matches short prefixes too eagerly)
    from rapidfuzz import fuzz, process

    hit = process.extractOne(f, names, scorer=fuzz.ratio, score_cutoff=88)
    return ids[hit[2]] if hit else None


@lru_cache(maxsize=1)
def _kb_names() -> tuple[dict[str, str], list[str], list[str], frozenset[str]]:
    """Folded KB names: exact look-up (full names win over short forms) and the list for fuzzy matching."""
    from ..kb import load_kb

    exact: dict[str, str] = {}
    names, ids = [], []
    entries = list(load_kb().entries.values())
    for short in (False, True):
        for e in entries:
            for n in (list(e.short) if short else e.all_names()):
                fn = fold(n)
                exact.setdefault(fn, e.id)
                names.append(fn)
                ids.append(e.id)
    return exact, names, ids, frozenset(e.id for e in entries)


# ------------------------------------------------------------------ events
def _reports(sess, event_ids: list[str], spans: bool = False) -> dict[str, list[dict]]:
    """Reports of each corpus event (CORPUS.md shape); with `spans`, also the document title and the
    evidence offsets in its body (the web links each report to its highlighted sentence)."""
    out: dict[str, list[dict]] = defaultdict(list)
    dups: dict[str, list[dict]] = defaultdict(list)
    extra = (s.Document.title, s.Event.ev_start, s.Event.ev_end) if spans else ()
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        rows = sess.execute(select(s.Event.corpus_event_id, s.Event.status, s.Event.date, s.Event.evidence,
                                   s.Document.doc_id, s.Document.source, s.Document.outlet, s.Document.published,
                                   *extra)
                            .join(s.Document, s.Document.id == s.Event.doc_pk)
                            .where(s.Event.corpus_event_id.in_(chunk))
                            .order_by(s.Document.published.is_(None), s.Document.published, s.Document.doc_id,
                                      s.Event.idx)).all()
        for r in rows:
            rep = dict(doc_id=r.doc_id, source=r.source, outlet=r.outlet, published=r.published, status=r.status,
                       date=r.date, evidence=r.evidence)
            if spans:
                rep.update(title=r.title, start=r.ev_start, end=r.ev_end)
            out[r.corpus_event_id].append(rep)
    docs = sorted({r["doc_id"] for v in out.values() for r in v})
    for i in range(0, len(docs), 500):
        for d in sess.execute(select(s.Document.doc_id, s.Document.dup_of, s.Document.source, s.Document.outlet,
                                     s.Document.published).where(s.Document.dup_of.in_(docs[i:i + 500]))
                              .order_by(s.Document.doc_id)):
            dups[d.dup_of].append(dict(doc_id=d.doc_id, source=d.source, outlet=d.outlet, published=d.published))
    for v in out.values():
        v.sort(key=lambda r: (r["published"] or "9999", r["doc_id"]))
        for r in v:
            if dups.get(r["doc_id"]):
                r["republished"] = dups[r["doc_id"]]
    return out


def corpus_event_obj(ce: s.CorpusEvent, reports: list[dict], names: Names) -> dict:
    return {
        "id": ce.id, "type": ce.type, "date": ce.date, "dates": list(ce.dates or []),
        "participants": [dict(names(p)) for p in ce.participants or []],
        "location": dict(names(ce.location)) if ce.location else None,
        "status": ce.status, "attributes": dict(ce.attributes or {}), "conflicts": list(ce.conflicts or []),
        "reports": reports,
    }


def event_filter(country_id: str | None = None, type: str | None = None, status: str | None = None,
                 track: str | None = None, since: str | None = None, until: str | None = None):
    """(query of corpus events, their date column, their key column, query of their keys for counting).

    With a country, type and dates are read from `corpus_event_participants`, where they are repeated for
    its (entity, type, date) index: a country's events in date order, and their count, are index ranges.
    The events table is joined for counting only when status or track filter it."""
    ce, cep = s.CorpusEvent, s.CorpusEventParticipant
    if country_id:
        col, key = cep, cep.corpus_event_id
        q = select(ce).join(cep, cep.corpus_event_id == ce.id).where(cep.entity_id == country_id)
        keys = select(key).where(cep.entity_id == country_id)
        if status or track:
            keys = keys.join(ce, ce.id == cep.corpus_event_id)
    else:
        col, key = ce, ce.id
        q, keys = select(ce), select(ce.id)
    conds = []
    if type:
        conds.append(col.type == type)
    if status:
        conds.append(ce.status == status)
    if track:
        conds.append(ce.attributes["track"].as_string() == track)
    if since:
        conds.append(col.date >= since)
    if until:
        conds.append(col.date <= until + "\uffff")
    return q.where(*conds), col, key, keys.where(*conds)


def timeline(sess, country: str | None = None, since: str | None = None, until: str | None = None,
             type: str | None = None, limit: int | None = None, include_undated: bool | None = None) -> list[dict]:
    """Corpus events in date order (undated ones last). With a country, the (entity, type, date) index of
    `corpus_event_participants` gives them in order, so a page of a 100,000-document corpus stays fast."""
    cid = (resolve_entity(sess, country) or country.lower()) if country else None
    q, col, key, _ = event_filter(cid, type=type, since=since, until=until)
    undated = not (include_undated is False or ((since or until) and include_undated is None))
    # dated first, then undated: two index-ordered queries (an ORDER BY on "date IS NULL" would sort all)
    ces = list(sess.execute(q.where(col.date.is_not(None)).order_by(col.date, key).limit(limit)).scalars())
    if undated and (limit is None or len(ces) < limit):
        ces += list(sess.execute(q.where(col.date.is_(None)).order_by(key)
                                 .limit(None if limit is None else limit - len(ces))).scalars())
    reps = _reports(sess, [c.id for c in ces])
    names = Names(sess)
    names.load({p for c in ces for p in (c.participants or [])} | {c.location for c in ces if c.location})
    return [corpus_event_obj(c, reps.get(c.id, []), names) for c in ces]


# ------------------------------------------------------------------ claims
def corpus_claim_obj(cc: s.CorpusClaim, reports: list[dict], names: Names) -> dict:
    v = cc.value
    return {"id": cc.id, "subject": names(cc.subject), "measure": cc.measure,
            "value": int(v) if float(v).is_integer() else v, "qualifier": cc.qualifier, "time": cc.time,
            "target_time": cc.target_time, "source": names(cc.source), "unit": cc.unit, "date": cc.date,
            "conflict": cc.conflict, "reports": reports}


def claims(sess, subject: str | None = None, measure: str | None = None, limit: int | None = None) -> list[dict]:
    q = select(s.CorpusClaim)
    if subject:
        sid = resolve_entity(sess, subject) or subject
        q = q.where(s.CorpusClaim.subject == sid)
    if measure:
        q = q.where(s.CorpusClaim.measure == measure)
    # NULLs sort differently in SQLite and PostgreSQL: order them explicitly
    q = q.order_by(s.CorpusClaim.subject.is_(None), s.CorpusClaim.subject, s.CorpusClaim.measure,
                   s.CorpusClaim.date.is_(None), s.CorpusClaim.date, s.CorpusClaim.target_time.is_(None),
                   s.CorpusClaim.target_time, s.CorpusClaim.value, s.CorpusClaim.id)
    if limit:
        q = q.limit(limit)
    ccs = list(sess.execute(q).scalars())
    reps: dict[str, list[dict]] = defaultdict(list)
    ids = [c.id for c in ccs]
    for i in range(0, len(ids), 500):
        for r in sess.execute(select(s.Claim.corpus_claim_id, s.Claim.evidence, s.Document.doc_id, s.Document.source,
                                     s.Document.outlet, s.Document.published)
                              .join(s.Document, s.Document.id == s.Claim.doc_pk)
                              .where(s.Claim.corpus_claim_id.in_(ids[i:i + 500]))
                              .order_by(s.Document.published.is_(None), s.Document.published, s.Document.doc_id,
                                        s.Claim.idx)):
            reps[r.corpus_claim_id].append(dict(doc_id=r.doc_id, source=r.source, outlet=r.outlet,
                                                published=r.published, evidence=r.evidence))
    names = Names(sess)
    names.load({c.subject for c in ccs} | {c.source for c in ccs})
    return [corpus_claim_obj(c, reps.get(c.id, []), names) for c in ccs]


# ------------------------------------------------------------------ entity
def timeline_events(sess, eid: str, limit: int) -> list:
    """An entity's first corpus events by date (undated last), through the (entity, date) index."""
    ce, cep = s.CorpusEvent, s.CorpusEventParticipant
    q = select(ce).join(cep, cep.corpus_event_id == ce.id).where(cep.entity_id == eid)
    out = list(sess.execute(q.where(cep.date.is_not(None)).order_by(cep.date, cep.corpus_event_id)
                            .limit(limit)).scalars())
    if len(out) < limit:
        out += sess.execute(q.where(cep.date.is_(None)).order_by(cep.corpus_event_id)
                            .limit(limit - len(out))).scalars().all()
    return out


WALK_FROM = 2000  # an entity in more documents than this: walk documents by date instead of sorting them


def recent_documents(sess, eid: str, limit: int, n_docs: int) -> list[dict]:
    """The latest documents naming the entity (undated last). For a frequent entity the documents are
    walked in publication order (index) until `limit` name it; for a rare one its few are sorted."""
    d, de = s.Document, s.DocEntity
    cols = (d.doc_id, d.source, d.outlet, d.published, d.title, de.n_mentions)
    base = select(*cols).join(de, de.doc_pk == d.id).where(de.entity_id == eid)
    if n_docs <= WALK_FROM:
        rows = sess.execute(base.order_by(d.published.is_(None), d.published.desc(), d.doc_id).limit(limit)).all()
    else:  # EXISTS keeps the planner on the publication-date index (a join would sort every document)
        names = select(de.doc_pk).where(de.doc_pk == d.id, de.entity_id == eid).exists()
        walk = select(d.id).where(names)
        pks = list(sess.execute(walk.where(d.published.is_not(None)).order_by(d.published.desc(), d.doc_id)
                                .limit(limit)).scalars())
        if len(pks) < limit:
            pks += sess.execute(walk.where(d.published.is_(None)).order_by(d.doc_id).limit(limit - len(pks))).scalars()
        by_pk = {r.id: r for r in sess.execute(select(d.id, *cols).join(de, de.doc_pk == d.id)
                                                .where(de.entity_id == eid, d.id.in_(pks)))}
        rows = [by_pk[pk] for pk in pks]
    return [dict(doc_id=r.doc_id, source=r.source, outlet=r.outlet, published=r.published, title=r.title,
                 mentions=r.n_mentions) for r in rows]


def entity_mentions(sess, eid: str, limit: int) -> list[dict]:
    """The entity's latest `limit` mentions (by publication date, undated last, then mention id) with their
    document. Sorting every mention of a frequent entity costs one document read each (~35,000 for `cn` in a
    100,000-document corpus); instead the newest documents naming it are walked on the publication-date index
    (as in `recent_documents`), and only the mentions of documents at least as recent as the `limit`-th are
    sorted. The walk's answer is checked (enough mentions) and falls back to the plain sort: same rows."""
    d, de, m = s.Document, s.DocEntity, s.Mention
    q = (select(m.text, m.start, m.end, d.doc_id, d.title, d.source).join(d, d.id == m.doc_pk)
         .order_by(d.published.is_(None), d.published.desc(), m.id).limit(limit))
    n_docs = sess.execute(select(func.count()).where(de.entity_id == eid)).scalar_one()
    if n_docs > WALK_FROM:
        walk = select(d.id, d.published).where(select(de.doc_pk).where(de.doc_pk == d.id, de.entity_id == eid)
                                               .exists(), d.published.is_not(None))
        newest = sess.execute(walk.order_by(d.published.desc(), d.doc_id).limit(limit)).all()
        if len(newest) == limit:
            # every dated document naming it published on or after the limit-th one's date (ties included)
            pks = list(sess.execute(walk.with_only_columns(d.id).where(d.published >= newest[-1].published)).scalars())
            ids = [r.id for i in range(0, len(pks), 500)
                   for r in sess.execute(select(m.id, m.entity_id).where(m.doc_pk.in_(pks[i:i + 500])))
                   if r.entity_id == eid]  # filtered here: an entity_id condition would pull the planner off doc_pk
            if len(ids) >= limit:
                return [dict(r._mapping) for r in sess.execute(q.where(m.id.in_(ids)))]
    return [dict(r._mapping) for r in sess.execute(q.where(m.entity_id == eid))]


def entity(sess, name: str, limit: int = 20) -> dict | None:
    eid = resolve_entity(sess, name)
    if eid is None:
        return None
    e = sess.execute(select(s.Entity).where(s.Entity.id == eid)).scalar_one_or_none()
    n_docs, n_mentions = sess.execute(select(func.count(), func.coalesce(func.sum(s.DocEntity.n_mentions), 0))
                                      .where(s.DocEntity.entity_id == eid)).one()
    docs = recent_documents(sess, eid, limit, n_docs)
    titles = sorted({t for (ts,) in sess.execute(select(s.DocEntity.titles).where(s.DocEntity.entity_id == eid)
                                                 .order_by(s.DocEntity.doc_pk).limit(200)) for t in (ts or [])})
    ev_sub = select(s.CorpusEventParticipant.corpus_event_id).where(s.CorpusEventParticipant.entity_id == eid)
    n_events = sess.execute(select(func.count()).select_from(ev_sub.subquery())).scalar_one()
    names = Names(sess)
    ces = timeline_events(sess, eid, limit)
    names.load({p for c in ces for p in (c.participants or [])})  # one query, not one per participant
    events = [dict(id=c.id, date=c.date, type=c.type, status=c.status,
                   participants=[names(p)["name"] for p in c.participants], n_reports=c.n_reports) for c in ces]
    n_claims = sess.execute(select(func.count()).select_from(s.CorpusClaim).where(s.CorpusClaim.subject == eid)
                            ).scalar_one()
    if e is not None:
        info = dict(id=e.id, type=e.type, name=e.name, name_vi=e.name_vi, wikidata=e.wikidata, in_kb=e.in_kb,
                    country=e.country)
    else:
        from ..kb import load_kb

        k = load_kb().get(eid)
        info = dict(id=eid, type=k.type if k else None, name=k.name if k else eid, name_vi=k.name_vi if k else None,
                    wikidata=k.wikidata if k else None, in_kb=k is not None, country=k.country if k else None)
    return dict(info, documents=n_docs, mentions=int(n_mentions), titles=titles, recent_documents=docs,
                events=events, n_events=n_events, claims_about=n_claims)
