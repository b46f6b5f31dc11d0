"""Ingest and per-document storage: `Store(url).ingest(paths)`, one transaction per document.

Idempotent: a document's id is the hash of its raw bytes (`doc_id_for`); an id already stored is
skipped before extraction, so re-running after a crash (even kill -9) continues where it left. A
document that fails (read, extraction or storage) is recorded in `failures` (one row per document,
attempts counted) and the run goes on; a later success removes its failure row. Corpus-level derived
tables (merged events, claim series) are brought up to date after the run when anything changed
(`meta.merge_dirty`): incrementally, only the new reports and the corpus events they touch (merge.py).
"""
from __future__ import annotations

import hashlib
import json
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .. import model as m
from .text import fold
from . import bulk, dedup, schema as s, search, semantic
from .db import connect, resolve_url, utcnow
from .text import folded_index_text


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Package version + hash of the extraction code and data: changes when the extractor changes."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("armswatch")
    except PackageNotFoundError:
        ver = "0"
    root = resources.files("armswatch")
    h = hashlib.sha256()
    for sub in ("extract", "ingest", "data"):
        base = root / sub
        for p in sorted(_walk(base), key=str):
            h.update(str(p).split("armswatch", 1)[-1].encode())
            h.update(p.read_bytes())
    for f in ("clean.py", "nlp.py", "kb.py", "lexicon.py", "model.py"):
        p = root / f
        if p.is_file():
            h.update(p.read_bytes())
    return f"{ver}+{h.hexdigest()[:12]}"


def _walk(base):
    for p in base.iterdir():
        if p.is_dir():
            if p.name != "__pycache__":
                yield from _walk(p)
        elif p.name.endswith((".py", ".yaml", ".json", ".txt")):
            yield p


_json = json.JSONEncoder(ensure_ascii=False).encode  # = json.dumps(v, ensure_ascii=False), one encoder


@lru_cache(maxsize=65536)
def _name_folded(name: str, name_vi: str | None) -> str:
    return fold(name) + "|" + fold(name_vi or "")


@lru_cache(maxsize=None)
def _conflict_sql(dialect: str, table: str, cols: tuple[str, ...], upsert: str | None, only_changed: bool) -> str:
    """`upsert`: ON CONFLICT (that column) DO UPDATE the others; `only_changed`: only where a value differs
    (an unchanged row is not rewritten)."""
    if not upsert:
        return ""
    rest = [f'"{c}"' for c in cols if c != upsert]
    sql = f'ON CONFLICT ("{upsert}") DO UPDATE SET ' + ", ".join(f"{c} = excluded.{c}" for c in rest)
    if only_changed:
        op = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"
        sql += " WHERE " + " OR ".join(f"{table}.{c} {op} excluded.{c}" for c in rest)
    return sql


# an unchanged row is not rewritten (its page not dirtied)
_SET_META_IF_CHANGED = "ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE meta.value <> excluded.value"


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)


class Store:
    def __init__(self, url: str | None = None, migrate: bool = True):
        self.url = resolve_url(url)
        self.engine = connect(self.url, migrate_schema=migrate)
        self.dialect = self.engine.dialect.name

    # ------------------------------------------------------------------ helpers
    def session(self) -> Session:
        return Session(self.engine, future=True)

    def _insert(self, table):
        return (sqlite_insert if self.dialect == "sqlite" else pg_insert)(table)

    def has_doc(self, sess: Session, doc_id: str) -> bool:
        return sess.execute(select(s.Document.id).where(s.Document.doc_id == doc_id)).first() is not None

    def is_stored(self, doc_id: str) -> bool:
        """`has_doc` on a pooled DBAPI connection: ingest asks it of every input (an ORM session and a
        Core statement cost ~0.25 ms a document, ten times the indexed look-up)."""
        dbapi = self.engine.raw_connection()
        try:
            cur = dbapi.cursor()
            cur.execute(f"SELECT 1 FROM documents WHERE doc_id = {self._ph}", (doc_id,))
            return cur.fetchone() is not None
        finally:
            dbapi.close()  # back to the pool, which ends the read transaction

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ ingest
    def ingest(self, paths: Iterable[str], progress: bool = False, on_failure: Callable[[str], None] | None = None,
               merge: bool = True, dask: bool = False, scheduler: str | None = None, workers: int | None = None,
               batch_size: int = 32) -> IngestReport:
        """Extract and store every input; one transaction per document; this process is the one writer.

        With `dask` (or a `scheduler` address) extraction runs on Dask workers in batches
        (armswatch.scale) and results come back in input order, so the database ends up the same."""
        from ..ingest import ReadFailure, RawDoc, doc_id_for, failure_reason, iter_inputs
        from ..pipeline import process

        rep = IngestReport()
        paths = list(paths)
        if dask or scheduler:
            from ..scale import dask_process

            pairs = dask_process(paths, scheduler=scheduler, workers=workers, batch_size=batch_size, with_raw=True)
        else:  # streamed: a 100k-article folder is not held in memory
            pairs = ((item, None) for item in iter_inputs(paths))
        bar = _progress(progress)
        task = bar.add_task("ingesting", total=_count_inputs(paths)) if bar else None
        if bar:
            bar.start()

        def fail(source: str, did: str | None, stage: str, msg: str, detail: str = "") -> None:
            self.record_failure(source, did, stage, msg + detail)
            rep.failed += 1
            rep.failures.append(f"{source}: {msg}")
            if on_failure:
                on_failure(f"{source}: {msg}")

        try:
            for item, result in pairs:
                try:
                    if item is None or isinstance(item, ReadFailure):  # could not be read
                        f = item if isinstance(item, ReadFailure) else result
                        fail(f.source, None, "read", f.reason)
                        continue
                    assert isinstance(item, RawDoc)
                    did = doc_id_for(item.content)
                    if self.is_stored(did):
                        rep.skipped += 1
                        continue
                    meta = {"title": item.title, "published": item.published, "outlet": item.outlet,
                            "url": item.url, "extra": item.extra}
                    if result is None:
                        try:
                            result = process(item)
                        except Exception as exc:  # one bad document never stops the others
                            result = ReadFailure(item.source, failure_reason(exc))
                    if isinstance(result, ReadFailure):
                        fail(item.source, did, "extract", result.reason)
                        continue
                    raw = item.content.encode("utf-8") if isinstance(item.content, str) else item.content
                    try:
                        self.store_document(result, raw, item.kind, meta, index_now=False)
                    except Exception as exc:
                        if self.is_stored(did):  # another ingest stored it meanwhile
                            rep.skipped += 1
                            continue
                        fail(item.source, did, "store", f"{type(exc).__name__}: {exc}",
                             "\n" + traceback.format_exc(limit=3))
                        continue
                    rep.added += 1
                    if rep.added % self.INDEX_BATCH == 0:
                        self.index_pending()
                finally:
                    if bar:
                        bar.advance(task)
        finally:
            if bar:
                bar.stop()
            self.index_pending()  # also those a crashed run left
        if merge:
            self.merge_if_dirty()
        return rep

    def record_failure(self, source: str, doc_id: str | None, stage: str, error: str) -> None:
        key = doc_id or f"source:{source}"
        key = key[:600]
        with self.session() as sess, sess.begin():
            row = sess.execute(select(s.Failure).where(s.Failure.key == key)).scalar_one_or_none()
            if row is None:
                sess.add(s.Failure(key=key, source=source, doc_id=doc_id, stage=stage, error=error, attempts=1,
                                   at=utcnow()))
            else:
                row.attempts += 1
                row.error, row.stage, row.at, row.source = error, stage, utcnow(), source

    INDEX_BATCH = 256  # ingest writes the search postings of this many stored documents at once

    def store_document(self, doc: m.Document, raw: bytes, kind: str = "text", meta: dict | None = None,
                       replace: bool = False, index_now: bool = True) -> int:
        """Store one extracted document with all its facts, in one transaction. Returns its row id.

        `index_now=False` (ingest): its search postings are left pending (`search_pending`, in the same
        transaction) for `index_pending()` to write with a batch of others; search counts and scores
        pending documents from their body, so its results are the same either way.

        Hot path (`ingest`): plain DBAPI statements on the transaction's connection, SQL built once per
        dialect, each table's rows in one statement (SQLAlchemy's per-statement work and psycopg's per-row
        executemany cost more than the writes). Replacing (`reprocess`) also uses the ORM session."""
        if replace:  # the ORM helpers (dissolving merged facts, stale vectors) share the transaction
            with self.engine.begin() as conn:
                return self._store(conn.connection.driver_connection.cursor(), doc, raw, kind, meta, index_now, conn)
        dbapi = self.engine.raw_connection()  # a new document: plain DBAPI, committed here
        try:
            pk = self._store(dbapi.cursor(), doc, raw, kind, meta, index_now, None)
            dbapi.commit()
            return pk
        except BaseException:
            dbapi.rollback()
            raise
        finally:
            dbapi.close()  # back to the pool

    def _store(self, cur, doc: m.Document, raw: bytes, kind: str, meta: dict | None, index_now: bool,
               conn) -> int:
        """store_document's body, on `cur` in the caller's transaction (`conn`: its SQLAlchemy connection
        when a stored document may be replaced, else None)."""
        ph = self._ph
        cur.execute(f"SELECT id, body_folded FROM documents WHERE doc_id = {ph}", (doc.doc_id,))
        existing = cur.fetchone()
        if existing is not None and conn is None:
            return existing[0]
        folded = folded_index_text(doc.body)
        toks = folded.split()
        sig = dedup.signature(toks)
        values = dict(
            doc_id=doc.doc_id, source=doc.source, url=doc.url, outlet=doc.outlet, language=doc.language,
            title=doc.title, published=doc.published, body=doc.body, body_folded=folded, n_tokens=len(toks),
            raw=raw, raw_kind=kind, raw_meta=meta or {},
            extras={"sentences": [{"start": x.start, "end": x.end} for x in doc.sentences],
                    "paragraphs": [{"start": x.start, "end": x.end} for x in doc.paragraphs],
                    "removed": [x.model_dump() for x in doc.removed], "warnings": list(doc.warnings)},
            minhash=dedup.signature_bytes(sig), extractor_version=extractor_version(), ingested_at=utcnow(),
        )
        if existing is not None:  # replace (reprocess): drop old facts, keep the row id
            pk = existing[0]
            with Session(bind=conn) as sess:
                self._delete_facts(sess, pk, existing[1])
                values.pop("ingested_at")
                values["dup_of"] = None
                sess.execute(update(s.Document).where(s.Document.id == pk).values(**values))
                semantic.drop_stale(sess, pk, doc.title, doc.body)  # vectors of another text are stale
                sess.flush()
        else:
            pk = self._insert_document(cur, values)
        if self.dialect == "sqlite":
            cur.execute("INSERT INTO documents_fts(rowid, body_folded) VALUES (?, ?)", (pk, folded))
        if index_now:
            search.index_postings(cur, self.dialect, [(pk, toks)])
        bands = self._dedup(cur, pk, doc.doc_id, sig)
        # its facts, pending search row, LSH bands, failure and merge flag: one statement on PostgreSQL
        parts = self._fact_parts(cur, pk, doc) + [self._part("minhash_bands", ("band", "hash", "doc_pk"), bands)]
        if not index_now:
            parts.append(self._part("search_pending", ("doc_pk",), [(pk,)]))
        parts.append((bulk.delete_sql(self.dialect, "failures", "key"),
                      [(doc.doc_id,), (f"source:{doc.source}"[:600],)]))  # stored: no longer a failure
        parts.append((bulk.insert_sql(self.dialect, "meta", ("key", "value"), _SET_META_IF_CHANGED),
                      [("merge_dirty", "1")]))
        bulk.write_tables(cur, self.dialect, parts)
        return pk

    def index_pending(self) -> int:
        """Write the search postings of the documents stored with `index_now=False`, in one transaction
        (a batch sorted by word touches each page of the postings once). Returns how many."""
        with self.engine.begin() as conn:
            return search.index_pending(conn.connection.driver_connection.cursor(), self.dialect)

    @property
    def _ph(self) -> str:
        return "?" if self.dialect == "sqlite" else "%s"

    _DOC_COLS = ("doc_id", "source", "url", "outlet", "language", "title", "published", "body", "body_folded",
                 "n_tokens", "raw", "raw_kind", "raw_meta", "extras", "minhash", "extractor_version", "ingested_at")

    def _insert_document(self, cur, values: dict) -> int:
        v = dict(values, raw_meta=_json(values["raw_meta"]), extras=_json(values["extras"]))
        if self.dialect == "sqlite":  # the text form SQLAlchemy's DateTime reads back on SQLite
            v["ingested_at"] = v["ingested_at"].strftime("%Y-%m-%d %H:%M:%S.%f")
        ph = self._ph
        sql = (f"INSERT INTO documents ({', '.join(self._DOC_COLS)}) VALUES ({', '.join([ph] * len(self._DOC_COLS))}) "
               f"RETURNING id")
        cur.execute(sql, tuple(v[c] for c in self._DOC_COLS))
        return cur.fetchone()[0]

    def _delete_facts(self, sess: Session, pk: int, old_folded: str) -> None:
        """Remove a document's facts; the corpus events and claim slots they were part of are dissolved
        (their other reports are merged again by the next `merge`)."""
        self._dissolve_merged(sess, [pk])
        for t in (s.Mention, s.DocEntity, s.Timex, s.Event, s.Claim, s.Quote, s.MinhashBand):
            sess.execute(delete(t).where(t.doc_pk == pk))
        if self.dialect == "sqlite":
            sess.execute(text("INSERT INTO documents_fts(documents_fts, rowid, body_folded) "
                              "VALUES ('delete', :id, :b)"), {"id": pk, "b": old_folded})
        search.unindex_postings(sess.connection(), pk, old_folded)

    # Hot path: plain DBAPI with SQL built once per dialect (SQLAlchemy Core's per-statement compile/cache-key
    # work cost more than the inserts themselves); each table's rows in one statement (bulk.py).
    def _part(self, table: str, cols: tuple[str, ...], rows: list[tuple], upsert: str | None = None,
              only_changed: bool = False) -> tuple[str, list[tuple]]:
        """(INSERT statement, rows) for `bulk.write_tables`."""
        return bulk.insert_sql(self.dialect, table, cols,
                               _conflict_sql(self.dialect, table, cols, upsert, only_changed)), rows

    _ENTITY_COLS = ("id", "type", "name", "name_vi", "wikidata", "in_kb", "country", "name_folded")

    def _entity_rows(self, cur, doc: m.Document) -> list[tuple]:
        """The document's `entities` rows. On SQLite only those not stored with these values: one SELECT of
        the ~20 rows costs a third of as many upserts that find nothing to change (PostgreSQL: the upsert's
        WHERE does it, inside the document's one statement)."""
        rows = {e.id: (e.id, e.type, e.name, e.name_vi, e.wikidata, e.in_kb, e.country,
                       _name_folded(e.name, e.name_vi)) for e in doc.entities}
        if self.dialect != "sqlite" or not rows:
            return list(rows.values())
        cur.execute(f"SELECT {', '.join(self._ENTITY_COLS)} FROM entities WHERE id IN ({', '.join('?' * len(rows))})",
                    tuple(rows))
        for r in cur.fetchall():
            if rows[r[0]] == r:  # in_kb: True == 1
                del rows[r[0]]
        return list(rows.values())

    def _fact_parts(self, cur, pk: int, doc: m.Document) -> list[tuple[str, list[tuple]]]:
        """The rows of a document's facts, one (statement, rows) per table."""
        js = _json
        de: dict[str, list] = {}
        for i, e in enumerate(doc.entities):
            if e.id in de:
                de[e.id][3] += len(e.mentions)
                continue
            de[e.id] = [pk, e.id, i, len(e.mentions), e.name, e.type, e.country, js(e.titles) if e.titles else "[]"]
        return [
            # the latest extraction (current KB) wins for the corpus-level identity of an entity (rows whose
            # values are already stored are not rewritten)
            self._part("entities", self._ENTITY_COLS, self._entity_rows(cur, doc), upsert="id", only_changed=True),
            self._part("doc_entities", ("doc_pk", "entity_id", "idx", "n_mentions", "name", "type", "country",
                                        "titles"), [tuple(v) for v in de.values()]),
            self._part("mentions", ("doc_pk", "entity_id", "start", "end", "text"),
                       [(pk, e.id, x.start, x.end, x.text) for e in doc.entities for x in e.mentions]),
            self._part("timexes", ("doc_pk", "start", "end", "text", "type", "value"),
                       [(pk, t.start, t.end, t.text, t.type, t.value) for t in doc.timexes]),
            self._part("events", ("doc_pk", "idx", "type", "date", "participants", "location", "status",
                                  "attributes", "ev_start", "ev_end", "evidence", "trigger_start", "trigger_end"),
                       [(pk, i, ev.type, ev.date, js(list(ev.participants)), ev.location, ev.status,
                         js(dict(ev.attributes)), ev.evidence.start, ev.evidence.end,
                         doc.body[ev.evidence.start:ev.evidence.end],
                         ev.trigger.start if ev.trigger else None, ev.trigger.end if ev.trigger else None)
                        for i, ev in enumerate(doc.events)]),
            self._part("claims", ("doc_pk", "idx", "subject", "measure", "value", "qualifier", "time", "target_time",
                                  "source", "unit", "ev_start", "ev_end", "evidence"),
                       [(pk, i, c.subject, c.measure, float(c.value), c.qualifier, c.time, c.target_time, c.source,
                         c.unit, c.evidence.start, c.evidence.end, doc.body[c.evidence.start:c.evidence.end])
                        for i, c in enumerate(doc.claims)]),
            self._part("quotes", ("doc_pk", "speaker", "start", "end", "text"),
                       [(pk, q.speaker, q.start, q.end, q.text) for q in doc.quotes]),
        ]

    def _dedup(self, cur, pk: int, doc_id: str, sig) -> list[tuple[int, int, int]]:
        """Link the document to the stored near-duplicates its LSH bands find; returns its band rows (the
        caller writes them)."""
        bands = dedup.band_hashes(sig)
        ph = self._ph
        where = " OR ".join([f"(band = {ph} AND hash = {ph})"] * len(bands))
        cur.execute(f"SELECT doc_pk FROM minhash_bands WHERE {where}",  # 16 primary-key look-ups
                    tuple(x for bh in bands for x in bh))
        cand = {r[0] for r in cur.fetchall()}
        cand.discard(pk)
        best = None
        if cand:
            ids = sorted(cand)
            cur.execute(f"SELECT id, doc_id, dup_of, minhash FROM documents WHERE id IN ({', '.join([ph] * len(ids))})",
                        tuple(ids))
            for rid, rdoc, rdup, rmh in sorted(cur.fetchall()):
                if rmh is None:
                    continue
                j = dedup.jaccard(sig, dedup.signature_from_bytes(bytes(rmh)))
                if j >= dedup.THRESHOLD:
                    cur.execute(f"INSERT INTO dup_links (doc_id, other_doc_id, jaccard) VALUES ({ph}, {ph}, {ph})",
                                (doc_id, rdoc, j))
                    canon = rdup or rdoc
                    if best is None or (j > best[0]):
                        best = (j, canon)
        if best is not None:
            cur.execute(f"UPDATE documents SET dup_of = {ph} WHERE id = {ph}", (best[1], pk))
        return [(b, h, pk) for b, h in bands]

    def _set_meta(self, sess: Session, key: str, value: str) -> None:
        stmt = self._insert(s.Meta).values(key=key, value=value)
        sess.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))

    def get_meta(self, key: str) -> str | None:
        with self.session() as sess:
            return self._meta(sess, key)

    # ------------------------------------------------------------------ derived tables
    MERGE_INDEX = "1"  # version of the blocking index (corpus_event_blocks); another value: rebuild once

    def merge_if_dirty(self) -> bool:
        if self.get_meta("merge_dirty") == "0" and self.get_meta("merge_index") == self.MERGE_INDEX:
            return False
        self.merge()
        return True

    def merge(self, rebuild: bool = False) -> None:
        """Bring corpus events and corpus claims up to date in one transaction: merge the new reports into
        them (incremental), or with `rebuild` (or an index of an older version) merge everything anew."""
        from .merge import merge_pending, rebuild_corpus_events
        from .series import merge_pending_claims, rebuild_corpus_claims

        self.index_pending()
        with self.session() as sess, sess.begin():
            if rebuild or self._meta(sess, "merge_index") != self.MERGE_INDEX:
                rebuild_corpus_events(sess)
                rebuild_corpus_claims(sess)
                self._set_meta(sess, "merge_index", self.MERGE_INDEX)
            else:
                merge_pending(sess)
                merge_pending_claims(sess)
            self._set_meta(sess, "merge_dirty", "0")

    @staticmethod
    def _dissolve_merged(sess: Session, pks: list[int]) -> None:
        """Dissolve the corpus events and claim slots these documents report (the next `merge` merges
        their other reports again)."""
        from .merge import dissolve
        from .series import dissolve_claims

        for i in range(0, len(pks), 500):
            chunk = pks[i:i + 500]
            dissolve(sess, sess.execute(select(s.Event.corpus_event_id).where(s.Event.doc_pk.in_(chunk))).scalars())
            dissolve_claims(sess, sess.execute(select(s.Claim.corpus_claim_id)
                                               .where(s.Claim.doc_pk.in_(chunk))).scalars())

    @staticmethod
    def _meta(sess: Session, key: str) -> str | None:
        return sess.execute(select(s.Meta.value).where(s.Meta.key == key)).scalar_one_or_none()

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and its facts; the corpus events it reported are merged again (next `merge`).
        Its near-duplicates, if any, stand on their own again."""
        with self.session() as sess, sess.begin():
            row = sess.execute(select(s.Document.id, s.Document.body_folded)
                               .where(s.Document.doc_id == doc_id)).first()
            if row is None:
                return False
            self._delete_facts(sess, row.id, row.body_folded)
            sess.execute(delete(s.DupLink).where((s.DupLink.doc_id == doc_id) | (s.DupLink.other_doc_id == doc_id)))
            sess.execute(update(s.Document).where(s.Document.dup_of == doc_id).values(dup_of=None))
            sess.execute(delete(s.Document).where(s.Document.id == row.id))
            self._set_meta(sess, "merge_dirty", "1")
        return True

    # ------------------------------------------------------------------ reprocess
    def reprocess(self, all_docs: bool = False, progress: bool = False) -> IngestReport:
        """Re-extract stored raw documents with the current extractor (stale ones, or all)."""
        from ..ingest import RawDoc
        from ..pipeline import process

        rep = IngestReport()
        ver = extractor_version()
        with self.session() as sess:
            q = select(s.Document.doc_id).order_by(s.Document.id)
            if not all_docs:
                q = q.where(s.Document.extractor_version != ver)
            ids = list(sess.execute(q).scalars())
        bar = _progress(progress)
        task = bar.add_task("reprocessing", total=len(ids)) if bar else None
        if bar:
            bar.start()
        try:
            for did in ids:
                with self.session() as sess:
                    row = sess.execute(select(s.Document.source, s.Document.raw, s.Document.raw_kind,
                                              s.Document.raw_meta).where(s.Document.doc_id == did)).one()
                meta = dict(row.raw_meta or {})
                raw = RawDoc(source=row.source, content=row.raw, kind=row.raw_kind, url=meta.get("url"),
                             title=meta.get("title"), published=meta.get("published"), outlet=meta.get("outlet"),
                             extra=meta.get("extra") or {})
                try:
                    doc = process(raw)
                    self.store_document(doc, row.raw, row.raw_kind, meta, replace=True)
                    rep.added += 1
                except Exception as exc:
                    self.record_failure(row.source, did, "reprocess", f"{type(exc).__name__}: {exc}")
                    rep.failed += 1
                if bar:
                    bar.advance(task)
        finally:
            if bar:
                bar.stop()
        self._redo_dups()
        self.merge()
        return rep

    def _redo_dups(self) -> None:
        """After reprocessing, recompute duplicate links in ingest order (bodies may have changed).
        Documents that become (or stop being) near-duplicates leave (or rejoin) the merged tables."""
        with self.session() as sess, sess.begin():
            before = dict(sess.execute(select(s.Document.id, s.Document.dup_of)).all())
            sess.execute(delete(s.DupLink))
            sess.execute(delete(s.MinhashBand))
            sess.execute(update(s.Document).values(dup_of=None))
            cur = sess.connection().connection.driver_connection.cursor()
            for pk, did, mhb in sess.execute(select(s.Document.id, s.Document.doc_id, s.Document.minhash)
                                             .order_by(s.Document.id)).all():
                bands = self._dedup(cur, pk, did, dedup.signature_from_bytes(mhb))
                bulk.write_tables(cur, self.dialect, [self._part("minhash_bands", ("band", "hash", "doc_pk"), bands)])
            after = dict(sess.execute(select(s.Document.id, s.Document.dup_of)).all())
            changed = sorted(pk for pk in after if (before.get(pk) is None) != (after[pk] is None))
            self._dissolve_merged(sess, changed)
            if changed:
                self._set_meta(sess, "merge_dirty", "1")

    # ------------------------------------------------------------------ read back
    def load_document(self, doc_id: str) -> m.Document | None:
        with self.session() as sess:
            d = sess.execute(select(s.Document).where(s.Document.doc_id == doc_id)).scalar_one_or_none()
            if d is None:
                return None
            return self._to_model(sess, d)

    def iter_documents(self, batch: int = 200):
        with self.session() as sess:
            ids = list(sess.execute(select(s.Document.id).order_by(s.Document.id)).scalars())
            for i in range(0, len(ids), batch):
                for d in sess.execute(select(s.Document).where(s.Document.id.in_(ids[i:i + batch]))
                                      .order_by(s.Document.id)).scalars():
                    yield self._to_model(sess, d), d
                sess.expunge_all()

    def _to_model(self, sess: Session, d: s.Document) -> m.Document:
        pk = d.id
        ents: dict[str, m.Entity] = {}
        kb = {e.id: e for e in sess.execute(select(s.Entity).join(s.DocEntity, s.DocEntity.entity_id == s.Entity.id)
                                            .where(s.DocEntity.doc_pk == pk)).scalars()}
        for de in sess.execute(select(s.DocEntity).where(s.DocEntity.doc_pk == pk)
                              .order_by(s.DocEntity.idx)).scalars():
            e = kb[de.entity_id]
            ents[de.entity_id] = m.Entity(id=e.id, type=de.type, name=de.name, name_vi=e.name_vi, wikidata=e.wikidata,
                                          in_kb=e.in_kb, country=de.country, titles=list(de.titles or []))
        for x in sess.execute(select(s.Mention).where(s.Mention.doc_pk == pk).order_by(s.Mention.id)).scalars():
            ents[x.entity_id].mentions.append(m.Mention(start=x.start, end=x.end, text=x.text))
        ex = d.extras or {}
        return m.Document(
            doc_id=d.doc_id, source=d.source, language=d.language or "vi", title=d.title, published=d.published,
            outlet=d.outlet, body=d.body, url=d.url, entities=list(ents.values()),
            timexes=[m.Timex(start=t.start, end=t.end, text=t.text, type=t.type, value=t.value) for t in
                     sess.execute(select(s.Timex).where(s.Timex.doc_pk == pk).order_by(s.Timex.id)).scalars()],
            events=[m.Event(type=e.type, date=e.date, participants=list(e.participants), location=e.location,
                            status=e.status, attributes=dict(e.attributes), evidence=m.Span(start=e.ev_start, end=e.ev_end),
                            trigger=(m.Span(start=e.trigger_start, end=e.trigger_end)
                                     if e.trigger_start is not None else None))
                    for e in sess.execute(select(s.Event).where(s.Event.doc_pk == pk).order_by(s.Event.idx)).scalars()],
            claims=[m.Claim(subject=c.subject, measure=c.measure, value=c.value, qualifier=c.qualifier, time=c.time,
                            target_time=c.target_time, source=c.source, unit=c.unit,
                            evidence=m.Span(start=c.ev_start, end=c.ev_end))
                    for c in sess.execute(select(s.Claim).where(s.Claim.doc_pk == pk).order_by(s.Claim.idx)).scalars()],
            quotes=[m.Quote(speaker=q.speaker, text=q.text, start=q.start, end=q.end) for q in
                    sess.execute(select(s.Quote).where(s.Quote.doc_pk == pk).order_by(s.Quote.id)).scalars()],
            sentences=[m.Span(**x) for x in ex.get("sentences", [])],
            paragraphs=[m.Span(**x) for x in ex.get("paragraphs", [])],
            removed=[m.RemovedLine(**x) for x in ex.get("removed", [])],
            warnings=list(ex.get("warnings", [])),
        )

    # ------------------------------------------------------------------ small queries
    def failures(self) -> list[dict]:
        with self.session() as sess:
            return [dict(source=f.source, doc_id=f.doc_id, stage=f.stage, error=f.error, attempts=f.attempts,
                         at=f.at.isoformat(timespec="seconds"))
                    for f in sess.execute(select(s.Failure).order_by(s.Failure.id)).scalars()]

    def stats(self) -> dict:
        with self.session() as sess:
            def count(t, *where):
                q = select(func.count()).select_from(t)
                for w in where:
                    q = q.where(w)
                return sess.execute(q).scalar_one()

            out = {
                "documents": count(s.Document),
                "near_duplicates": count(s.Document, s.Document.dup_of.is_not(None)),
                "entities": count(s.Entity),
                "mentions": count(s.Mention),
                "timexes": count(s.Timex),
                "events": count(s.Event),
                "corpus_events": count(s.CorpusEvent),
                "claims": count(s.Claim),
                "corpus_claims": count(s.CorpusClaim),
                "quotes": count(s.Quote),
                "failures": count(s.Failure),
            }
            out["languages"] = dict(sess.execute(select(s.Document.language, func.count()).group_by(
                s.Document.language).order_by(s.Document.language)).all())
            out["outlets"] = {k or "(none)": v for k, v in sess.execute(
                select(s.Document.outlet, func.count()).group_by(s.Document.outlet)
                .order_by(func.count().desc(), s.Document.outlet)).all()}
            lo, hi = sess.execute(select(func.min(s.Document.published), func.max(s.Document.published))).one()
            out["published_range"] = [lo, hi]
            out["backend"] = self.dialect
            return out


def _count_inputs(paths: list[str]) -> int | None:
    """Number of articles to expect, when it is the number of files (None with JSONL, WARC or stdin)."""
    from pathlib import Path

    from ..ingest import JSONL_SUFFIXES, WARC_SUFFIXES

    n = 0
    for a in paths:
        p = Path(a)
        files = [f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")] if p.is_dir() else [p]
        if a == "-" or any(f.suffix.lower() in JSONL_SUFFIXES or f.name.lower().endswith(WARC_SUFFIXES)
                           for f in files):
            return None
        n += len(files)
    return n


def _progress(show: bool):
    if not show:
        return None
    from ..cli import _progress as cli_progress

    return cli_progress(None)
