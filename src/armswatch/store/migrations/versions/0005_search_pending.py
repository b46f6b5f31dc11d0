"""search pending

Revision ID: 0005
Revises: 0004

`search_pending` (doc_pk): documents stored whose search postings, word document frequencies and corpus
token counts are not written yet. `armswatch ingest` stores each document in its own transaction with a
row here and writes the postings of a batch of them at once (`search.index_pending`): one document's ~100
distinct words touch ~100 pages of `search_postings` and `search_terms`, a batch sorted by word touches
each page once. Search counts and scores the pending documents from their folded body, so results do not
depend on whether a document's postings are written yet.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('search_pending',
    sa.Column('doc_pk', sa.Integer(), autoincrement=False, nullable=False),
    sa.PrimaryKeyConstraint('doc_pk'),
    )


def downgrade() -> None:
    op.drop_table('search_pending')
