"""What the web UI and REST API read and write, on top of `armswatch.store`.

Every query is built with SQLAlchemy expressions (bound parameters, never
strings), paginated, and returns plain dicts the templates and JSON share.
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select

from ..store import schema as s
from ..store.queries import Names, _reports, entity_mentions, event_filter, resolve_entity, timeline_events
from ..store.repo import Store as _RepoStore
from ..store.search import default_mode as _default_mode, find as _find
from ..store.text import fold
from .highlight import highlight_segments

__all__ = ["Store", "highlight_segments"]


def _ent(names: dict[str, dict], eid: str | None) -> dict | None:
    if not eid:
        return None
    return names.get(eid) or {"id": eid, "name": eid, "name_vi": None, "wikidata": None, "type": None}


def _label(ce, names: dict[str, dict]) -> str:
    parts = [(_ent(names, p) or {}).get("name", p) for p in (ce.participants or [])[:4]]
    attrs = ce.attributes or {}
    extra = attrs.get("topic") or (attrs.get("action") and f"{attrs['action']} {(_ent(names, attrs.get('treaty')) or {}).get('name', '')}")
    label = " – ".join(parts) or ce.type
    if extra:
        label += f": {extra}"
    if ce.location:
        label += f" ({(_ent(names, ce.location) or {}).get('name', ce.location)})"
    return label


class Store:
    """The web's view of a database: `Store(url)`; SQLite by default, PostgreSQL by URL."""

    def __init__(self, url: str | None = None):
        self.repo = _RepoStore(url)
        self._per_corpus: dict[str, tuple[tuple, Any]] = {}  # name -> (corpus signature, value): see `_cached`

    COUNTRIES_TTL = 60.0  # seconds; the filter lists may lag a reprocess by this much, never an ingest

    def _signature(self, sess) -> tuple:
        """A cheap fingerprint of the corpus (one index look-up): the newest document's key, which changes
        with every ingest, and the minute window, so a reprocess or deletion shows within COUNTRIES_TTL."""
        return (sess.execute(select(func.max(s.Document.id))).scalar(), int(time.monotonic() // self.COUNTRIES_TTL))

    def _cached(self, name: str, sess, compute):
        """`compute(sess)`, kept under `name` until the corpus changes (`_signature`)."""
        sig = self._signature(sess)
        hit = self._per_corpus.get(name)
        if hit is None or hit[0] != sig:
            hit = self._per_corpus[name] = (sig, compute(sess))
        return hit[1]

    # ------------------------------------------------------------------ helpers
    def _names(self, sess, ids) -> dict[str, dict]:
        ids = sorted({i for i in ids if i})
        out: dict[str, dict] = {}
        for i in range(0, len(ids), 500):
            for e in sess.execute(select(s.Entity.id, s.Entity.name, s.Entity.name_vi, s.Entity.wikidata, s.Entity.type)
                                  .where(s.Entity.id.in_(ids[i:i + 500]))):
                out[e.id] = {"id": e.id, "name": e.name, "name_vi": e.name_vi, "wikidata": e.wikidata, "type": e.type}
        for i in ids:
            if i not in out:
                n = Names(sess)(i) or {}
                out[i] = {"id": i, "name": n.get("name", i), "name_vi": None, "wikidata": n.get("wikidata"), "type": None}
        return out

    def _event_query(self, sess, country=None, etype=None, status=None, track=None, since=None, until=None):
        cid = (resolve_entity(sess, country) or country) if country else None
        return event_filter(cid, type=etype, status=status, track=track, since=since, until=until)

    def _event_dict(self, ce, names, reports) -> dict[str, Any]:
        return {"id": ce.id, "type": ce.type, "date": ce.date, "dates": list(ce.dates or []), "status": ce.status,
                "participants": [_ent(names, p) for p in ce.participants or []],
                "location": _ent(names, ce.location), "attributes": dict(ce.attributes or {}),
                "conflicts": list(ce.conflicts or []), "label": _label(ce, names), "reports": reports}

    # ------------------------------------------------------------------ reads
    def stats(self) -> dict[str, Any]:
        return self.repo.stats()

    def documents(self, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
        with self.repo.session() as sess:
            total = sess.execute(select(func.count()).select_from(s.Document)).scalar_one()
            rows = sess.execute(select(s.Document.doc_id, s.Document.title, s.Document.source, s.Document.outlet,
                                       s.Document.published, s.Document.language, s.Document.dup_of)
                                .order_by(s.Document.published.is_(None), s.Document.published.desc(), s.Document.doc_id)
                                .limit(limit).offset(offset)).all()
            return total, [dict(r._mapping) for r in rows]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        doc = self.repo.load_document(doc_id)
        return None if doc is None else doc.to_contract(extras=True)

    def entities(self, q: str | None = None, etype: str | None = None, limit: int = 50,
                 offset: int = 0) -> tuple[int, list[dict]]:
        with self.repo.session() as sess:
            base = select(s.Entity.id, s.Entity.name, s.Entity.name_vi, s.Entity.type, s.Entity.wikidata,
                          func.count(s.DocEntity.doc_pk).label("documents"),
                          func.coalesce(func.sum(s.DocEntity.n_mentions), 0).label("mentions")) \
                .join(s.DocEntity, s.DocEntity.entity_id == s.Entity.id).group_by(
                    s.Entity.id, s.Entity.name, s.Entity.name_vi, s.Entity.type, s.Entity.wikidata)
            if q:
                base = base.where(s.Entity.name_folded.contains(fold(q.strip())))
            if etype:
                base = base.where(s.Entity.type == etype)
            total = sess.execute(select(func.count()).select_from(base.subquery())).scalar_one()
            rows = sess.execute(base.order_by(func.count(s.DocEntity.doc_pk).desc(), s.Entity.id)
                                .limit(limit).offset(offset)).all()
            return total, [dict(r._mapping, mentions=int(r.mentions)) for r in rows]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        with self.repo.session() as sess:
            eid = resolve_entity(sess, entity_id)
            if eid is None:
                return None
            e = sess.execute(select(s.Entity).where(s.Entity.id == eid)).scalar_one_or_none()
            if e is None:
                return None
            from ..kb import load_kb

            kb = load_kb().get(eid)
            info = {"id": e.id, "type": e.type, "name": e.name, "name_vi": e.name_vi, "wikidata": e.wikidata,
                    "country": None, "roles": list(kb.roles) if kb else [], "description": kb.description if kb else None,
                    "aliases": list(kb.aliases) if kb else []}
            country = e.country or (kb.country if kb else None)
            # its first 200 events by date (undated last): an index range, not every event id of a frequent
            # entity sent back as an IN list
            ces = timeline_events(sess, eid, 200)
            names = self._names(sess, [p for c in ces for p in (c.participants or [])]
                                + [c.location for c in ces] + [country])
            info["country"] = _ent(names, country)
            events = [self._event_dict(c, names, []) for c in ces]
            claims = self.claims(subject=eid, limit=200, sess=sess)
            quotes = [dict(r._mapping) for r in sess.execute(
                select(s.Quote.text, s.Quote.start, s.Quote.end, s.Document.doc_id, s.Document.title, s.Document.source)
                .join(s.Document, s.Document.id == s.Quote.doc_pk).where(s.Quote.speaker == eid)
                .order_by(s.Document.published.is_(None), s.Document.published.desc(), s.Quote.id).limit(100))]
            mentions = entity_mentions(sess, eid, 100)
            return {"entity": info, "events": events, "claims": claims, "quotes": quotes, "mentions": mentions}

    def countries(self) -> list[dict]:
        """The 60 countries with most corpus events (the timeline's filter list), cached per corpus state:
        grouping a 100,000-document corpus's participants costs ~0.35 s, the page's largest part."""
        def compute(sess) -> list[dict]:
            ids = [r[0] for r in sess.execute(
                select(s.CorpusEventParticipant.entity_id).join(s.Entity, s.Entity.id == s.CorpusEventParticipant.entity_id)
                .where(s.Entity.type == "COUNTRY").group_by(s.CorpusEventParticipant.entity_id)
                .order_by(func.count().desc()).limit(60))]
            names = self._names(sess, ids)
            return sorted((names[i] for i in ids), key=lambda e: e["name"])

        with self.repo.session() as sess:
            return self._cached("countries", sess, compute)

    def events(self, country=None, etype=None, status=None, track=None, since=None, until=None, limit: int = 100,
               offset: int = 0) -> tuple[int, list[dict]]:
        """Corpus events, newest first: dated ones by `date DESC` (index order), then undated ones."""
        with self.repo.session() as sess:
            q, col, key, keys = self._event_query(sess, country, etype, status, track, since, until)

            def count(sel) -> int:
                return sess.execute(select(func.count()).select_from(sel.subquery())).scalar_one()

            is_dated = col.date < "X"  # partial dates sort as text; XXXX-.. and NULL are undated
            total, n_dated = count(keys), count(keys.where(is_dated))
            ces = list(sess.execute(q.where(is_dated).order_by(col.date.desc(), key.desc())
                                    .limit(limit).offset(offset)).scalars()) if offset < n_dated else []
            if len(ces) < limit:
                undated = q.where(or_(col.date.is_(None), col.date >= "X"))
                ces += list(sess.execute(undated.order_by(key).limit(limit - len(ces))
                                         .offset(max(0, offset - n_dated))).scalars())
            names = self._names(sess, [p for c in ces for p in (c.participants or [])] + [c.location for c in ces]
                                + [(c.attributes or {}).get("treaty") for c in ces])
            reps = _reports(sess, [c.id for c in ces], spans=True)
            return total, [self._event_dict(c, names, reps.get(c.id, [])) for c in ces]

    def timeline_points(self, country=None, etype=None, status=None, track=None, since=None, until=None,
                        lang: str = "vi", limit: int = 1500) -> list[dict]:
        """Dated events as chart points (at most `limit`, the most recent)."""
        with self.repo.session() as sess:
            q, col, key, _ = self._event_query(sess, country, etype, status, track, since, until)
            ce = s.CorpusEvent  # plain rows, not ORM objects: up to 1,500 of them
            ces = sess.execute(q.with_only_columns(ce.id, ce.type, ce.date, ce.participants, ce.location, ce.attributes)
                               .where(col.date < "X").order_by(col.date.desc(), key.desc()).limit(limit)).all()
            names = self._names(sess, [p for c in ces for p in (c.participants or [])] + [c.location for c in ces])
            return [{"date": _chart_date(c.date), "type": c.type, "label": _label(c, names),
                     "url": f"/events/{c.id}?lang={lang}"} for c in ces if _chart_date(c.date)]

    def event(self, event_id: str) -> dict | None:
        with self.repo.session() as sess:
            ce = sess.execute(select(s.CorpusEvent).where(s.CorpusEvent.id == event_id)).scalar_one_or_none()
            if ce is None:
                return None
            names = self._names(sess, list(ce.participants or []) + [ce.location, (ce.attributes or {}).get("treaty")])
            return self._event_dict(ce, names, _reports(sess, [ce.id], spans=True).get(ce.id, []))

    def claim_subjects(self) -> list[dict]:
        """Subjects of corpus claims, most claimed first (the claims page's selector), cached per corpus state
        like `countries`: grouping every corpus claim costs 10-40 ms on a 100,000-document corpus."""
        def compute(sess) -> list[dict]:
            ids = [r[0] for r in sess.execute(select(s.CorpusClaim.subject).where(s.CorpusClaim.subject.is_not(None))
                                              .group_by(s.CorpusClaim.subject).order_by(func.count().desc()))]
            names = self._names(sess, ids)
            return [names[i] for i in ids]

        with self.repo.session() as sess:
            return self._cached("claim_subjects", sess, compute)

    def claims(self, subject: str | None = None, measure: str | None = None, limit: int = 500, sess=None) -> list[dict]:
        if sess is None:
            with self.repo.session() as sess2:
                return self.claims(subject, measure, limit, sess2)
        cc = s.CorpusClaim  # plain rows, not ORM objects: up to 2,000 of them
        q = select(cc.id, cc.subject, cc.measure, cc.value, cc.qualifier, cc.time, cc.target_time, cc.unit, cc.source,
                   cc.conflict)
        if subject:
            q = q.where(s.CorpusClaim.subject == (resolve_entity(sess, subject) or subject))
        if measure:
            q = q.where(s.CorpusClaim.measure == measure)
        q = q.order_by(cc.date.is_(None), cc.date, cc.value, cc.id).limit(limit)
        ccs = sess.execute(q).all()
        names = self._names(sess, [c.subject for c in ccs] + [c.source for c in ccs])
        reps: dict[str, list[dict]] = {c.id: [] for c in ccs}
        ids = list(reps)  # ids, not the selection as a subquery: PostgreSQL would hash-join all claims
        for i in range(0, len(ids), 500):
            for r in sess.execute(select(s.Claim.corpus_claim_id, s.Claim.ev_start, s.Claim.ev_end, s.Claim.evidence,
                                         s.Document.doc_id, s.Document.source, s.Document.outlet, s.Document.published)
                                  .join(s.Document, s.Document.id == s.Claim.doc_pk)
                                  .where(s.Claim.corpus_claim_id.in_(ids[i:i + 500]))
                                  .order_by(s.Document.published.is_(None), s.Document.published, s.Document.doc_id)):
                cid, start, end, evidence, doc_id, source, outlet, published = r  # unpacked: ~2,500 rows
                reps[cid].append({"doc_id": doc_id, "source": source, "outlet": outlet, "published": published,
                                  "evidence": evidence, "start": start, "end": end})
        out = []
        for cid, subj, measure_, v, qualifier, time_, target_time, unit, source_id, conflict in ccs:
            source, rs = _ent(names, source_id), reps[cid]
            out.append({"id": cid, "subject": _ent(names, subj), "measure": measure_,
                        "value": int(v) if float(v).is_integer() else v, "qualifier": qualifier, "time": time_,
                        "target_time": target_time, "unit": unit, "source": source,
                        "source_name": (source or {}).get("name"), "conflict": bool(conflict),
                        "published": (rs[0]["published"] or "")[:10] if rs else None, "reports": rs})
        return out

    def search(self, q: str, limit: int = 20, mode: str | None = None) -> list[dict]:
        return self.find(q, limit=limit, mode=mode)["items"]

    def has_vectors(self) -> bool:
        with self.repo.session() as sess:
            return _default_mode(sess) != "bm25"

    def find(self, q: str, limit: int = 20, mode: str | None = None) -> dict[str, Any]:
        """Search in `mode` (bm25 | semantic | hybrid; default hybrid when vectors are stored, else bm25).
        Returns the mode used, whether vectors exist, and the hits with their snippet parts."""
        with self.repo.session() as sess:
            used, hits = _find(sess, self.repo.dialect, q, limit=limit, mode=mode)
            vectors = used != "bm25" or _default_mode(sess) != "bm25"
        out = []
        for h in hits:
            d = h.as_dict()
            d["snippet_parts"] = _snippet_parts(h.snippet) if h.found_by != "semantic" else [(h.snippet, False)]
            out.append(d)
        return {"mode": used, "vectors": vectors, "items": out}

    # ------------------------------------------------------------------ writes
    def ingest_bytes(self, content: bytes, filename: str) -> dict[str, Any]:
        """Extract and store an uploaded file (text, HTML or JSONL). One transaction per document."""
        from ..ingest import RawDoc, ReadFailure, doc_id_for
        from ..ingest.jsonl import iter_jsonl
        from ..pipeline import process

        name = Path(filename).name or "upload.txt"
        source = f"upload:{name}"
        suffix = Path(name).suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            items = list(iter_jsonl(content, source))
        else:
            items = [RawDoc(source=source, content=content, kind="html" if suffix in (".html", ".htm") else "text")]
        added, skipped, failed, first, errors = 0, 0, 0, None, []
        for item in items:
            if isinstance(item, ReadFailure):
                failed += 1
                errors.append(str(item))
                self.repo.record_failure(item.source, None, "read", item.reason)
                continue
            did = doc_id_for(item.content)
            first = first or did
            with self.repo.session() as sess:
                if self.repo.has_doc(sess, did):
                    skipped += 1
                    continue
            try:
                doc = process(item)
            except Exception as exc:
                failed += 1
                errors.append(f"{item.source}: {type(exc).__name__}: {exc}")
                self.repo.record_failure(item.source, did, "extract", f"{type(exc).__name__}: {exc}")
                continue
            raw = item.content.encode("utf-8") if isinstance(item.content, str) else item.content
            self.repo.store_document(doc, raw, item.kind, {"title": item.title, "published": item.published,
                                                           "outlet": item.outlet, "url": item.url})
            added += 1
        if added:
            self.repo.merge_if_dirty()
        status = "added" if added else ("already stored" if skipped else "failed")
        msg = f"{added} added, {skipped} already stored, {failed} failed" + (f": {errors[0]}" if errors else "")
        return {"doc_id": first if (added or skipped) else None, "status": status, "message": msg,
                "added": added, "skipped": skipped, "failed": failed, "errors": errors}


def _chart_date(v: str | None) -> str | None:
    if not v or v.startswith("X"):
        return None
    v = v.split("/")[0]
    if re.fullmatch(r"\d{4}", v):
        return f"{v}-07-01"
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return f"{v}-15"
    return v[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", v) else None


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The store marks matches as [..]; split into (text, marked) parts for safe rendering."""
    parts: list[tuple[str, bool]] = []
    for m in re.finditer(r"\[([^\[\]]*)\]|[^\[]+|\[", snippet):
        if m.group(1) is not None:
            parts.append((m.group(1), True))
        else:
            parts.append((m.group(0), False))
    return parts
