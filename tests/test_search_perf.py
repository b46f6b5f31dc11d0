"""Search's top-k from the postings is the exact BM25 ranking: compared with scoring every document by
brute force, on a corpus where words repeat across documents with varied counts and lengths (phrases of
every length included); the postings and corpus statistics follow deletes and replacements; a common
word's top few are found without reading all its postings, a two-word phrase's without reading any
document that lacks it; and migration 0006 gives a database of revision 0005 the phrase keys ingest
writes."""
from __future__ import annotations

import math
import random
import sqlite3

import pytest
from sqlalchemy import text
from store_helpers import make_doc, search_index_rows

from armswatch.store import Store
from armswatch.store import search as S
from armswatch.store.text import folded_index_text

SENTENCES = [
    "Trung Quốc có thêm đầu đạn hạt nhân.",
    "Mỹ và Trung Quốc tham vấn về kiểm soát vũ khí.",
    "Các bên bàn về ổn định chiến lược tại Geneva.",
    "Bộ Ngoại giao cho biết cuộc đàm phán bị đình trệ.",
    "The United States and China held arms control talks.",
    "Russia said the treaty on nuclear warheads expired.",
    "Các quan chức điện đàm về an ninh khu vực.",
    "Đầu năm nay, dân biểu hỏi về đạn dược.",
    "Ông nói: không, không, không bao giờ.",
]
QUERIES = ["dau dan", "Đầu đạn hạt nhân", "kiem soat vu khi", "Trung Quoc", "hat nhan", "the", "Geneva",
           "arms control talks", "dan dau", "xyzzy", "warheads treaty",
           # a pair repeated back to back (counted without overlap), phrases longer than the counted runs
           # (their n from the backend's full-text index), a phrase whose words all occur but never in order
           "khong khong", "khong khong khong", "trung quoc tham van ve kiem soat", "my va trung quoc tham van",
           "Bo Ngoai giao", "dau dan hat nhan", "tham van ve kiem soat vu khi", "hat nhan dau dan"]


def _corpus(n: int, seed: int = 7) -> list:
    rnd = random.Random(seed)
    return [make_doc(f"d{i:03d}", [rnd.choice(SENTENCES) for _ in range(rnd.randint(1, 9))]) for i in range(n)]


def _phrase_tf(toks: list[str], ph: list[str]) -> int:
    """Non-overlapping occurrences of the phrase as whole tokens."""
    i = n = 0
    while i <= len(toks) - len(ph):
        if toks[i:i + len(ph)] == ph:
            n, i = n + 1, i + len(ph)
        else:
            i += 1
    return n


def _brute(bodies: dict[str, str], query: str, mode: str, limit: int) -> list[tuple[str, float]]:
    """BM25 (k1=1.2, b=0.75, Lucene idf, a phrase as one term) of every document, best first."""
    toks = {d: folded_index_text(b).split() for d, b in bodies.items()}
    qt = folded_index_text(query).split()
    phrases = [qt] if mode == "phrase" else [[t] for t in dict.fromkeys(qt)]
    N = len(toks)
    avgdl = sum(map(len, toks.values())) / N
    tfs = {d: [_phrase_tf(t, ph) for ph in phrases] for d, t in toks.items()}
    dfs = [sum(1 for d in tfs if tfs[d][i]) for i in range(len(phrases))]
    out = []
    for d, tf in tfs.items():
        if not all(tf):
            continue
        dl = len(toks[d])
        score = sum(math.log(1 + (N - n + 0.5) / (n + 0.5)) * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * dl / avgdl))
                    for f, n in zip(tf, dfs))
        out.append((d, round(score, 6)))
    out.sort(key=lambda x: (-x[1], x[0]))
    return out[:limit]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    st = Store(f"sqlite:///{tmp_path_factory.mktemp('searchperf') / 'kb.db'}")
    docs = _corpus(160)
    for d in docs:
        st.store_document(d, d.body.encode())
    yield st, {d.doc_id: d.body for d in docs}
    st.close()


def _check_against_brute(st: Store, bodies: dict[str, str]) -> int:
    compared = 0
    with st.session() as sess:
        for q in QUERIES:
            for mode in ("phrase", "all"):
                for limit in (1, 3, 10, 50):
                    got = [(h.doc_id, h.score) for h in S.search(sess, st.dialect, q, limit=limit, mode=mode)]
                    assert got == _brute(bodies, q, mode, limit), (q, mode, limit)
                    compared += len(got)
    return compared


def test_top_k_is_the_brute_force_bm25_ranking(corpus_store):
    st, bodies = corpus_store
    assert _check_against_brute(st, bodies) > 500  # not vacuous: most queries have hits


def test_postings_follow_deletes_and_replacements(tmp_path):
    st = Store(f"sqlite:///{tmp_path / 'kb.db'}")
    docs = _corpus(60, seed=3)
    for d in docs:
        st.store_document(d, d.body.encode())
    bodies = {d.doc_id: d.body for d in docs}
    for did in ("d001", "d010", "d033"):
        assert st.delete_document(did)
        del bodies[did]
    new = make_doc("d005", ["Nga và Mỹ không còn hiệp ước kiểm soát vũ khí hạt nhân."] * 3)
    st.store_document(new, b"x", replace=True)
    bodies["d005"] = new.body
    with st.session() as sess:
        n_docs, n_tokens = sess.execute(text("SELECT n_docs, n_tokens FROM search_stats")).one()
        assert (n_docs, n_tokens) == sess.execute(text("SELECT count(*), sum(n_tokens) FROM documents")).one()
        assert sess.execute(text("SELECT count(*) FROM search_postings WHERE doc_pk NOT IN "
                                 "(SELECT id FROM documents)")).scalar_one() == 0
        hits = S.search(sess, st.dialect, "hiep uoc kiem soat", limit=5)
    assert [h.doc_id for h in hits] == ["d005"] and "[hiệp ước kiểm soát]" in hits[0].snippet
    _check_against_brute(st, bodies)
    st.close()


def test_common_word_top_few_read_few_postings(corpus_store, monkeypatch):
    st, bodies = corpus_store
    popped = []
    real = S._Stream.pop
    monkeypatch.setattr(S._Stream, "pop", lambda self: popped.append(1) or real(self))
    with st.session() as sess:
        df = sess.execute(text("SELECT df FROM search_terms WHERE term = 'trung'")).scalar_one()
        hits = S.search(sess, st.dialect, "Trung", limit=3)
    assert len(hits) == 3 and df > 60
    assert len(popped) < df / 4  # the threshold stopped early: most postings were never read


def test_a_terms_postings_open_in_two_statements_and_come_best_first(corpus_store):
    """A stream reads the term's tf values and each tf group's first page in two statements (one per
    group cost a round trip each on PostgreSQL), then yields every posting best first."""
    from sqlalchemy import event

    st, _ = corpus_store
    stmts = []

    def count(*a):
        stmts.append(1)
    with st.session() as sess:
        rows = sess.execute(text("SELECT tf, dl, doc_pk FROM search_postings WHERE term = 'trung'")).all()
        assert len({tf for tf, _, _ in rows}) >= 4 and len(rows) > S._Stream.PAGE  # several groups, and pages
        sess.connection()  # the session's connection exists before counting
        event.listen(st.engine, "before_cursor_execute", count)
        try:
            stream = S._Stream(sess, "trung", avgdl=30.0)
        finally:
            event.remove(st.engine, "before_cursor_execute", count)
        assert len(stmts) == 2
        got = []
        while (pk := stream.pop()) is not None:
            got.append(pk)
    want = [pk for _, _, pk in sorted((-S._tf_part(tf, dl, 30.0), dl, pk) for tf, dl, pk in rows)]
    assert got == want


def test_pending_documents_are_searched_the_same(tmp_path):
    """Ingest leaves postings pending and writes them in batches: while some are pending, search gives the
    brute-force ranking all the same; deleting or replacing a pending document keeps the statistics right;
    after `index_pending` the tables are what storing each document at once gives."""
    st = Store(f"sqlite:///{tmp_path / 'kb.db'}")
    docs = _corpus(80, seed=5)
    for i, d in enumerate(docs):
        st.store_document(d, d.body.encode(), index_now=i < 50)  # the last 30 pending
    bodies = {d.doc_id: d.body for d in docs}
    with st.session() as sess:
        assert sess.execute(text("SELECT count(*) FROM search_pending")).scalar_one() == 30
    assert _check_against_brute(st, bodies) > 200
    assert st.delete_document("d060")  # pending
    del bodies["d060"]
    new = make_doc("d070", ["Nga và Mỹ không còn hiệp ước kiểm soát vũ khí hạt nhân."] * 2)
    st.store_document(new, b"y", replace=True, index_now=False)  # pending, replaced while pending
    bodies["d070"] = new.body
    _check_against_brute(st, bodies)
    assert st.index_pending() == 29
    assert st.index_pending() == 0
    _check_against_brute(st, bodies)

    ref = Store(f"sqlite:///{tmp_path / 'ref.db'}")  # the same documents, indexed as they are stored
    for d in docs:
        if d.doc_id != "d060":
            ref.store_document(new if d.doc_id == "d070" else d, b"y" if d.doc_id == "d070" else d.body.encode())

    def tables(s):
        with s.session() as sess:
            pk = dict(sess.execute(text("SELECT id, doc_id FROM documents")).all())
            return (sorted((t, tf, dl, pk[p]) for t, tf, dl, p in sess.execute(text("SELECT * FROM search_postings"))),
                    sorted(sess.execute(text("SELECT term, df FROM search_terms")).all()),
                    sess.execute(text("SELECT n_docs, n_tokens FROM search_stats")).one())
    assert tables(st) == tables(ref)
    st.close()
    ref.close()


def test_two_word_phrase_reads_only_documents_holding_it(corpus_store, monkeypatch):
    """A pair's postings are the phrase's own: every document read holds the phrase (reading through the
    rarest word also read documents where 'dau' and 'dan' stand apart: 'Đầu năm', 'đạn dược')."""
    st, bodies = corpus_store
    read = []
    real = S._top_k.__globals__["_BODIES"]
    with st.session() as sess:
        orig_execute = sess.execute

        def spy(stmt, params=None, *a, **kw):
            if stmt is real:
                read.extend(params["ids"])
            return orig_execute(stmt, params, *a, **kw)
        monkeypatch.setattr(sess, "execute", spy)
        hits = S.search(sess, st.dialect, "dau dan", limit=5)
        pk = dict(orig_execute(text("SELECT id, doc_id FROM documents")).all())
    assert len(hits) == 5 and len(read) >= 5
    assert all("dau dan" in folded_index_text(bodies[pk[i]]) for i in read)


def test_migration_0006_on_a_revision_0005_database(tmp_path):
    """A database written by revision 0005 (word postings only; some documents pending) upgraded to 0006
    holds exactly the postings and counts that storing the documents with the current code gives, and
    searches the same."""
    from alembic import command
    from armswatch.store.db import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    st = Store(url)
    docs = _corpus(70, seed=11)
    for i, d in enumerate(docs):
        st.store_document(d, d.body.encode(), index_now=i < 55)  # the last 15 pending
    st.close()
    cfg = alembic_config(url)
    command.downgrade(cfg, "0005")  # what revision 0005 wrote: no key of two or more words
    con = sqlite3.connect(tmp_path / "old.db")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
    assert con.execute("SELECT count(*) FROM search_terms WHERE term LIKE '% %'").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM search_pending").fetchone() == (15,)
    con.close()
    st = Store(url)  # upgrades to head
    st.index_pending()
    ref = Store(f"sqlite:///{tmp_path / 'ref.db'}")
    for d in docs:
        ref.store_document(d, d.body.encode())

    got = search_index_rows(st)
    assert got == search_index_rows(ref)
    assert any(" " in t for t, _ in got[1]) and any(t.count(" ") == 3 for t, _ in got[1])
    assert _check_against_brute(st, {d.doc_id: d.body for d in docs}) > 200
    st.close()
    ref.close()
