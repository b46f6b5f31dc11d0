"""search postings

Revision ID: 0004
Revises: 0002m

`search_postings` (term, tf, dl, doc_pk): for every distinct folded token of a document, how often it
occurs (tf) and the document's length in tokens (dl), keyed so that one term's postings are read best
first (highest tf, then shortest document): search takes the exact BM25 top-k from there without
scoring every match (`store/search.py`). `search_terms` keeps each term's document frequency,
`search_stats` the document count and total tokens
(BM25's N and average length). Both are written with the document (`search.index_postings`), and
filled here for the documents already stored.
"""
from collections import Counter

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0002m'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('search_postings',
    sa.Column('term', sa.Text(), nullable=False),
    sa.Column('tf', sa.Integer(), nullable=False),
    sa.Column('dl', sa.Integer(), nullable=False),
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('term', 'tf', 'dl', 'doc_pk'),
    sqlite_with_rowid=False,
    )
    op.create_table('search_terms',
    sa.Column('term', sa.Text(), nullable=False),
    sa.Column('df', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('term'),
    )
    op.create_table('search_stats',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('n_docs', sa.BigInteger(), nullable=False),
    sa.Column('n_tokens', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    )
    bind = op.get_bind()
    n_docs = n_tokens = 0
    last = 0
    ins = sa.text("INSERT INTO search_postings (term, tf, dl, doc_pk) VALUES (:term, :tf, :dl, :doc_pk)")
    while True:  # in id order, a batch at a time (100,000 documents: ~14M tokens)
        rows = bind.execute(sa.text("SELECT id, body_folded FROM documents WHERE id > :last ORDER BY id LIMIT 2000"),
                            {"last": last}).all()
        if not rows:
            break
        batch = []
        for pk, folded in rows:
            toks = folded.split()
            n_docs, n_tokens = n_docs + 1, n_tokens + len(toks)
            batch.extend({"term": t, "tf": c, "dl": len(toks), "doc_pk": pk} for t, c in Counter(toks).items())
        bind.execute(ins, batch)
        last = rows[-1][0]
    bind.execute(sa.text("INSERT INTO search_terms (term, df) SELECT term, count(*) FROM search_postings GROUP BY term"))
    bind.execute(sa.text("INSERT INTO search_stats (id, n_docs, n_tokens) VALUES (1, :n, :t)"),
                 {"n": n_docs, "t": n_tokens})


def downgrade() -> None:
    op.drop_table('search_stats')
    op.drop_table('search_terms')
    op.drop_table('search_postings')
