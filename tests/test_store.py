"""The store on SQLite: ingest (idempotent, failures recorded), read-back, search, reprocess, queries, exports, CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import SEEDS
from store_helpers import make_doc, seed_like_docs
from typer.testing import CliRunner

from armswatch.ingest import doc_id_for
from armswatch.store import Store
from armswatch.store import queries as Q
from armswatch.store.search import search

needs_seeds = pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")


@pytest.fixture()
def store(tmp_path):
    st = Store(f"sqlite:///{tmp_path / 'kb.db'}")
    yield st
    st.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    st = Store(f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'kb.db'}")
    rep = st.ingest([str(p) for p in SEEDS])
    yield st, rep
    st.close()


@needs_seeds
def test_ingest_seeds_then_again_stores_nothing_new(seeded):
    st, rep = seeded
    assert (rep.added, rep.skipped, rep.failed) == (5, 0, 0)
    before = st.stats()
    rep2 = st.ingest([str(p) for p in SEEDS])
    assert (rep2.added, rep2.skipped, rep2.failed) == (0, 5, 0)
    assert st.stats() == before
    assert before["documents"] == 5


@needs_seeds
def test_stored_document_reads_back_as_the_pipeline_output(seeded, seed_docs):
    st, _ = seeded
    for p in SEEDS:
        d = st.load_document(doc_id_for(p.read_bytes()))
        assert d is not None
        assert d.to_contract(extras=True) == seed_docs[p.stem].to_contract(extras=True)


@needs_seeds
@pytest.mark.parametrize("query,expect", [
    ("dau dan", "đầu đạn"), ("ĐẦU ĐẠN", "đầu đạn"), ("Tap Can Binh", "Tập Cận Bình"),
    ("lau nam goc", "Lầu Năm Góc"), ("Vuong Nghi", "Vương Nghị"),
])
def test_search_is_accent_and_case_insensitive_with_snippets(seeded, query, expect):
    st, _ = seeded
    with st.session() as sess:
        hits = search(sess, st.dialect, query)
    assert hits, query
    for h in hits:
        body = st.load_document(h.doc_id).body
        assert body[h.start:h.end].lower() == expect.lower()  # the span maps back onto the original body
        assert f"[{body[h.start:h.end]}]" in h.snippet
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


@needs_seeds
def test_search_phrase_and_ranking(seeded):
    st, _ = seeded
    with st.session() as sess:
        assert search(sess, st.dialect, "đầu đạn xyzzy") == []
        assert search(sess, st.dialect, "xyzzy") == [] and search(sess, st.dialect, "  ,. ") == []
        # "dan dau" is not the phrase "dau dan" (the folded words are there, in the other order)
        phrase = {h.doc_id for h in search(sess, st.dialect, "dau dan", limit=50)}
        anyorder = {h.doc_id for h in search(sess, st.dialect, "dan dau", limit=50, mode="all")}
        assert phrase <= anyorder
        # a document saying it twice ranks above one saying it once (same length class)
        hits = search(sess, st.dialect, "Kênh 2", limit=50)
        assert hits and hits[0].source.endswith(SEEDS[1].name)


def test_search_bm25_prefers_more_occurrences(store):
    filler = "Các bên tiếp tục trao đổi ý kiến về nhiều vấn đề khác nhau trong khu vực."
    docs = [make_doc(f"d{i}", [filler] * 3 + ["Trung Quốc có thêm đầu đạn hạt nhân."] * i) for i in (1, 2, 3)]
    for d in docs:
        store.store_document(d, d.body.encode())
    with store.session() as sess:
        hits = search(sess, store.dialect, "dau dan hat nhan")
    assert [h.doc_id for h in hits] == ["d3", "d2", "d1"]


def test_failures_are_recorded_and_do_not_stop_the_run(store, tmp_path):
    from armswatch.pipeline import process_text  # noqa: F401  (the pipeline must import)

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Mỹ và Trung Quốc sẽ tham vấn về kiểm soát vũ khí hạt nhân.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")  # empty: cannot be turned into text
    (folder / "c.txt").write_text("Nga nói New START hết hạn năm 2026.", encoding="utf-8")
    rep = store.ingest([str(folder), str(tmp_path / "missing.txt")])
    assert rep.added == 2 and rep.failed == 2
    fails = store.failures()
    assert {f["source"].rsplit("/", 1)[-1] for f in fails} == {"b.txt", "missing.txt"}
    assert all(f["error"] for f in fails)
    rep2 = store.ingest([str(folder)])
    assert rep2.added == 0 and rep2.skipped == 2 and rep2.failed == 1
    fails = {f["source"].rsplit("/", 1)[-1]: f for f in store.failures()}
    assert fails["b.txt"]["attempts"] == 2  # one row per document, attempts counted
    (folder / "b.txt").write_text("Bây giờ đã có nội dung.", encoding="utf-8")
    store.ingest([str(folder)])
    # a new content is a new document; the old failure stays keyed on the old (empty) bytes' id
    assert store.stats()["documents"] == 3


def test_store_error_rolls_back_the_whole_document(store, monkeypatch):
    good = make_doc("g1", ["Mỹ và Trung Quốc đàm phán."], events=[
        dict(type="talks", date="2023-11", participants=["us", "cn"], status="held")])
    bad = make_doc("b1", ["Mỹ và Nga đàm phán."], events=[
        dict(type="talks", date="2021-07-28", participants=["us", "ru"], status="held")])
    store.store_document(good, b"g")
    import armswatch.store.repo as repo

    real = repo.Store._dedup

    def boom(self, *a, **k):  # fail after facts were inserted, inside the transaction
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(repo.Store, "_dedup", boom)
    with pytest.raises(RuntimeError):
        store.store_document(bad, b"b")
    monkeypatch.setattr(repo.Store, "_dedup", real)
    s = store.stats()
    assert s["documents"] == 1 and s["events"] == 1 and s["entities"] == 2  # nothing of b1 left behind
    with store.session() as sess:
        assert search(sess, store.dialect, "Nga") == []


def test_reprocess_reextracts_from_stored_raw(store, tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("Mỹ và Trung Quốc sẽ tham vấn về kiểm soát vũ khí hạt nhân.", encoding="utf-8")
    store.ingest([str(f)])
    from sqlalchemy import update

    from armswatch.store import schema as s

    with store.session() as sess, sess.begin():  # pretend an older extractor stored it, with a wrong body
        sess.execute(update(s.Document).values(extractor_version="old", body="garbage", body_folded="garbage"))
    f.unlink()  # the raw bytes are in the database
    rep = store.reprocess()
    assert rep.added == 1 and rep.failed == 0
    d = store.load_document(doc_id_for("Mỹ và Trung Quốc sẽ tham vấn về kiểm soát vũ khí hạt nhân.".encode()))
    assert "tham vấn" in d.body
    with store.session() as sess:
        assert search(sess, store.dialect, "tham van")
        assert search(sess, store.dialect, "garbage") == []
    assert store.reprocess().added == 0  # nothing stale any more
    assert store.reprocess(all_docs=True).added == 1


def test_near_duplicates_are_linked_and_not_double_counted(store):
    text = ("Bộ Ngoại giao Trung Quốc ngày 30/10 cho biết hai quốc gia sẽ tham vấn về kiểm soát vũ khí và không phổ "
            "biến vũ khí hạt nhân trong những ngày tới, cũng như tổ chức các cuộc đàm phán riêng về các vấn đề hàng "
            "hải. Các cuộc đàm phán sẽ do ông Mallory Stewart và ông Sun Xiaobo chủ trì. Hiện Bộ Ngoại giao Mỹ chưa "
            "đưa ra bình luận nào về thời gian hoặc hình thức các cuộc đàm phán.")
    ev = [dict(type="talks", date="2023-11", participants=["us", "cn"], status="planned")]
    cl = [dict(subject="cn", measure="nuclear_warheads", value=500, qualifier="more_than", time="2023", source="us")]
    a = make_doc("a", [text], published="2023-10-31", outlet="VOA", events=ev, claims=cl)
    b = make_doc("b", ["VTV: " + text + " (Theo Reuters)"], published="2023-10-31", outlet="VTV", events=ev, claims=cl)
    c = make_doc("c", ["Nga và Mỹ sẽ đàm phán về ổn định chiến lược tại Geneva vào ngày 28/7 tới đây."],
                 published="2021-07-24", events=[dict(type="talks", date="2021-07-28", participants=["us", "ru"],
                                                      status="planned")], claims=cl)
    for d in (a, b, c):
        store.store_document(d, d.body.encode())
    store.merge()
    s = store.stats()
    assert s["near_duplicates"] == 1
    with store.session() as sess:
        evs = Q.timeline(sess)
        cls = Q.claims(sess, subject="China")
    nov = [e for e in evs if e["date"] == "2023-11"]
    assert len(nov) == 1 and [r["doc_id"] for r in nov[0]["reports"]] == ["a"]
    assert [r["doc_id"] for r in nov[0]["reports"][0]["republished"]] == ["b"]
    assert len(cls) == 1 and sorted(r["doc_id"] for r in cls[0]["reports"]) == ["a", "c"]


def test_timeline_entity_claims_queries(store):
    docs = seed_like_docs()
    docs.append(make_doc("d003", ["Nga và Mỹ sẽ đàm phán tại Geneva ngày 28/7."], published="2021-07-24",
                         outlet="VTV", events=[dict(type="talks", date="2021-07-28", participants=["us", "ru"],
                                                    location="geneva", status="planned")],
                         claims=[dict(subject="cn", measure="nuclear_warheads", value=350, qualifier="approx",
                                      time="2021", source=None)]))
    docs[0].claims.clear()
    extra = [make_doc("k1", ["Trung Quốc có hơn 500 đầu đạn."], published="2023-10-20",
                      claims=[dict(subject="cn", measure="nuclear_warheads", value=500, qualifier="more_than",
                                   time="2023-10", source="us")]),
             make_doc("k2", ["Trung Quốc có khoảng 600 đầu đạn, theo một ước tính khác là 410."],
                      published="2023-10-25",
                      claims=[dict(subject="cn", measure="nuclear_warheads", value=600, qualifier="approx",
                                   time="2023-10", source=None),
                              dict(subject="cn", measure="nuclear_warheads", value=410, qualifier="exact",
                                   time="2023-01", source="sipri"),
                              dict(subject="cn", measure="nuclear_warheads_projected", value=1000,
                                   qualifier="more_than", time="2023", target_time="2030", source="us")]),
             make_doc("k3", ["Lầu Năm Góc: hơn 500 đầu đạn."], published="2023-10-21",
                      claims=[dict(subject="cn", measure="nuclear_warheads", value=500, qualifier="more_than",
                                   time="2023-10", source="us")])]
    for d in docs + extra:
        store.store_document(d, d.body.encode())
    store.merge()
    with store.session() as sess:
        all_ev = Q.timeline(sess)
        assert [e["date"] for e in all_ev if e["date"]] == sorted(e["date"] for e in all_ev if e["date"])
        ru = Q.timeline(sess, country="Russia")
        assert [e["date"] for e in ru] == ["2021-07-28"] and ru[0]["location"]["name"]
        assert Q.timeline(sess, country="RU") == ru and Q.timeline(sess, country="Nga") == ru
        cn = Q.timeline(sess, country="CN", since="2023-11", type="talks")
        assert [e["date"] for e in cn] == ["2023-11", "2024-03"]
        assert all(p["name"] in ("United States", "China") for e in cn for p in e["participants"])
        assert {p["wikidata"] for p in cn[0]["participants"]} == {"Q30", "Q148"}
        assert Q.timeline(sess, since="2030") == []
        ent = Q.entity(sess, "trung quoc")
        assert ent["id"] == "cn" and ent["wikidata"] == "Q148" and ent["documents"] >= 5
        assert any(e["date"] == "2023-11" for e in ent["events"])
        series = Q.claims(sess, subject="China", measure="nuclear_warheads")
        assert [(c["date"], c["value"], c["qualifier"]) for c in series] == [
            ("2021", 350, "approx"), ("2023-01", 410, "exact"), ("2023-10", 500, "more_than"),
            ("2023-10", 600, "approx")]
        assert [len(c["reports"]) for c in series] == [1, 1, 2, 1]
        # 410 contradicts "more than 500" and "about 600" (same year); "more than 500" and "about 600" agree
        assert [c["conflict"] for c in series] == [False, True, True, True]
        assert series[2]["source"] == {"name": "United States", "wikidata": "Q30"}
        proj = Q.claims(sess, subject="cn", measure="nuclear_warheads_projected")
        assert len(proj) == 1 and proj[0]["target_time"] == "2030" and not proj[0]["conflict"]


def test_exports(store, tmp_path):
    for d in seed_like_docs():
        store.store_document(d, d.body.encode())
    store.merge()
    from armswatch.store import export as X

    with store.session() as sess:
        buf = io.StringIO()
        n = X.export_events(sess, "jsonl", buf)
        lines = [json.loads(x) for x in buf.getvalue().splitlines()]
        assert n == len(lines) == 5
        for ev in lines:  # CORPUS.md shape
            assert set(ev) >= {"id", "type", "date", "dates", "participants", "location", "status", "attributes",
                               "conflicts", "reports"}
            for r in ev["reports"]:
                assert set(r) >= {"doc_id", "source", "outlet", "published", "status", "date", "evidence"}
                assert r["evidence"]
            for p in ev["participants"]:
                assert set(p) == {"name", "wikidata"}
        buf = io.StringIO()
        X.export_events(sess, "csv", buf)
        rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
        assert len(rows) == 5 and rows[0]["id"] == lines[0]["id"]
        pq_path = tmp_path / "ev.parquet"
        with open(pq_path, "wb") as f:
            X.export_events(sess, "parquet", f)
        import pyarrow.parquet as pq

        assert pq.read_table(pq_path).num_rows == 5
        g = X.graph_jsonld(sess)
        ids = {n["@id"] for n in g["@graph"]}
        assert "aw:entity/cn" in ids
        cn = next(n for n in g["@graph"] if n["@id"] == "aw:entity/cn")
        assert cn["sameAs"] == "wd:Q148"
        evn = [n for n in g["@graph"] if n["@type"] == "Event" and n.get("startDate") == "2023-11"
               and n["aw:eventType"] == "talks"]
        assert len(evn) == 1 and len(evn[0]["subjectOf"]) == 2
        assert set(evn[0]["participant"]) == {"aw:entity/us", "aw:entity/cn"}
        buf = io.StringIO()
        assert X.export_documents(store, "jsonl", buf) == 2
        assert {json.loads(x)["doc_id"] for x in buf.getvalue().splitlines()} == {"d001", "d002"}


@needs_seeds
def test_cli_end_to_end(tmp_path):
    from armswatch import cli_store  # noqa: F401  (registers the commands)
    from armswatch.cli import app

    db = str(tmp_path / "cli.db")
    r = CliRunner().invoke(app, ["ingest", *map(str, SEEDS), "--db", db, "--no-progress"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["ingest", str(SEEDS[0].parent), "--db", db, "--no-progress"])
    assert r.exit_code == 0 and "0 added, 5 already stored" in r.output
    r = CliRunner().invoke(app, ["search", "Tap Can Binh", "--db", db, "--format", "json"])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.stdout)
    assert hits and all("Tập Cận Bình" in h["snippet"] for h in hits)
    r = CliRunner().invoke(app, ["search", "dau dan", "--db", db, "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines()[0] == "score,published,outlet,source,snippet"
    for cmd in (["stats"], ["timeline", "--country", "CN", "--since", "2021", "--type", "talks"],
                ["claims", "--subject", "China", "--measure", "nuclear_warheads"], ["failures"], ["entity", "China"]):
        for fmt in ("table", "json", "csv"):
            r = CliRunner().invoke(app, [*cmd, "--db", db, "--format", fmt])
            assert r.exit_code == 0, (cmd, fmt, r.output)
    # a table written to a pipe keeps its rows whole: Rich would fold it to 80 columns
    r = CliRunner().invoke(app, ["claims", "--subject", "China", "--db", db], env={"COLUMNS": None})
    widths = [len(line) for line in r.stdout.splitlines()]
    assert r.exit_code == 0 and 80 < max(widths) <= 200, widths
    r = CliRunner().invoke(app, ["stats", "--db", db, "--format", "json"])
    assert json.loads(r.stdout)["documents"] == 5
    for what, fmt in (("events", "jsonl"), ("claims", "jsonl"), ("documents", "jsonl"), ("events", "csv"),
                      ("claims", "csv"), ("documents", "csv"), ("graph", "jsonld")):
        r = CliRunner().invoke(app, ["export", what, "--db", db, "--format", fmt])
        assert r.exit_code == 0, (what, fmt, r.output)
    r = CliRunner().invoke(app, ["export", "documents", "--db", db, "--format", "jsonl"])
    assert len(r.stdout.splitlines()) == 5
    out = tmp_path / "claims.parquet"
    r = CliRunner().invoke(app, ["export", "claims", "--db", db, "--format", "parquet", "--out", str(out)])
    assert r.exit_code == 0 and out.exists()
    r = CliRunner().invoke(app, ["entity", "no such thing at all", "--db", db])
    assert r.exit_code == 1


def test_default_db_from_env(tmp_path, monkeypatch):
    from armswatch.store.db import resolve_url

    monkeypatch.delenv("ARMSWATCH_DB", raising=False)
    assert resolve_url(None) == "sqlite:///armswatch.db"
    monkeypatch.setenv("ARMSWATCH_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url("postgresql://u@h:1/d") == "postgresql+psycopg://u@h:1/d"
    st = Store()
    assert st.stats()["documents"] == 0 and (tmp_path / "env.db").exists()


def test_cli_failures_reprocess_merge(tmp_path):
    from armswatch import cli_store  # noqa: F401
    from armswatch.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Mỹ và Nga sẽ đàm phán về New START tại Geneva.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"   \n")
    db = str(tmp_path / "c.db")
    r = CliRunner().invoke(app, ["ingest", str(folder), "--db", db, "--progress"])
    assert r.exit_code == 1 and "1 added, 0 already stored, 1 failed" in r.output
    r = CliRunner().invoke(app, ["failures", "--db", db, "--format", "json"])
    fails = json.loads(r.stdout)
    assert len(fails) == 1 and fails[0]["source"].endswith("empty.txt") and fails[0]["stage"] == "extract"
    r = CliRunner().invoke(app, ["reprocess", "--all", "--db", db, "--no-progress"])
    assert r.exit_code == 0 and "1 re-extracted" in r.output
    r = CliRunner().invoke(app, ["merge", "--db", db])
    assert r.exit_code == 0 and "corpus events" in r.output
    r = CliRunner().invoke(app, ["export", "events", "--db", db, "--format", "jsonld"])
    assert r.exit_code == 2
    r = CliRunner().invoke(app, ["search", "new start", "--db", db, "-f", "json"])
    assert [h["source"].rsplit("/", 1)[-1] for h in json.loads(r.stdout)] == ["ok.txt"]


def test_value_ranges_of_estimates():
    from armswatch.store.series import ranges_overlap, value_range

    def ov(a, b):
        return ranges_overlap(value_range(*a), value_range(*b))

    assert ov((500, "more_than"), (600, "approx"))
    assert not ov((410, "exact"), (500, "more_than"))
    assert not ov((500, "exact"), (500, "more_than"))  # "more than 500" excludes 500
    assert ov((500, "exact"), (500, "at_least"))
    assert not ov((500, "approx"), (600, "more_than"))  # [450, 550] vs (600, inf)
    assert ov((1000, "up_to"), (900, "approx")) and not ov((1000, "less_than"), (1000, "exact"))
