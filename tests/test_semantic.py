"""Semantic and cross-lingual search: units, vectors kept with their text, language centring, the
demo corpus (a Vietnamese query finds the English report of the same talks), CLI, API, web page."""
from __future__ import annotations

import json
import socket

import numpy as np
import pytest
from conftest import ROOT
from fastapi.testclient import TestClient
from store_helpers import make_doc
from typer.testing import CliRunner

from armswatch.store import Store
from armswatch.store import semantic as S
from armswatch.store.search import find

CORPUS = ROOT / "examples" / "corpus"
EN_TALKS = "en_2023_us_china_consultations.html"  # 6 Nov 2023 US–China consultations, English
VI_TALKS = "vi_2023_thamvan_my_trung.txt"          # the same talks, Vietnamese
EN_SSD = "en_2021_ssd_geneva_held.txt"              # 28 Jul 2021 Geneva SSD round, English
VI_SSD = "vi_2021_ssd_truoc_vongdamphan.txt"        # the same round, Vietnamese


def _names(hits) -> list[str]:
    return [h.source.rsplit("/", 1)[-1] for h in hits]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo corpus, ingested and embedded once (~10 s CPU)."""
    st = Store(f"sqlite:///{tmp_path_factory.mktemp('sem') / 'kb.db'}")
    st.ingest([str(CORPUS)])
    rep = S.embed(st)
    yield st, rep
    st.close()


# ------------------------------------------------------------------------------------------ units
def test_units_are_title_and_paragraph_spans_cut_at_sentence_ends():
    s1 = "Hai phái đoàn đã gặp nhau tại Geneva trong hai ngày để bàn về ổn định chiến lược. " * 20
    body = "GENEVA\n\n" + s1.strip() + "\n\nĐoạn thứ hai ngắn gọn về kết quả cuộc họp."
    long_start = body.index("Hai")
    sentences, pos = [], long_start
    while True:  # sentence spans as the pipeline stores them
        e = body.find(". ", pos)
        if e < 0 or e > body.index("\n\nĐoạn"):
            break
        sentences.append((pos, e + 1))
        pos = e + 2
    paras = [(0, 6), (long_start, body.index("\n\nĐoạn")), (body.index("Đoạn"), len(body))]
    us = S.units("Tiêu đề bài báo", body, paras, sentences)
    assert us[0] == S.Unit(None, None, "Tiêu đề bài báo")
    assert all(u.text != "GENEVA" for u in us)  # a dateline is too short to carry a topic
    pieces = [u for u in us[1:] if u.start < body.index("\n\nĐoạn")]
    assert len(pieces) >= 2 and all(len(body[u.start:u.end]) <= S.MAX_UNIT_CHARS for u in pieces)
    assert all(body[u.end - 1] == "." for u in pieces)  # cut at sentence ends, nothing lost
    assert pieces[0].start == long_start and pieces[-1].end == body.index("\n\nĐoạn")
    assert us[-1].text == "Đoạn thứ hai ngắn gọn về kết quả cuộc họp."
    for u in us[1:]:
        assert " ".join(body[u.start:u.end].split()) == u.text


def test_language_centring_lets_a_cross_language_match_win():
    """Synthetic vectors: every 'vi' unit shares a language direction the query also has."""
    rng = np.random.default_rng(0)
    lang_dir, topic = rng.normal(size=S.DIM), rng.normal(size=S.DIM)
    noise = rng.normal(size=(60, S.DIM))
    vi = noise[:40] + 2.0 * lang_dir
    en = noise[40:]
    en[0] += 1.5 * topic  # the one English unit about the query's topic
    mat = np.vstack([vi, en]).astype(np.float32)
    mat /= np.linalg.norm(mat, axis=1, keepdims=True)
    q = (2.0 * lang_dir + 1.5 * topic).astype(np.float32)
    q /= np.linalg.norm(q)
    idx = S.Index("v", np.arange(60) // 2, np.zeros((60, 2), np.int64), mat, np.array(["vi"] * 40 + ["en"] * 20))
    cos, centred = idx.scores(q)
    assert int(np.argmax(cos)) < 40          # raw cosine: some Vietnamese unit wins on language alone
    assert int(np.argmax(centred)) == 40     # centred: the English unit on the topic
    assert idx.best_documents(centred, 3)[0] == 40 and len(idx.best_documents(centred, 100)) == 30
    docs = idx.doc_pk[idx.best_documents(centred, 30)]
    assert sorted(docs) == list(range(30))  # one row per document
    best = [max(centred[2 * d], centred[2 * d + 1]) for d in docs]
    assert best == sorted(best, reverse=True)


# ------------------------------------------------------------------------------------------ corpus
def test_embed_is_resumable_and_covers_every_document(demo):
    st, rep = demo
    with st.session() as sess:
        have, total = S.coverage(sess)
    assert rep.documents == total == have == 17 and rep.units >= 5 * total
    assert S.embed(st).documents == 0  # nothing left to do


def test_vietnamese_query_finds_the_english_report_of_the_same_talks(demo):
    st, _ = demo
    with st.session() as sess:
        used, hits = find(sess, st.dialect, "quan chức Mỹ và Trung Quốc gặp nhau bàn về vũ khí hạt nhân",
                          limit=5, mode="semantic")
    names = _names(hits)
    assert used == "semantic"
    assert names[0] == VI_TALKS and EN_TALKS in names[:3]
    assert [n for n in names if n.startswith("en_")][0] == EN_TALKS  # the first English article
    en = hits[names.index(EN_TALKS)]
    best = " ".join(st.load_document(en.doc_id).body[en.start:en.end].split())  # the best paragraph's span
    assert en.found_by == "semantic" and len(en.snippet) > 80 and best.startswith(en.snippet.rstrip("…"))


def test_english_query_finds_the_vietnamese_report_of_the_same_round(demo):
    st, _ = demo
    with st.session() as sess:
        _, hits = find(sess, st.dialect, "US and Russian delegations hold strategic stability talks in Geneva",
                       limit=3, mode="semantic")
    assert _names(hits)[:2] == [EN_SSD, VI_SSD]


def test_bm25_alone_misses_the_other_language_and_hybrid_finds_it(demo):
    st, _ = demo
    q = "cuộc tham vấn giữa Washington và Bắc Kinh về kiểm soát vũ khí hạt nhân"
    with st.session() as sess:
        _, lex = find(sess, st.dialect, q, limit=10, mode="bm25")
        used, hyb = find(sess, st.dialect, q, limit=3)  # default: hybrid, since vectors are stored
    assert _names(lex) == [VI_TALKS]  # the words match the Vietnamese report only
    assert used == "hybrid" and _names(hyb)[0] == VI_TALKS and EN_TALKS in _names(hyb)
    assert hyb[0].found_by == "both" and hyb[0].bm25 and hyb[0].cosine
    assert "[" in hyb[0].snippet  # the BM25 snippet, with the words marked, is kept


def test_hybrid_keeps_exact_name_matches_first(demo):
    st, _ = demo
    with st.session() as sess:
        _, lex = find(sess, st.dialect, "Tap Can Binh", limit=10, mode="bm25")
        _, hyb = find(sess, st.dialect, "Tap Can Binh", limit=10, mode="hybrid")
    assert len(lex) == 2 and {h.doc_id for h in hyb[:2]} == {h.doc_id for h in lex}
    assert all(h.found_by == "semantic" for h in hyb[2:])


# ------------------------------------------------------------------------------------------ consistency
def test_reprocess_drops_vectors_of_a_changed_body_only(tmp_path):
    st = Store(f"sqlite:///{tmp_path / 'kb.db'}")
    a = make_doc("da", ["Mỹ và Nga nhất trí gia hạn Hiệp ước New START thêm năm năm.",
                        "Hai bên trao đổi văn kiện tại Moskva."])
    b = make_doc("db", ["Triều Tiên phóng thử một tên lửa đạn đạo xuyên lục địa mới.",
                        "Nhật Bản và Hàn Quốc lên án vụ phóng."])
    for d in (a, b):
        st.store_document(d, d.body.encode())
    assert S.embed(st).documents == 2 and S.pending(st) == []
    with st.session() as sess:
        v0 = S._version(sess)
        _, hits = find(sess, st.dialect, "vụ thử tên lửa của Bình Nhưỡng", mode="semantic")
    assert [h.doc_id for h in hits] == ["db", "da"]
    st.store_document(a, a.body.encode(), replace=True)  # same text: vectors kept
    assert S.pending(st) == []
    b2 = make_doc("db", ["Nga đình chỉ tham gia Hiệp ước New START.", "Mỹ gọi đó là quyết định vô trách nhiệm."])
    st.store_document(b2, b2.body.encode(), replace=True)  # new text: vectors dropped in the same transaction
    with st.session() as sess:
        assert S._version(sess) != v0
        _, hits = find(sess, st.dialect, "vụ thử tên lửa của Bình Nhưỡng", mode="semantic")
    assert [h.doc_id for h in hits] == ["da"]  # the stale vectors of db are not searched
    assert len(S.pending(st)) == 1 and S.embed(st).documents == 1
    with st.session() as sess:
        _, hits = find(sess, st.dialect, "Nga rút khỏi hiệp ước vũ khí chiến lược", mode="semantic")
    assert hits[0].doc_id == "db"
    st.close()


def test_model_loads_and_embeds_without_network(monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("network access")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    S._model.cache_clear()
    v = S.embed_passages(["Hiệp ước New START hết hạn năm 2026.", "New START expires in 2026."])
    assert v.shape == (2, S.DIM) and abs(float(np.linalg.norm(v[0])) - 1) < 1e-3
    assert float(v[0] @ v[1]) > 0.85  # the same sentence in two languages


# ------------------------------------------------------------------------------------------ interfaces
def test_cli_embed_and_search_modes(tmp_path):
    from armswatch import cli_store  # noqa: F401  (registers the commands)
    from armswatch.cli import app

    db = str(tmp_path / "cli.db")
    r = CliRunner().invoke(app, ["ingest", str(CORPUS / "vi_2023_thamvan_my_trung.txt"),
                                 str(CORPUS / "en_2023_us_china_consultations.html"),
                                 str(CORPUS / "vi_2024_hwasong19.txt"), "--db", db, "--no-progress"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["search", "tham van", "--db", db, "--mode", "semantic", "-f", "json"])
    assert r.exit_code == 0 and "no vectors stored" in r.output  # falls back to BM25, and says so
    r = CliRunner().invoke(app, ["embed", "--db", db, "--no-progress"])
    assert r.exit_code == 0 and "3 documents embedded" in r.output and "3/3" in r.output, r.output
    r = CliRunner().invoke(app, ["search", "Washington and Beijing discuss arms control", "--db", db,
                                 "--mode", "semantic", "-f", "json"])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.stdout)
    assert [h["source"].rsplit("/", 1)[-1] for h in hits][0] == EN_TALKS and hits[0]["cosine"] > 0
    assert hits[-1]["source"].endswith("vi_2024_hwasong19.txt")  # the missile test is the farthest


def test_api_and_page_offer_the_modes(demo):
    from armswatch.web.app import create_app

    st, _ = demo
    c = TestClient(create_app(st.url))
    q = "quan chức Mỹ và Trung Quốc gặp nhau bàn về vũ khí hạt nhân"
    r = c.get("/api/search", params={"q": q, "mode": "semantic", "limit": 3}).json()
    assert r["mode"] == "semantic" and EN_TALKS in [h["source"].rsplit("/", 1)[-1] for h in r["items"]]
    assert c.get("/api/search", params={"q": "x", "mode": "fuzzy"}).status_code == 422
    assert c.get("/api/search", params={"q": "Tap Can Binh"}).json()["mode"] == "hybrid"
    page = c.get("/search", params={"q": q, "mode": "", "lang": "en"}).text  # the form's "automatic"
    assert 'id="search-mode"' in page and 'id="search-used"' in page and "Meaning</span>" in page
    assert "U.S. and China hold rare arms control talks in Washington" in page


def test_page_without_vectors_says_how_to_get_them(tmp_path):
    from armswatch.web.app import create_app

    url = f"sqlite:///{tmp_path / 'w.db'}"
    Store(url).ingest([str(CORPUS / "vi_2024_hwasong19.txt")])
    c = TestClient(create_app(url))
    page = c.get("/search", params={"q": "ten lua", "lang": "en"}).text
    assert 'id="search-novectors"' in page and '<option value="semantic" disabled>' in page
    assert c.get("/api/search", params={"q": "ten lua", "mode": "hybrid"}).json()["mode"] == "bm25"
