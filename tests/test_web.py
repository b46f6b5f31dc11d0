"""REST API and UI over a store holding the five seeds: status codes, filters, escaping, auth, limits."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from conftest import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")


@pytest.fixture(scope="module")
def db_url(tmp_path_factory):
    from armswatch.store.repo import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    Store(url).ingest([str(p) for p in SEEDS])
    return url


@pytest.fixture()
def client(db_url, monkeypatch):
    monkeypatch.delenv("ARMSWATCH_TOKEN", raising=False)
    from armswatch.web.app import create_app

    return TestClient(create_app(db_url))


def test_every_page_renders(client):
    for url in ["/", "/timeline", "/claims", "/entities", "/documents", "/search?q=dau+dan", "/stats", "/upload",
                "/docs", "/static/app.css"]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
    assert client.get("/static/plotly.min.js").headers["content-type"].startswith("application/javascript")


def test_accent_insensitive_search_finds_warhead_article(client):
    items = client.get("/api/search", params={"q": "dau dan"}).json()["items"]
    assert items and any("đầu đạn" in h["snippet"] for h in items)
    page = client.get("/search", params={"q": "dau dan"}).text
    assert "<mark>đầu đạn</mark>" in page


def test_timeline_filters_and_event_reports(client):
    all_ev = client.get("/api/events").json()
    cn = client.get("/api/events", params={"country": "cn"}).json()
    assert 0 < cn["total"] <= all_ev["total"]
    assert all(any(p["id"] == "cn" for p in e["participants"]) for e in cn["items"])
    talks = client.get("/api/events", params={"country": "China", "type": "talks"}).json()["items"]
    assert talks and all(e["type"] == "talks" for e in talks)
    track2 = client.get("/api/events", params={"track": "2"}).json()["items"]
    assert all(e["attributes"].get("track") == "2" for e in track2)
    ev = talks[0]
    detail = client.get(f"/api/events/{ev['id']}").json()
    rep = detail["reports"][0]
    doc = client.get(f"/api/documents/{rep['doc_id']}").json()
    assert doc["body"][rep["start"]:rep["end"]] == rep["evidence"]
    html = client.get(f"/documents/{rep['doc_id']}", params={"hl": f"{rep['start']}-{rep['end']}"}).text
    assert 'id="hl-target"' in html


def test_claim_series_for_china(client):
    items = client.get("/api/claims", params={"subject": "cn"}).json()["items"]
    assert items and all(c["subject"]["id"] == "cn" for c in items)
    assert {"nuclear_warheads", "nuclear_warheads_projected"} & {c["measure"] for c in items}
    assert client.get("/claims", params={"subject": "cn", "measure": "nuclear_warheads"}).status_code == 200


def test_entity_page_and_api(client):
    e = client.get("/api/entities/cn").json()
    assert e["entity"]["wikidata"] == "Q148" and e["mentions"] and e["events"]
    assert client.get("/api/entities/Trung Quoc").json()["entity"]["id"] == "cn"
    assert "Wikidata" in client.get("/entities/cn").text
    assert client.get("/api/entities/no-such-thing-xyz").status_code == 404


def test_validation_errors_are_4xx(client):
    assert client.get("/api/events", params={"type": "party"}).status_code == 422
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 422
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/static/../app.py").status_code == 404


def test_etag_and_not_modified(client):
    r = client.get("/api/stats")
    etag = r.headers["etag"]
    assert client.get("/api/stats", headers={"If-None-Match": etag}).status_code == 304


def test_upload_is_off_without_token_then_needs_it(client, db_url, monkeypatch):
    data = {"file": ("note.txt", "Mỹ và Nga đàm phán tại Geneva hôm 5/3.".encode(), "text/plain")}
    assert client.post("/api/documents", files=data).status_code == 403
    monkeypatch.setenv("ARMSWATCH_TOKEN", "s3cret")
    assert client.post("/api/documents", files=data).status_code == 401
    assert client.post("/api/documents", files=data, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = client.post("/api/documents", files=data, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 201 and r.json()["added"] == 1
    again = client.post("/api/documents", files=data, headers={"Authorization": "Bearer s3cret"}).json()
    assert again["added"] == 0 and again["skipped"] == 1


def test_upload_size_limit(client, monkeypatch):
    import armswatch.web.app as webapp

    monkeypatch.setenv("ARMSWATCH_TOKEN", "t")
    monkeypatch.setattr(webapp, "MAX_UPLOAD_BYTES", 1000)
    big = {"file": ("big.txt", b"a" * 5000, "text/plain")}
    assert client.post("/api/documents", files=big, headers={"Authorization": "Bearer t"}).status_code == 413


def test_article_text_is_escaped(client, monkeypatch):
    monkeypatch.setenv("ARMSWATCH_TOKEN", "t")
    evil = ('Ông "Bobby" <script>alert(1)</script> O\'Neil nói: “<img src=x onerror=alert(2)>” '
            'hôm 2/11 tại Washington.').encode()
    r = client.post("/api/documents", files={"file": ("evil.txt", evil, "text/plain")},
                    headers={"Authorization": "Bearer t"})
    doc_id = r.json()["doc_id"]
    html = client.get(f"/documents/{doc_id}").text
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    found = client.get("/search", params={"q": "script alert"}).text
    assert "<script>alert" not in found


def test_openapi_lists_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/events", "/api/events/{event_id}", "/api/claims", "/api/search", "/api/stats"]:
        assert path in spec["paths"], path
    json.dumps(spec)


def test_entity_mentions_walk_gives_the_plain_sort(db_url, monkeypatch):
    """The newest-first walk over the publication-date index (frequent entities) returns exactly the rows of
    sorting every mention, for every entity and several page sizes (ties on a date included)."""
    from sqlalchemy import event, func, select

    from armswatch.store import queries
    from armswatch.store import schema as s
    from armswatch.web.data import Store

    st = Store(db_url)
    walked = []
    event.listen(st.repo.engine, "before_cursor_execute",
                 lambda conn, cur, stmt, *a: walked.append(stmt) if "mentions.id IN" in stmt else None)
    with st.repo.session() as sess:
        eids = list(sess.execute(select(s.DocEntity.entity_id).group_by(s.DocEntity.entity_id)
                                 .order_by(func.count().desc())).scalars())
        assert len(eids) > 10
        for eid in eids:
            for limit in (1, 2, 3, 100):
                plain = [dict(r._mapping) for r in sess.execute(
                    select(s.Mention.text, s.Mention.start, s.Mention.end, s.Document.doc_id, s.Document.title,
                           s.Document.source).join(s.Document, s.Document.id == s.Mention.doc_pk)
                    .where(s.Mention.entity_id == eid)
                    .order_by(s.Document.published.is_(None), s.Document.published.desc(), s.Mention.id).limit(limit))]
                monkeypatch.setattr(queries, "WALK_FROM", 0)  # every entity counts as frequent: walk
                assert queries.entity_mentions(sess, eid, limit) == plain, (eid, limit)
                monkeypatch.setattr(queries, "WALK_FROM", 10 ** 9)  # none does: plain sort
                assert queries.entity_mentions(sess, eid, limit) == plain, (eid, limit)
    assert walked  # the walk answered (not only its fallback)


def test_claim_subjects_cached_per_corpus_state(db_url, monkeypatch):
    from sqlalchemy import func, select

    from armswatch.store import schema as s
    from armswatch.web.data import Store

    st = Store(db_url)
    first = st.claim_subjects()
    with st.repo.session() as sess:
        ids = list(sess.execute(select(s.CorpusClaim.subject).where(s.CorpusClaim.subject.is_not(None))
                                .group_by(s.CorpusClaim.subject).order_by(func.count().desc())).scalars())
    assert [e["id"] for e in first] == ids and "cn" in ids
    assert st.claim_subjects() is first  # same corpus state: not regrouped
    monkeypatch.setattr(st, "_signature", lambda sess: ("another corpus state",))
    again = st.claim_subjects()
    assert again is not first and again == first


def test_server_start_freezes_the_long_lived_heap_once(db_url, monkeypatch):
    import gc

    from armswatch.web import app as web_app

    freezes = []
    real_freeze = gc.freeze
    monkeypatch.setattr(web_app, "_heap_frozen", False)
    monkeypatch.setattr(gc, "freeze", lambda: (freezes.append(1), real_freeze()))
    try:
        with TestClient(web_app.create_app(db_url)) as c:  # the lifespan runs as under uvicorn
            assert freezes == [1] and gc.get_freeze_count() > 0
            with TestClient(web_app.create_app(db_url)):
                assert freezes == [1]  # a second app in the process freezes nothing more
            assert c.get("/claims", params={"subject": "cn"}).status_code == 200
    finally:
        gc.unfreeze()
