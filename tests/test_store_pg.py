"""SQLite and PostgreSQL give the same knowledge base: the seeds + examples/corpus ingested into both,
then timeline, entities, claims, search results and exports compared. Needs a PostgreSQL server
(ARMSWATCH_TEST_PG, or the Debian binaries to start a throwaway one)."""
from __future__ import annotations

import io

import pytest
from conftest import ROOT, SEEDS
from pg_fixture import pg_server, pg_url  # noqa: F401  (fixtures)
from store_helpers import make_doc, search_index_rows, seed_like_docs

from armswatch.store import Store
from armswatch.store import export as X
from armswatch.store import queries as Q
from armswatch.store.search import search

pytestmark = pytest.mark.slow

CORPUS = ROOT / "examples" / "corpus"
QUERIES = ["dau dan", "đầu đạn", "Tap Can Binh", "kiem soat vu khi", "New START", "Lau Nam Goc", "Geneva",
           "nuclear warheads", "arms control", "xyzzy",
           # phrases of 3-4 words (n from search_terms) and longer ones (n from each backend's full-text index)
           "Bo Ngoai giao", "on dinh chien luoc", "vu khi hat nhan", "kiem soat vu khi hat nhan",
           "arms control talks", "the United States and China"]
ENTITY_NAMES = ["China", "United States", "Russia", "Trung Quoc", "Lầu Năm Góc", "Tap Can Binh", "Geneva"]


def _snapshot(st: Store) -> dict:
    with st.session() as sess:
        snap = {
            "timeline": Q.timeline(sess),
            "timeline_cn_talks": Q.timeline(sess, country="CN", since="2021", type="talks"),
            "claims": Q.claims(sess),
            "claims_cn": Q.claims(sess, subject="China", measure="nuclear_warheads"),
            "entities": {n: Q.entity(sess, n) for n in ENTITY_NAMES},
            "search": {q: [h.as_dict() for h in search(sess, st.dialect, q, limit=20)] for q in QUERIES},
            "search_all": {q: [h.as_dict() for h in search(sess, st.dialect, q, limit=20, mode="all")]
                           for q in QUERIES},
        }
        buf = io.StringIO()
        X.export_events(sess, "jsonl", buf)
        snap["export_events"] = buf.getvalue()
        buf = io.StringIO()
        X.export_claims(sess, "jsonl", buf)
        snap["export_claims"] = buf.getvalue()
        snap["graph"] = X.graph_jsonld(sess)
    stats = st.stats()
    stats.pop("backend")
    snap["stats"] = stats
    docs = io.StringIO()
    X.export_documents(st, "jsonl", docs)
    snap["documents"] = docs.getvalue()
    return snap


def test_sqlite_and_postgres_agree_on_seeds_and_corpus(tmp_path, pg_url):  # noqa: F811
    paths = [str(p) for p in SEEDS] + ([str(CORPUS)] if CORPUS.is_dir() else [])
    if not paths:
        pytest.skip("no seeds and no examples/corpus")
    lite = Store(f"sqlite:///{tmp_path / 'kb.db'}")
    pg = Store(pg_url)
    assert pg.dialect == "postgresql"
    r1, r2 = lite.ingest(paths), pg.ingest(paths)
    assert (r1.added, r1.failed) == (r2.added, r2.failed) and r1.added >= len(SEEDS)
    a, b = _snapshot(lite), _snapshot(pg)
    assert a["stats"]["documents"] == r1.added
    for key in a:
        assert a[key] == b[key], f"SQLite and PostgreSQL differ on {key}"
    # and the comparison is not vacuous
    assert a["search"]["dau dan"] and a["search"]["Tap Can Binh"] and a["entities"]["China"]["documents"] > 0
    # idempotent on PostgreSQL as well
    assert pg.ingest(paths).added == 0 and _snapshot(pg)["stats"] == b["stats"]
    lite.close()
    pg.close()


def test_postgres_merge_and_series_on_hand_built_docs(pg_url):  # noqa: F811
    pg = Store(pg_url)
    for d in seed_like_docs():
        pg.store_document(d, d.body.encode())
    pg.merge()
    with pg.session() as sess:
        nov = [e for e in Q.timeline(sess, type="talks") if e["date"] == "2023-11"]
        assert len(nov) == 1 and [r["doc_id"] for r in nov[0]["reports"]] == ["d002", "d001"]
        hits = search(sess, pg.dialect, "dam phan kenh 1")
        assert [h.doc_id for h in hits] == ["d001"] and "[đàm phán Kênh 1]" in hits[0].snippet
    pg.close()


def test_postgres_schema_is_the_alembic_head(pg_url):  # noqa: F811
    from sqlalchemy import inspect, text

    from armswatch.store.db import head_revision

    pg = Store(pg_url)
    with pg.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
        idx = {r[0] for r in c.execute(text("SELECT indexname FROM pg_indexes WHERE tablename='documents'"))}
    assert "ix_documents_fts" in idx
    assert {"documents", "entities", "mentions", "events", "claims", "corpus_events", "failures",
            "dup_links"} <= set(inspect(pg.engine).get_table_names())
    pg.close()


def test_postgres_migration_0006_matches_sqlite(tmp_path, pg_url):  # noqa: F811
    """A PostgreSQL database of revision 0005 (word postings only) upgraded to 0006 holds the phrase keys
    and counts SQLite writes for the same documents, and phrase searches agree."""
    from alembic import command
    from sqlalchemy import text

    from armswatch.store.db import alembic_config

    docs = seed_like_docs()
    pg = Store(pg_url)
    for i, d in enumerate(docs):
        pg.store_document(d, d.body.encode(), index_now=i % 2 == 0)  # half pending
    pg.close()
    command.downgrade(alembic_config(pg_url), "0005")
    pg = Store(pg_url)  # upgrades to head
    pg.index_pending()
    lite = Store(f"sqlite:///{tmp_path / 'kb.db'}")
    for d in docs:
        lite.store_document(d, d.body.encode())

    a, b = search_index_rows(lite), search_index_rows(pg)
    assert a == b and any(t.count(" ") == 3 for t, _ in a[1])
    with lite.session() as s1, pg.session() as s2:
        for q in ("dam phan kenh 1", "tham van", "kiem soat vu khi", "Trung Quoc va My"):
            h1 = [x.as_dict() for x in search(s1, lite.dialect, q)]
            assert h1 == [x.as_dict() for x in search(s2, pg.dialect, q)]
    lite.close()
    pg.close()


def test_rows_written_in_one_statement_read_back_exactly_on_both_backends(tmp_path, pg_url):  # noqa: F811
    """PostgreSQL gets a document's rows as JSON texts (store/bulk.py): floats that have no short decimal,
    large and tiny magnitudes, quotes, backslashes, escapes, non-ASCII text and NULLs come back as the
    SQLite store (plain parameters) gives them, and the document reads back as it was stored."""
    from sqlalchemy import text

    from armswatch.model import Entity, Mention

    sent = ['Ông "Lý" nói: C:\\kho\\đầu đạn \\n {"x": [1]} — ước tính 1/3 và 0,1.', "Dòng hai\tcó tab."]
    body = "\n".join(sent)
    odd = Entity(id="x:odd\"id\\", type="PERSON", name='Lý "Bác" \\ Sĩ', name_vi=None, wikidata=None,
                 titles=['bộ trưởng "quốc phòng"', "a\\b", "\u00e9\u0301 ☢"],
                 mentions=[Mention(start=4, end=9, text=body[4:9])])
    doc = make_doc("odd1", sent, claims=[
        dict(s=0, subject="cn", measure="nuclear_warheads", value=v, unit=u, time=None)
        for v, u in ((1 / 3, None), (0.1, "km"), (1e20, None), (5e-324, 'đơn vị "x"'), (123456789.123456, "\\"))],
        events=[dict(s=1, type="talks", date=None, participants=["cn", "us"],
                     attributes={"topic": 'nói "không"\\n', "n": "1e5"})], extra_entities=[odd])
    rows, back = {}, {}
    for name, url in (("sqlite", f"sqlite:///{tmp_path / 'kb.db'}"), ("pg", pg_url)):
        st = Store(url)
        st.store_document(doc, body.encode())
        back[name] = st.load_document("odd1")
        with st.engine.connect() as c:  # tables without JSON columns (drivers return those differently)
            rows[name] = [c.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2")).all()
                          for t in ("claims", "mentions", "entities", "timexes")]
        st.close()
    assert [r.value for r in rows["pg"][0]] == [1 / 3, 0.1, 1e20, 5e-324, 123456789.123456]
    assert rows["pg"] == rows["sqlite"]
    assert back["pg"] == back["sqlite"]
    assert back["pg"].claims == doc.claims and back["pg"].events == doc.events
    ents = [(e.id, e.name, e.titles) for e in doc.entities]
    assert [(e.id, e.name, e.titles) for e in back["pg"].entities] == ents
