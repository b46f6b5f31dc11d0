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
