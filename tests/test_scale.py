"""Dask: `ingest --dask` on a 2-worker LocalCluster stores the same database content as the
single-process ingest, and `extract --dask` prints byte-identical output."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")]
INPUTS = [str(p) for p in SEEDS] + [str(ROOT / "examples" / "corpus")]


def cli(*args: str) -> str:
    r = subprocess.run([sys.executable, "-m", "armswatch", *args], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def test_ingest_on_dask_gives_the_same_database(tmp_path):
    single, dask = tmp_path / "single.db", tmp_path / "dask.db"
    cli("ingest", *INPUTS, "--db", str(single), "--no-progress")
    cli("ingest", *INPUTS, "--db", str(dask), "--no-progress", "--dask", "--workers", "2", "--batch-size", "4")
    for what in ("documents", "events", "claims"):
        a = cli("export", what, "--db", str(single), "--format", "jsonl")
        b = cli("export", what, "--db", str(dask), "--format", "jsonl")
        assert a.strip() and a == b, what
    assert cli("stats", "--db", str(single), "--format", "json") == cli("stats", "--db", str(dask), "--format", "json")


def test_extract_on_dask_is_byte_identical(tmp_path):
    a = cli("extract", *INPUTS)
    b = cli("extract", *INPUTS, "--dask", "--workers", "2", "--batch-size", "3")
    n = a.count("\n")
    assert n > 20 and a == b
    shards = tmp_path / "shards"
    cli("extract", *INPUTS, "--dask", "--workers", "2", "--shards", str(shards), "--shard-format", "parquet",
        "--shard-size", "10")
    import pyarrow.parquet as pq

    tables = [pq.read_table(p) for p in sorted(shards.glob("*.parquet"))]
    assert len(tables) == -(-n // 10) and sum(t.num_rows for t in tables) == n


def test_large_jsonl_is_sliced_across_workers(tmp_path):
    import json

    from armswatch.scale import JsonlSlice, list_units

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "corpus").glob("*.txt"))]
    big = tmp_path / "feed.jsonl"
    with open(big, "w", encoding="utf-8") as f:
        for i in range(200):
            f.write(json.dumps({"text": f"Bản tin {i}\n" + texts[i % len(texts)]}, ensure_ascii=False) + "\n")
        f.write("{not json\n")
    units = list_units([str(big)], lines_per_slice=16)
    assert len(units) == 13 and all(isinstance(u, JsonlSlice) for u in units)
    assert sum(u.n_lines for u in units) == 201 and units[-1].first_line == 193
    r1 = subprocess.run([sys.executable, "-m", "armswatch", "extract", str(big)], capture_output=True, text=True)
    r2 = subprocess.run([sys.executable, "-m", "armswatch", "extract", str(big), "--dask", "--workers", "2",
                         "--batch-size", "16"], capture_output=True, text=True)
    assert r1.returncode == r2.returncode == 1  # the broken line is reported, the rest comes out
    assert r1.stdout.count("\n") == 200 and r1.stdout == r2.stdout
    assert f"{big}:201: invalid JSON" in r2.stderr
