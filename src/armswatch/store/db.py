"""Engine, sessions and migrations: `connect(url)` gives a ready (migrated) engine.

URL: `--db` > env `ARMSWATCH_DB` > `sqlite:///armswatch.db`. A bare path is a SQLite file;
`postgresql://` is rewritten to `postgresql+psycopg://` (psycopg 3).
"""
from __future__ import annotations

from datetime import datetime, timezone

import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

DEFAULT_DB = "sqlite:///armswatch.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def resolve_url(url: str | None = None) -> str:
    url = url or os.environ.get("ARMSWATCH_DB") or DEFAULT_DB
    if "://" not in url:  # a file path
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL: a committed transaction survives a crash of the process
    # checkpoint every ~40 MB of WAL instead of 4 MB: pages that many transactions rewrite (index pages,
    # the FTS structure) are copied back to the database file once per checkpoint (ingest: -13% CPU)
    cur.execute("PRAGMA wal_autocheckpoint=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str | None = None) -> Engine:
    url = resolve_url(url)
    if url.startswith("sqlite"):
        eng = create_engine(url, future=True)
        event.listen(eng, "connect", _sqlite_pragmas)
    else:
        eng = create_engine(url, future=True, pool_pre_ping=True)
    return eng


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision (no-op when current)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == _head():
        return
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@lru_cache(maxsize=1)
def _head() -> str:
    return head_revision()


def connect(url: str | None = None, migrate_schema: bool = True) -> Engine:
    eng = make_engine(url)
    if eng.dialect.name == "sqlite":
        db_path = eng.url.database
        if db_path and db_path != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    if migrate_schema:
        migrate(eng)
    return eng


@contextmanager
def temporary_database(server_url: str, prefix: str = "aw"):
    """A new, empty PostgreSQL database on the server of `server_url`, dropped afterwards (tests,
    benchmarks). C collation, so text sorts as in SQLite and the two backends return the same order."""
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(resolve_url(server_url))
    admin = u.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' LC_COLLATE \'C\' LC_CTYPE \'C.UTF-8\'')
    try:
        yield u.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def utcnow() -> datetime:
    """Now in UTC, naive: how the store's DateTime columns hold times on both backends."""
    return datetime.now(timezone.utc).replace(tzinfo=None)
