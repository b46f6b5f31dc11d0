"""Semantic and hybrid search give the same results on PostgreSQL as on SQLite (same migration, same
float16 bytes, same numpy index). Needs a PostgreSQL server (ARMSWATCH_TEST_PG or the Debian binaries)."""
from __future__ import annotations

import pytest
from conftest import ROOT
from pg_fixture import pg_server, pg_url  # noqa: F401  (fixtures)

from armswatch.store import Store
from armswatch.store import semantic as S
from armswatch.store.search import find

pytestmark = pytest.mark.slow

FILES = ["vi_2023_thamvan_my_trung.txt", "en_2023_us_china_consultations.html", "vi_2021_ssd_truoc_vongdamphan.txt",
         "en_2021_ssd_geneva_held.txt", "vi_2024_hwasong19.txt"]
QUERIES = ["quan chức Mỹ và Trung Quốc gặp nhau bàn về vũ khí hạt nhân", "strategic stability talks in Geneva",
           "Tap Can Binh", "tên lửa xuyên lục địa"]


def test_semantic_search_same_on_both_backends(tmp_path, pg_url):  # noqa: F811
    paths = [str(ROOT / "examples" / "corpus" / f) for f in FILES]
    lite, pg = Store(f"sqlite:///{tmp_path / 'kb.db'}"), Store(pg_url)
    for st in (lite, pg):
        st.ingest(paths)
        assert S.embed(st).documents == len(FILES)
    found = {}
    for q in QUERIES:
        for mode in ("semantic", "hybrid", "bm25"):
            with lite.session() as a, pg.session() as b:
                ra, rb = find(a, lite.dialect, q, mode=mode), find(b, pg.dialect, q, mode=mode)
            assert ra[0] == rb[0] == mode
            assert [h.as_dict() for h in ra[1]] == [h.as_dict() for h in rb[1]], (q, mode)
            found[q, mode] = len(ra[1])
    assert all(found[q, m] for q in QUERIES for m in ("semantic", "hybrid")) and found["Tap Can Binh", "bm25"]
    # reprocess on PostgreSQL keeps the vectors of unchanged bodies
    pg.reprocess(all_docs=True)
    assert S.pending(pg) == []
    lite.close()
    pg.close()
