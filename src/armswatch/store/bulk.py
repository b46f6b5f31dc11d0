"""Many rows of one table in one statement (several tables' in one on PostgreSQL), on a DBAPI cursor:
the store's write path.

SQLite: `executemany` of one prepared INSERT (the sqlite3 module binds in C). PostgreSQL: each table's
rows go as one JSON array text, `INSERT ... SELECT (e->>0)::type, ... FROM jsonb_array_elements(%s::jsonb)`.
The json module encodes a row list in C (~1 us a row); psycopg's array dumpers, used before
(`unnest(%b::int[], ...)`), are pure Python (~2.5 us an element: ~60% of the client's CPU when storing a
document), and its `executemany` costs ~25 us of Python a row. The server parses the JSON instead (in C;
jsonb is parsed once, so reading an element's fields re-parses nothing: about the server CPU the arrays
cost). Values are stored as before: JSON numbers are decimal texts that cast back to the same int or
float8 (json writes a float's shortest round-trip repr, jsonb keeps it as an exact numeric), strings
unescape to the same text, and each value is cast to its column's type, as the arrays were.
"""
from __future__ import annotations

import json
from functools import lru_cache

from . import schema as s

# allow_nan=False: PostgreSQL's JSON has no NaN/Infinity, so such a value fails here, before the statement
# (as on SQLite, which binds NaN as NULL and the NOT NULL columns refuse it)
_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


@lru_cache(maxsize=None)
def insert_sql(dialect: str, table: str, cols: tuple[str, ...], conflict: str = "") -> str:
    """The INSERT of many rows into `table` (columns `cols`), followed by `conflict` (an ON CONFLICT clause)."""
    q = ", ".join(f'"{c}"' for c in cols)
    if dialect == "sqlite":
        sql = f"INSERT INTO {table} ({q}) VALUES ({', '.join('?' * len(cols))})"
    else:
        from sqlalchemy.dialects import postgresql

        t = s.Base.metadata.tables[table]
        pg = postgresql.dialect()
        vals = ", ".join(f"(e->>{i})::{t.c[c].type.compile(dialect=pg)}" for i, c in enumerate(cols))
        sql = f"INSERT INTO {table} ({q}) SELECT {vals} FROM jsonb_array_elements(%s::jsonb) AS e"
    return f"{sql} {conflict}" if conflict else sql


@lru_cache(maxsize=None)
def delete_sql(dialect: str, table: str, col: str) -> str:
    """The DELETE of the rows of `table` whose `col` is one of the given values (rows of one value)."""
    if dialect == "sqlite":
        return f'DELETE FROM {table} WHERE "{col}" = ?'
    return f'DELETE FROM {table} WHERE "{col}" IN (SELECT e->>0 FROM jsonb_array_elements(%s::jsonb) AS e)'


def write_tables(cur, dialect: str, parts: list[tuple[str, list[tuple]]]) -> None:
    """Run `insert_sql` / `delete_sql` statements, each with its rows. SQLite: one executemany each (parts
    without rows skipped). PostgreSQL: all in ONE statement, `WITH p0 AS (INSERT ...), p1 AS (DELETE ...)
    SELECT 1` (every data-modifying WITH part runs once, to completion; foreign keys are checked at the
    statement's end, so a part may reference rows another part inserts). One statement instead of one per
    table saves psycopg's ~50-100 us of Python per execute and a round trip each."""
    if dialect == "sqlite":
        for sql, rows in parts:
            if rows:
                cur.executemany(sql, rows)
        return
    # empty parts are sent too: the statement's text then stays the same, and psycopg prepares it once
    sql = "WITH " + ", ".join(f"p{i} AS ({q})" for i, (q, _) in enumerate(parts)) + " SELECT 1"
    cur.execute(sql, tuple(_encode(rows) for _, rows in parts))
