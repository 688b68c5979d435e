"""Scores (showcase, theory, arena), publications and the hash-chained audit trail.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('arena_events',
    sa.Column('round_code', sa.String(length=64), nullable=False),
    sa.Column('team_code', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('person_code', sa.String(length=64), nullable=True),
    sa.Column('tier', sa.Integer(), nullable=True),
    sa.Column('at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('undone', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_arena_events'))
    )
    with op.batch_alter_table('arena_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_arena_events_round_code'), ['round_code'], unique=False)

    op.create_table('audit_log',
    sa.Column('sequence', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('previous_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('sequence', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_log_hash'))
    )
    op.create_table('publications',
    sa.Column('round_code', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('published_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('published_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publications')),
    sa.UniqueConstraint('round_code', 'version', name=op.f('uq_publications_round_code_version'))
    )
    with op.batch_alter_table('publications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_publications_round_code'), ['round_code'], unique=False)

    op.create_table('showcase_scores',
    sa.Column('round_code', sa.String(length=64), nullable=False),
    sa.Column('team_code', sa.String(length=64), nullable=False),
    sa.Column('judge_code', sa.String(length=64), nullable=False),
    sa.Column('hundredths', sa.Integer(), nullable=False),
    sa.Column('updated_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_scores')),
    sa.UniqueConstraint('round_code', 'team_code', 'judge_code', name=op.f('uq_showcase_scores_round_code_team_code_judge_code'))
    )
    op.create_table('theory_scores',
    sa.Column('person_code', sa.String(length=64), nullable=False),
    sa.Column('hundredths', sa.Integer(), nullable=False),
    sa.Column('essay_hundredths', sa.Integer(), nullable=True),
    sa.Column('updated_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theory_scores')),
    sa.UniqueConstraint('person_code', name=op.f('uq_theory_scores_person_code'))
    )


def downgrade() -> None:
    op.drop_table('theory_scores')
    op.drop_table('showcase_scores')
    with op.batch_alter_table('publications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_publications_round_code'))

    op.drop_table('publications')
    op.drop_table('audit_log')
    with op.batch_alter_table('arena_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_arena_events_round_code'))

    op.drop_table('arena_events')
