"""Full-text search, accent- and case-insensitive, BM25-ranked, with snippets; same results on both backends.

Bodies are indexed folded (`text.folded_index_text`): SQLite FTS5 over `documents.body_folded`,
PostgreSQL the generated column `body_tsv = to_tsvector('simple', body_folded)` (GIN). The query is folded the same way, so `dau dan`
and `đầu đạn` are the same query. The backend finds the matching documents (a phrase by default, or all
terms with mode="all"); scores are then computed in Python with BM25 (k1=1.2, b=0.75, Lucene's
non-negative idf=log(1+(N-n+0.5)/(n+0.5)), a phrase counted as one term) from the stored token counts, so both backends rank identically.
Snippets come from the original body: folding keeps offsets, so a match in the folded text is a span
of the body.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sqlalchemy import func, select, text

from .text import fold
from . import schema as s
from .text import TOKEN_RE, tokens

K1, B = 1.2, 0.75


@dataclass
class Hit:
    doc_id: str
    score: float
    title: str | None
    source: str
    outlet: str | None
    published: str | None
    snippet: str
    start: int  # span of the first match in the body
    end: int
    dup_of: str | None = None
    bm25: float | None = None    # the BM25 score, when the words matched
    cosine: float | None = None  # the best unit's cosine to the query, when vectors were searched
    found_by: str = "bm25"       # bm25 | semantic | both

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _fts5_phrase(toks: list[str]) -> str:
    return '"' + " ".join(toks) + '"'


def _match_ids(sess, dialect: str, toks: list[str], k: int) -> tuple[list[int], int]:
    """(candidate row ids, best first by the backend's own rank, at most k; total number of matches)."""
    q = " ".join(toks)
    if dialect == "sqlite":
        mq = _fts5_phrase(toks)
        ids = [r[0] for r in sess.execute(text(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rank LIMIT :k"), {"q": mq, "k": k})]
        n = sess.execute(text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"), {"q": mq}).scalar_one()
        return ids, n
    tsq = "phraseto_tsquery('simple', :q)"
    ids = [r[0] for r in sess.execute(text(
        f"SELECT id FROM documents WHERE body_tsv @@ {tsq} "
        f"ORDER BY ts_rank_cd(body_tsv, {tsq}) DESC, id LIMIT :k"), {"q": q, "k": k})]
    n = sess.execute(text(f"SELECT count(*) FROM documents WHERE body_tsv @@ {tsq}"), {"q": q}).scalar_one()
    return ids, n


def _count_phrase(doc_toks: list[str], phrase: list[str]) -> list[int]:
    """Token indexes where `phrase` starts in doc_toks."""
    L = len(phrase)
    first = phrase[0]
    return [i for i, t in enumerate(doc_toks) if t == first and doc_toks[i:i + L] == phrase]


def snippet(body: str, start: int, end: int, width: int = 160, mark: tuple[str, str] = ("[", "]")) -> str:
    before = max(0, start - width // 3)
    after = min(len(body), end + width - width // 3)
    while before > 0 and not body[before - 1].isspace() and start - before < width // 2:
        before -= 1
    while after < len(body) and not body[after].isspace() and after - end < width:
        after += 1
    pre = ("…" if before > 0 else "") + body[before:start]
    post = body[end:after] + ("…" if after < len(body) else "")
    return (pre + mark[0] + body[start:end] + mark[1] + post).replace("\n", " ")


def search(sess, dialect: str, query: str, limit: int = 10, mode: str = "phrase") -> list[Hit]:
    """Documents matching `query` (a phrase, or with mode='all' every term anywhere), best first."""
    qt = tokens(query)
    if not qt:
        return []
    phrases = [qt] if mode == "phrase" else [[t] for t in dict.fromkeys(qt)]
    k = max(100, limit * 5)  # candidates (by the backend's rank) that get exact BM25
    cand: set[int] | None = None
    dfs = []
    for ph in phrases:
        ids, n = _match_ids(sess, dialect, ph, k if len(phrases) == 1 else 10 ** 9)
        dfs.append(n)
        cand = set(ids) if cand is None else cand & set(ids)
    if not cand:
        return []
    N, total = sess.execute(select(func.count(), func.coalesce(func.sum(s.Document.n_tokens), 0))
                            .select_from(s.Document)).one()
    avgdl = (total / N) if N else 1.0
    rows = sess.execute(select(s.Document.id, s.Document.doc_id, s.Document.body_folded, s.Document.n_tokens)
                        .where(s.Document.id.in_(sorted(cand)))).all()
    pats = [re.compile(r"(?<!\S)" + re.escape(" ".join(ph)) + r"(?!\S)") for ph in phrases]
    scored = []
    for r in rows:
        score = 0.0
        for pat, n in zip(pats, dfs):
            tf = sum(1 for _ in pat.finditer(r.body_folded))  # occurrences of the phrase as whole tokens
            if not tf:
                score = None
                break
            idf = math.log(1 + (N - n + 0.5) / (n + 0.5))
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * r.n_tokens / avgdl))
        if score is not None:
            scored.append((round(score, 6), r))
    scored.sort(key=lambda x: (-x[0], x[1].doc_id))
    top = scored[:limit]
    full = {d.id: d for d in sess.execute(
        select(s.Document.id, s.Document.body, s.Document.title, s.Document.source, s.Document.outlet,
               s.Document.published, s.Document.dup_of).where(s.Document.id.in_([r.id for _, r in top])))}
    hits = []
    for score, r0 in top:  # snippets only for what is returned
        r = full[r0.id]
        dt = r0.body_folded.split()
        first_tok = min(_count_phrase(dt, ph)[0] for ph in phrases)
        spans = [mm.span() for mm in TOKEN_RE.finditer(fold(r.body))]
        L = len(phrases[0]) if mode == "phrase" else 1
        st, en = spans[first_tok][0], spans[min(first_tok + L - 1, len(spans) - 1)][1]
        hits.append(Hit(doc_id=r0.doc_id, score=score, title=r.title, source=r.source, outlet=r.outlet,
                        published=r.published, snippet=snippet(r.body, st, en), start=st, end=en, dup_of=r.dup_of,
                        bm25=score))
    hits.sort(key=lambda h: (-h.score, h.doc_id))
    return hits[:limit]


# ------------------------------------------------------------------------------------- hybrid search
MODES = ("bm25", "semantic", "hybrid")
RRF_K = 60   # reciprocal-rank fusion constant (Cormack et al. 2009): 1/(60+rank) per list
DEPTH = 50   # how deep each list is read before fusing


def _semantic_snippet(body: str, start: int | None, end: int | None, width: int = 220) -> str:
    """The best unit's text (the lead paragraph when the title matched best), shortened at a space."""
    if start is None:
        start, end = 0, body.find("\n\n") if "\n\n" in body else len(body)
    text = " ".join(body[start:end].split())
    if len(text) > width:
        cut = text.rfind(" ", 0, width)
        text = text[:cut if cut > width // 2 else width] + "…"
    return text


def semantic_hits(sess, query: str, limit: int = 10) -> list[Hit]:
    """Nearest documents by meaning (any language), best first; score is the language-centred cosine."""
    from . import semantic

    near = semantic.nearest(sess, query, limit=limit)
    if not near:
        return []
    rows = {r.id: r for r in sess.execute(
        select(s.Document.id, s.Document.doc_id, s.Document.body, s.Document.title, s.Document.source,
               s.Document.outlet, s.Document.published, s.Document.dup_of)
        .where(s.Document.id.in_([h.doc_pk for h in near])))}
    out = []
    for h in near:
        r = rows.get(h.doc_pk)
        if r is None:  # deleted since the index was loaded
            continue
        out.append(Hit(doc_id=r.doc_id, score=h.score, title=r.title, source=r.source, outlet=r.outlet,
                       published=r.published, snippet=_semantic_snippet(r.body, h.start, h.end),
                       start=h.start or 0, end=h.end or 0, dup_of=r.dup_of, cosine=h.cosine, found_by="semantic"))
    return out


def default_mode(sess) -> str:
    """hybrid when the database holds vectors, else bm25 (nothing to load)."""
    from . import semantic

    return "hybrid" if semantic.has_vectors(sess) else "bm25"


def find(sess, dialect: str, query: str, limit: int = 10, mode: str | None = None,
         match: str = "auto") -> tuple[str, list[Hit]]:
    """(mode used, hits), best first.

    mode: bm25 | semantic | hybrid | None (hybrid when vectors are stored, else bm25); semantic and
    hybrid fall back to bm25 when no vectors are stored. match, for the BM25 list: phrase | all | auto
    (the phrase, else every term anywhere). Hybrid fuses the two rankings by reciprocal rank: a document
    found by both comes first, one that only the vectors find (another language, other words) still
    shows. The BM25 list never matches loose syllables: as a bag of words 'dau dan' also matches 'dần'
    and 'dẫn', and such a list, long and in one language, pushed the English report of talks queried
    in Vietnamese out of the top five (every Vietnamese article was in both lists); so a sentence-like
    query that matches neither as a phrase nor with all its words is ranked by the vectors alone."""
    if mode is not None and mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    if mode != "bm25" and default_mode(sess) == "bm25":
        mode = "bm25"
    mode = mode or "hybrid"
    depth = max(limit, DEPTH) if mode == "hybrid" else limit
    lex: list[Hit] = []
    if mode != "semantic":
        lex = search(sess, dialect, query, limit=depth, mode="all" if match == "all" else "phrase")
        if not lex and match == "auto":
            lex = search(sess, dialect, query, limit=depth, mode="all")
        if mode == "bm25":
            return mode, lex[:limit]
    sem = semantic_hits(sess, query, limit=depth)
    if mode == "semantic":
        return mode, sem[:limit]
    fused: dict[str, Hit] = {}
    score: dict[str, float] = {}
    for rank, h in enumerate(lex, 1):
        fused[h.doc_id] = h
        score[h.doc_id] = 1 / (RRF_K + rank)
    for rank, h in enumerate(sem, 1):
        if h.doc_id in fused:  # keep the BM25 snippet (it marks the words), add the cosine
            fused[h.doc_id].cosine, fused[h.doc_id].found_by = h.cosine, "both"
        else:
            fused[h.doc_id] = h
        score[h.doc_id] = score.get(h.doc_id, 0.0) + 1 / (RRF_K + rank)
    for did, h in fused.items():
        h.score = round(score[did], 6)
    hits = sorted(fused.values(), key=lambda h: (-h.score, h.doc_id))
    return mode, hits[:limit]
