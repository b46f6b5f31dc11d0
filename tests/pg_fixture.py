"""A PostgreSQL server for the tests: $ARMSWATCH_TEST_PG, or one started with scripts/pg_test_server.sh."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "pg_test_server.sh"


def _have_pg_binaries() -> bool:
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or shutil.which("initdb") is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """URL of a PostgreSQL server (the database part is replaced per test by `pg_url`)."""
    url = os.environ.get("ARMSWATCH_TEST_PG")
    if url:
        yield url
        return
    if not _have_pg_binaries():
        pytest.skip("PostgreSQL tests need ARMSWATCH_TEST_PG or the postgresql binaries "
                    "(apt-get install -y postgresql); .ci/run provides them")
    d = tempfile.mkdtemp(prefix="armswatch-pg-")
    env = dict(os.environ, PG_TEST_PORT=str(_free_port()))
    r = subprocess.run(["bash", str(SCRIPT), "start", d], capture_output=True, text=True, env=env, timeout=120)
    if r.returncode != 0:
        pytest.fail(f"could not start PostgreSQL: {r.stderr[-2000:]}")
    try:
        yield r.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", d], capture_output=True, env=env, timeout=120)


@pytest.fixture()
def pg_url(pg_server):
    """A fresh, empty database on the test server, dropped afterwards."""
    from armswatch.store.db import temporary_database

    with temporary_database(pg_server, "aw") as url:
        yield url
