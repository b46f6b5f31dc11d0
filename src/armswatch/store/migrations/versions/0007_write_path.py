"""write path

Revision ID: 0007
Revises: 0006

Fewer B-tree pages written per stored document (issue #6). SQLite copies every page a transaction
changes to the WAL at its commit, and a document is one transaction: each index whose key is not
the row id or the document puts one more page in the WAL per key value the document brings.

Dropped, as no query reads them (events and claims are read by document, id or corpus event/claim;
the entity lookups use `ix_doc_entities_entity_doc`, whose first column is the entity; BM25's total
length is kept in `search_stats`):
`ix_doc_entities_entity_id` (a prefix of `ix_doc_entities_entity_doc`), `ix_events_type_date`,
`ix_claims_subject`, `ix_claims_subject_measure`, `ix_documents_n_tokens`.

SQLite only: `doc_entities`, `minhash_bands` and `search_terms` become WITHOUT ROWID tables (their
primary key is the table; before, a row table plus an index on the key: two B-trees written per row).
Rows copied in key order, so nothing else changes.
"""
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

DROPPED = (("doc_entities", "ix_doc_entities_entity_id", "(entity_id)"),
           ("events", "ix_events_type_date", "(type, date)"),
           ("claims", "ix_claims_subject", "(subject)"),
           ("claims", "ix_claims_subject_measure", "(subject, measure)"),
           ("documents", "ix_documents_n_tokens", "(n_tokens)"))

# SQLite: (table, columns and constraints, column names, primary key, indexes to create again)
WITHOUT_ROWID = (
    ("doc_entities",
     "doc_pk INTEGER NOT NULL, entity_id VARCHAR(200) NOT NULL, idx INTEGER NOT NULL, n_mentions INTEGER NOT NULL, "
     "name TEXT NOT NULL, type VARCHAR(20) NOT NULL, country VARCHAR(200), titles JSON NOT NULL, "
     "PRIMARY KEY (doc_pk, entity_id), FOREIGN KEY(doc_pk) REFERENCES documents (id) ON DELETE CASCADE, "
     "FOREIGN KEY(entity_id) REFERENCES entities (id)",
     "doc_pk, entity_id, idx, n_mentions, name, type, country, titles",
     "doc_pk, entity_id",
     ("CREATE INDEX ix_doc_entities_entity_doc ON doc_entities (entity_id, doc_pk, n_mentions)",)),
    ("minhash_bands",
     "band INTEGER NOT NULL, hash VARCHAR(16) NOT NULL, doc_pk INTEGER NOT NULL, PRIMARY KEY (band, hash, doc_pk), "
     "FOREIGN KEY(doc_pk) REFERENCES documents (id) ON DELETE CASCADE",
     "band, hash, doc_pk", "band, hash, doc_pk",
     ("CREATE INDEX ix_minhash_bands_doc_pk ON minhash_bands (doc_pk)",)),
    ("search_terms", "term TEXT NOT NULL, df INTEGER NOT NULL, PRIMARY KEY (term)", "term, df", "term", ()),
)


def _rebuild_sqlite_tables(options: str) -> None:
    """Copy each WITHOUT_ROWID table into a new one created with `options`, rows in key order."""
    for table, cols, names, key, indexes in WITHOUT_ROWID:
        op.execute(f"CREATE TABLE {table}_new ({cols}) {options}")
        op.execute(f"INSERT INTO {table}_new ({names}) SELECT {names} FROM {table} ORDER BY {key}")
        op.execute(f"DROP TABLE {table}")
        op.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
        for sql in indexes:
            op.execute(sql)


def upgrade() -> None:
    for table, name, _ in DROPPED:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite_tables("WITHOUT ROWID")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite_tables("")
    for table, name, cols in DROPPED:
        op.execute(f"CREATE INDEX {name} ON {table} {cols}")
