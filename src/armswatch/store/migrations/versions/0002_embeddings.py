"""paragraph embeddings

Revision ID: 0002s
Revises: 0001
Create Date: 2026-11-23 12:00:00

Tables for semantic search (armswatch.store.semantic): `doc_vectors` (one row per embedded document:
hash of the embedded text and model, number of units) and `para_vectors` (one float16 vector per
title/paragraph unit with its span in the body). Plain BLOB/bytea on both backends, so SQLite and
PostgreSQL hold the same bytes and rank identically (the index is numpy in the process).
"""
from alembic import op
import sqlalchemy as sa


revision = '0002s'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('doc_vectors',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('model', sa.String(length=80), nullable=False),
    sa.Column('n_units', sa.Integer(), nullable=False),
    sa.Column('embedded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_pk')
    )
    op.create_table('para_vectors',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('vec', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_pk', 'idx')
    )


def downgrade() -> None:
    op.drop_table('para_vectors')
    op.drop_table('doc_vectors')
