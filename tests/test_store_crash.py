"""Crash safety: kill -9 an ingest mid-run, the database is consistent, the re-run completes with nothing
lost or doubled."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")]

N_DOCS = 120


def _make_corpus(folder):
    """N distinct articles built from the seeds' paragraphs (shuffled, numbered)."""
    paras = [p for s in SEEDS for p in s.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    rnd = random.Random(7)
    folder.mkdir()
    for i in range(N_DOCS):
        body = rnd.sample(paras, 6)
        (folder / f"doc_{i:04d}.txt").write_text(f"Bản tin số {i}\n" + "\n".join(body) + "\n", encoding="utf-8")


def _expected(folder) -> dict[str, tuple[int, int, int, int]]:
    from armswatch.ingest import RawDoc
    from armswatch.pipeline import process

    out = {}
    for p in sorted(folder.iterdir()):
        d = process(RawDoc(source=str(p), content=p.read_bytes()))
        out[d.doc_id] = (sum(len(e.mentions) for e in d.entities), len(d.timexes), len(d.events), len(d.claims))
    return out


def _state(db) -> dict[str, tuple[int, int, int, int]]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        # every stored document is searchable: its full-text row is there (FTS5 integrity check passes)
        con.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)")
        assert con.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == n_docs
        assert con.execute("SELECT count(*) FROM minhash_bands").fetchone()[0] == 16 * n_docs
        # every document has its search postings, or is pending (ingest writes postings in batches) and
        # search counts it from its body; the statistics cover exactly the documents with postings
        pending = con.execute("SELECT count(*) FROM search_pending").fetchone()[0]
        posted = con.execute("SELECT count(DISTINCT doc_pk) FROM search_postings").fetchone()[0]
        assert pending + posted == n_docs
        assert con.execute("SELECT n_docs FROM search_stats").fetchone()[0] == posted
        rows = con.execute(
            "SELECT d.doc_id, (SELECT count(*) FROM mentions m WHERE m.doc_pk=d.id),"
            " (SELECT count(*) FROM timexes t WHERE t.doc_pk=d.id), (SELECT count(*) FROM events e WHERE e.doc_pk=d.id),"
            " (SELECT count(*) FROM claims c WHERE c.doc_pk=d.id) FROM documents d").fetchall()
        return {r[0]: tuple(r[1:]) for r in rows}
    finally:
        con.close()


def _ingest_cmd(folder, db):
    return [sys.executable, "-c", "from armswatch.cli import main; main()", "ingest", str(folder), "--db", db,
            "--no-progress"]


def test_kill_9_mid_ingest_then_rerun(tmp_path):
    folder = tmp_path / "corpus"
    _make_corpus(folder)
    db = str(tmp_path / "kb.db")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(_ingest_cmd(folder, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            con = sqlite3.connect(db, timeout=1)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
        if stored >= 25:
            break
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read().decode()[-2000:]}"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    expected = _expected(folder)
    after_kill = _state(db)
    assert 25 <= len(after_kill) < N_DOCS  # killed mid-run
    for doc_id, counts in after_kill.items():  # whatever is stored is stored completely
        assert counts == expected[doc_id], doc_id

    r = subprocess.run(_ingest_cmd(folder, db), capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"{N_DOCS - len(after_kill)} added, {len(after_kill)} already stored, 0 failed" in r.stderr
    final = _state(db)
    assert final == expected  # nothing lost, nothing doubled, every fact there
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0  # the run wrote them all
    assert con.execute("SELECT value FROM meta WHERE key='merge_dirty'").fetchone()[0] == "0"
    n_ev = con.execute("SELECT count(*) FROM events e JOIN documents d ON d.id=e.doc_pk "
                       "WHERE d.dup_of IS NULL AND e.corpus_event_id IS NULL").fetchone()[0]
    assert n_ev == 0  # every report of a non-duplicate document belongs to a corpus event
    con.close()
    r = subprocess.run(_ingest_cmd(folder, db), capture_output=True, text=True, env=env, timeout=600)
    assert f"0 added, {N_DOCS} already stored" in r.stderr and _state(db) == expected
