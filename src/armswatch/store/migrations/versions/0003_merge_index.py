"""incremental merge index

Revision ID: 0002m
Revises: 0002s

`corpus_event_blocks` (the blocking keys through which new reports find the corpus events they may join),
`corpus_events.base` / `.anchor` (ids that do not depend on arrival order); for the read paths at 100,000
documents, the event's type and date on `corpus_event_participants` with (entity, [type,] date) indexes,
(entity_id, doc_pk, n_mentions) on `doc_entities`, (type, date, id) on `corpus_events`. Existing corpus events have no blocks yet: the
store rebuilds them once (`meta.merge_index` is missing).
"""
from alembic import op
import sqlalchemy as sa


revision = '0002m'
down_revision = '0002s'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('corpus_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('base', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('anchor', sa.String(length=80), nullable=True))
        batch_op.create_index(batch_op.f('ix_corpus_events_base'), ['base'], unique=False)
        batch_op.create_index('ix_corpus_events_type_date', ['type', 'date', 'id'], unique=False)

    with op.batch_alter_table('corpus_event_participants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('type', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('date', sa.String(length=20), nullable=True))
        batch_op.create_index('ix_cep_entity_date', ['entity_id', 'date', 'corpus_event_id'], unique=False)
        batch_op.create_index('ix_cep_entity_type_date', ['entity_id', 'type', 'date', 'corpus_event_id'],
                              unique=False)
    with op.batch_alter_table('doc_entities', schema=None) as batch_op:
        batch_op.create_index('ix_doc_entities_entity_doc', ['entity_id', 'doc_pk', 'n_mentions'], unique=False)

    op.create_table('corpus_event_blocks',
    sa.Column('block', sa.Text(), nullable=False),
    sa.Column('corpus_event_id', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['corpus_event_id'], ['corpus_events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('block', 'corpus_event_id')
    )
    with op.batch_alter_table('corpus_event_blocks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corpus_event_blocks_corpus_event_id'), ['corpus_event_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('corpus_event_blocks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corpus_event_blocks_corpus_event_id'))
    op.drop_table('corpus_event_blocks')
    with op.batch_alter_table('doc_entities', schema=None) as batch_op:
        batch_op.drop_index('ix_doc_entities_entity_doc')
    with op.batch_alter_table('corpus_event_participants', schema=None) as batch_op:
        batch_op.drop_index('ix_cep_entity_type_date')
        batch_op.drop_index('ix_cep_entity_date')
        batch_op.drop_column('date')
        batch_op.drop_column('type')
    with op.batch_alter_table('corpus_events', schema=None) as batch_op:
        batch_op.drop_index('ix_corpus_events_type_date')
        batch_op.drop_index(batch_op.f('ix_corpus_events_base'))
        batch_op.drop_column('anchor')
        batch_op.drop_column('base')
    op.execute("DELETE FROM meta WHERE key = 'merge_index'")
