"""Full-text search, accent- and case-insensitive, BM25-ranked, with snippets; same results on both backends.

Bodies are indexed folded (`text.folded_index_text`), so `dau dan` and `đầu đạn` are the same query.
Ranking is BM25 (k1=1.2, b=0.75, Lucene's non-negative idf=log(1+(N-n+0.5)/(n+0.5)), a phrase counted
as one term), computed here, so both backends rank identically. The exact top k is read from
`search_postings` (term, tf, dl, doc), best first, by the threshold algorithm (`_top_k`), instead of
scoring every matching document: on 100,000 documents a word in most of them cost 100+ ms that way.
The postings hold words and adjacent word pairs ('w1 w2'), so a phrase is read through its rarest pair.
N, the total length and the n of each word, pair and run of up to PHRASE_DF_MAX words are kept with the
postings (`index_postings`), so a phrase's n is one row on both backends; only a longer phrase's n is the
backend's match count (SQLite FTS5 over `documents.body_folded`, PostgreSQL `body_tsv`).
Snippets come from the original body, for the returned page only: folding keeps offsets, so a match
in the folded text is a span of the body.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

from sqlalchemy import bindparam, select, text

from .text import fold
from . import bulk, schema as s
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


def _phrase_df(sess, dialect: str, toks: list[str]) -> int:
    """Documents the backend's full-text index matches for the phrase (BM25's n for a phrase)."""
    if dialect == "sqlite":
        return sess.execute(text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"),
                            {"q": _fts5_phrase(toks)}).scalar_one()
    return sess.execute(text("SELECT count(*) FROM documents WHERE body_tsv @@ phraseto_tsquery('simple', :q)"),
                        {"q": " ".join(toks)}).scalar_one()


# ------------------------------------------------------------------------------------- postings
PHRASE_DF_MAX = 4  # search_terms keeps n of every run of up to this many words; longer phrases: the backend counts


def _phrase_key(toks: list[str]) -> str:
    """The key of a phrase (or word) in `search_postings` / `search_terms`: its tokens joined by a space
    (a token never contains one)."""
    return " ".join(toks)


def _index_keys(toks: list[str], min_n: int = 1) -> tuple[dict[str, int], set[str]]:
    """What a document's tokens put in the index, for keys of at least `min_n` words: the postings (word or
    adjacent pair -> its tf, occurrences counted as the phrase scorer counts them: non-overlapping, left
    to right) and the keys whose document frequency it adds to (runs of up to PHRASE_DF_MAX words)."""
    posts: dict[str, int] = Counter(toks) if min_n <= 1 else {}
    run = [a + " " + b for a, b in zip(toks, toks[1:])]  # runs of n words, n = 2, 3, ...
    for k, c in Counter(run).items():
        if c > 1 and k.split()[0] == k.split()[1]:  # 'a a a' holds one 'a a', not two
            c = len(re.findall(r"(?<!\S)" + re.escape(k) + r"(?!\S)", " ".join(toks)))
        posts[k] = c
    keys = set(posts)
    for n in range(3, PHRASE_DF_MAX + 1):
        run = [r + " " + t for r, t in zip(run, toks[n - 1:])]
        if n >= min_n:
            keys.update(run)
    return posts, keys


_ADD_DF = "ON CONFLICT (term) DO UPDATE SET df = search_terms.df + excluded.df"


def index_postings(cur, dialect: str, docs: list[tuple[int, list[str]]], min_n: int = 1) -> None:
    """Write the postings of documents (row id, tokens of the folded body): per word and per adjacent
    pair of words, (key, tf, dl, doc); the document frequencies of those and of every run of up to
    PHRASE_DF_MAX words; and count the documents in `search_stats` (after `unindex_postings` of an old
    text when a document is replaced). `min_n=2` writes only the phrase keys (migration 0006). Called by
    the store in a transaction, with a DBAPI cursor: for one document as it is stored, or for a batch of
    pending ones (`index_pending`), sorted by key so each page is touched once. Each table's rows go as one
    statement (`bulk.write_tables`)."""
    posts: list[tuple[str, int, int, int]] = []
    df: Counter = Counter()
    n_tokens = 0
    for pk, toks in docs:
        counts, keys = _index_keys(toks, min_n)
        dl = len(toks)
        n_tokens += dl
        posts.extend(zip(counts, counts.values(), repeat(dl), repeat(pk)))  # (key, tf, dl, doc), built in C
        df.update(keys)
    if posts:
        posts.sort(key=itemgetter(0))  # by key: each page touched once (a string key sorts ~2.5x faster than the tuple)
        # ON CONFLICT DO NOTHING: postings left by a body changed behind the store's back
        bulk.write_tables(cur, dialect, [
            (bulk.insert_sql(dialect, "search_postings", ("term", "tf", "dl", "doc_pk"), "ON CONFLICT DO NOTHING"),
             posts),
            (bulk.insert_sql(dialect, "search_terms", ("term", "df"), _ADD_DF), sorted(df.items(), key=itemgetter(0)))])
    if min_n > 1:
        return
    ph = "?" if dialect == "sqlite" else "%s"
    cur.execute(f"UPDATE search_stats SET n_docs = n_docs + {ph}, n_tokens = n_tokens + {ph} WHERE id = 1",
                (len(docs), n_tokens))


def index_pending(cur, dialect: str) -> int:
    """Write the postings of every pending document (`search_pending`) in the caller's transaction;
    returns how many. The pending rows are taken first (DELETE ... RETURNING), so two writers never
    index a document twice."""
    cur.execute("DELETE FROM search_pending RETURNING doc_pk")
    pks = sorted(r[0] for r in cur.fetchall())
    docs = []
    ph = "?" if dialect == "sqlite" else "%s"
    for i in range(0, len(pks), 500):
        chunk = pks[i:i + 500]
        cur.execute(f"SELECT id, body_folded FROM documents WHERE id IN ({', '.join([ph] * len(chunk))})", chunk)
        docs.extend((pk, folded.split()) for pk, folded in cur.fetchall())
    index_postings(cur, dialect, docs)
    return len(docs)


def unindex_postings(conn, pk: int, old_folded: str) -> None:
    """Remove the postings of a document's stored text (by primary key: the old text names them); a
    document still pending has none: it only leaves `search_pending`."""
    if conn.execute(text("DELETE FROM search_pending WHERE doc_pk = :pk"), {"pk": pk}).rowcount:
        return
    toks = old_folded.split()
    counts, keys = _index_keys(toks)
    rows = sorted((t, c, len(toks), pk) for t, c in counts.items())
    ph = "?" if conn.dialect.name == "sqlite" else "%s"
    if rows:
        conn.exec_driver_sql(f"DELETE FROM search_postings WHERE term = {ph} AND tf = {ph} AND dl = {ph} "
                             f"AND doc_pk = {ph}", rows)
        conn.exec_driver_sql(f"UPDATE search_terms SET df = df - 1 WHERE term = {ph}", [(k,) for k in sorted(keys)])
    conn.exec_driver_sql(f"UPDATE search_stats SET n_docs = n_docs - 1, n_tokens = n_tokens - {ph} WHERE id = 1",
                         (len(toks),))


def _tf_part(tf: float, dl: int, avgdl: float) -> float:
    """BM25's term-frequency saturation with length normalisation (idf aside)."""
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl))


# a term's distinct tf values in one statement: one index seek each (a loose index scan; DISTINCT would
# read every posting)
_TFS = text("WITH RECURSIVE t(tf) AS (SELECT min(tf) FROM search_postings WHERE term = :t UNION ALL "
            "SELECT (SELECT min(tf) FROM search_postings WHERE term = :t AND tf > t.tf) FROM t WHERE t.tf IS NOT NULL) "
            "SELECT tf FROM t WHERE tf IS NOT NULL")
_PAGE = text("SELECT dl, doc_pk FROM search_postings WHERE term = :t AND tf = :tf "
             "AND (dl > :dl OR (dl = :dl AND doc_pk > :pk)) ORDER BY dl, doc_pk LIMIT :n")
_DF = text("SELECT term, df FROM search_terms WHERE term IN :ts").bindparams(bindparam("ts", expanding=True))
_PENDING = text("SELECT d.id, d.doc_id, d.body_folded, d.n_tokens FROM search_pending p "
                "JOIN documents d ON d.id = p.doc_pk")
_BODIES = text("SELECT id, doc_id, body_folded, n_tokens FROM documents WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True))


@lru_cache(maxsize=64)
def _first_pages(n_tfs: int):
    """One statement reading the first page of each of `n_tfs` tf groups of a term (parameters t, n,
    tf0, tf1...): per group an index range in (dl, doc_pk) order, as `_PAGE` reads the next ones."""
    return text(" UNION ALL ".join(
        f"SELECT * FROM (SELECT tf, dl, doc_pk FROM search_postings WHERE term = :t AND tf = :tf{i} "
        f"ORDER BY dl, doc_pk LIMIT :n) AS p{i}" for i in range(n_tfs)))


class _Stream:
    """One term's postings, best first by `_tf_part` (exact order for any avgdl: it grows with tf and
    falls with dl, so each tf group is read by ascending dl and the groups are merged on a heap).
    Pages are read with keyset pagination, so a common term costs only the postings actually read;
    the term's tf values and each group's first page are two statements (a query per group cost a
    round trip each: 20-60 statements for a query of common words)."""

    PAGE = 64
    GROUPS = 100  # tf groups whose first pages go in one statement (SQLite allows 500 compound SELECTs)

    def __init__(self, sess, term: str, avgdl: float):
        self.sess, self.term, self.avgdl = sess, term, avgdl
        self.heap: list[tuple[float, int, int, int]] = []  # (-tf_part, dl, doc_pk, tf)
        self.pending: dict[int, list[tuple[int, int]]] = {}  # tf -> fetched (dl, doc_pk), ascending
        self.last: dict[int, tuple[int, int] | None] = {}    # tf -> keyset position; None when exhausted
        tfs = sess.execute(_TFS, {"t": term}).scalars().all()
        for i in range(0, len(tfs), self.GROUPS):
            chunk = tfs[i:i + self.GROUPS]
            pages: dict[int, list[tuple[int, int]]] = {tf: [] for tf in chunk}
            params = {"t": term, "n": self.PAGE, **{f"tf{j}": tf for j, tf in enumerate(chunk)}}
            for tf, dl, pk in sess.execute(_first_pages(len(chunk)), params):
                pages[tf].append((dl, pk))
            for tf, rows in pages.items():
                self._fill(tf, sorted(rows))

    def _refill(self, tf: int) -> None:
        pos = self.last[tf]
        if pos is None:
            return
        rows = self.sess.execute(_PAGE, {"t": self.term, "tf": tf, "dl": pos[0], "pk": pos[1], "n": self.PAGE}).all()
        self._fill(tf, [(r[0], r[1]) for r in rows])

    def _fill(self, tf: int, rows: list[tuple[int, int]]) -> None:
        """A page of the tf group, in (dl, doc_pk) order: queued, its best pushed on the heap."""
        self.last[tf] = rows[-1] if len(rows) == self.PAGE else None
        self.pending[tf] = rows[::-1]
        self._push(tf)

    def _push(self, tf: int) -> None:
        if self.pending.get(tf):
            dl, pk = self.pending[tf].pop()
            heapq.heappush(self.heap, (-_tf_part(tf, dl, self.avgdl), dl, pk, tf))
        elif self.last.get(tf) is not None:
            self._refill(tf)

    def bound(self) -> float:
        """The best `_tf_part` still unread (0 when exhausted)."""
        return -self.heap[0][0] if self.heap else 0.0

    def pop(self) -> int | None:
        if not self.heap:
            return None
        _, _, pk, tf = heapq.heappop(self.heap)
        self._push(tf)
        return pk


def _stream_keys(phrase: list[str]) -> list[str]:
    """The posting lists a phrase can be read through: its word, or its adjacent pairs."""
    if len(phrase) == 1:
        return phrase
    return [_phrase_key(phrase[i:i + 2]) for i in range(len(phrase) - 1)]


def _top_k(sess, phrases: list[list[str]], dfs: list[int], tdf: dict[str, int], N: int, avgdl: float,
           limit: int, pending: list = ()) -> list[tuple]:
    """Exact BM25 top `limit` (ties at the cut included), by the threshold algorithm (Fagin et al. 2003).

    Each phrase is read through the postings of its rarest adjacent pair (a word: its own): a phrase
    occurs at most as often as each of its pairs (non-overlapping occurrences start two or more words
    apart), so that pair's `_tf_part` bounds the phrase's; a two-word phrase's pair postings are the
    phrase's. Documents come off the streams best bound first and are scored exactly from their folded
    body; reading stops when the `limit`-th exact score beats the best score any unread document could
    still reach."""
    idfs = [math.log(1 + (N - n + 0.5) / (n + 0.5)) for n in dfs]
    pats = [re.compile(r"(?<!\S)" + re.escape(_phrase_key(ph)) + r"(?!\S)") for ph in phrases]
    streams = [_Stream(sess, min(_stream_keys(ph), key=lambda k: (tdf[k], k)), avgdl) for ph in phrases]
    seen: set[int] = set()
    best: list[tuple[float, int]] = []  # min-heap of the top exact scores
    scored = []

    # a document lacking a phrase's text lacks the phrase: tested first, rarest first (a substring test
    # is ~20x cheaper than the pattern, and most documents read off a common word's postings lack a rarer one)
    needles = [_phrase_key(ph) for _, ph in sorted(zip(dfs, phrases), key=itemgetter(0))]

    def score(rows) -> None:
        for r in rows:
            body = r.body_folded
            if not all(k in body for k in needles):
                continue
            sc = 0.0
            for pat, idf in zip(pats, idfs):
                tf = len(pat.findall(body))  # occurrences of the phrase as whole tokens
                if not tf:
                    sc = None
                    break
                sc += idf * _tf_part(tf, r.n_tokens, avgdl)
            if sc is None:
                continue
            sc = round(sc, 6)
            scored.append((sc, r))
            if len(best) < limit:
                heapq.heappush(best, (sc, r.id))
            elif sc > best[0][0]:
                heapq.heapreplace(best, (sc, r.id))

    # documents whose postings are not written yet are scored first (so the bound covers only the others)
    seen.update(r.id for r in pending)
    score(pending)
    take = max(1, limit // len(streams))
    while True:
        bound = round(sum(i * st.bound() for i, st in zip(idfs, streams)), 6)
        if len(best) >= limit and best[0][0] > bound or bound == 0:
            break
        batch = []
        for st in streams:  # round robin; the rounds grow, so a long read costs few queries
            for _ in range(take):
                pk = st.pop()
                if pk is None:
                    break
                if pk not in seen:
                    seen.add(pk)
                    batch.append(pk)
        if not batch:
            break
        take = min(2 * take, 256)
        score(sess.execute(_BODIES, {"ids": batch}))
    return scored


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
    N, total = sess.execute(text("SELECT n_docs, n_tokens FROM search_stats WHERE id = 1")).one()
    pending = sess.execute(_PENDING).all()  # stored, postings not written yet (an ingest batch): counted here
    N, total = N + len(pending), total + sum(r.n_tokens for r in pending)
    if not N:
        return []
    avgdl = total / N
    # n of each word, adjacent pair and phrase of up to PHRASE_DF_MAX words, kept with the postings
    keys = [k for ph in phrases for k in _stream_keys(ph)] + [_phrase_key(ph) for ph in phrases
                                                              if len(ph) <= PHRASE_DF_MAX]
    tdf = dict.fromkeys(qt + keys, 0)
    tdf.update(sess.execute(_DF, {"ts": list(tdf)}).all())
    for r in pending:
        body = f" {r.body_folded} "
        for k in tdf:
            tdf[k] += f" {k} " in body
    if not all(tdf.values()):
        return []  # a word or pair no document has
    dfs = []
    for ph in phrases:  # a longer phrase's n: the backend's full-text index counts it
        n = tdf[_phrase_key(ph)] if len(ph) <= PHRASE_DF_MAX else _phrase_df(sess, dialect, ph)
        if not n:
            return []
        dfs.append(n)
    scored = _top_k(sess, phrases, dfs, tdf, N, avgdl, limit, pending)
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
