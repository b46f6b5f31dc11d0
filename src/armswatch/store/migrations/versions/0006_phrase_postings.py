"""phrase postings

Revision ID: 0006
Revises: 0005

Phrases answered from the postings, the same on both backends: `search_postings` also holds each
document's adjacent word pairs (key 'w1 w2', tf, dl, doc) and `search_terms` the document frequency of
every pair and every run of three and four words (`search.PHRASE_DF_MAX`). A phrase's n for BM25 is then
one row instead of the backend's phrase count (on PostgreSQL `phraseto_tsquery` rechecked every matching
tsvector: 0.2-0.9 s for a phrase in half of 100,000 documents), and a phrase is read through its rarest
pair's postings instead of its rarest word's. Filled here for the stored documents whose postings are
written (pending ones get them from `search.index_pending`), with the code that writes them on ingest.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

BATCH = 2000


def upgrade() -> None:
    from armswatch.store.search import index_postings

    bind = op.get_bind()
    cur = bind.connection.driver_connection.cursor()
    last = 0
    while True:  # in id order, a batch at a time, sorted by key within the batch
        rows = bind.execute(sa.text("SELECT id, body_folded FROM documents WHERE id > :last AND id NOT IN "
                                    "(SELECT doc_pk FROM search_pending) ORDER BY id LIMIT :n"),
                            {"last": last, "n": BATCH}).all()
        if not rows:
            break
        index_postings(cur, bind.dialect.name, [(pk, folded.split()) for pk, folded in rows], min_n=2)
        last = rows[-1][0]


def downgrade() -> None:
    op.execute("DELETE FROM search_postings WHERE term LIKE '% %'")
    op.execute("DELETE FROM search_terms WHERE term LIKE '% %'")
