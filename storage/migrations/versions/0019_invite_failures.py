"""Invite failures: what the limits shared by all accounts count.

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('invite_failures',
    sa.Column('at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_invite_failures_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invite_failures'))
    )
    with op.batch_alter_table('invite_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invite_failures_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_invite_failures_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('invite_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invite_failures_person_id'))
        batch_op.drop_index(batch_op.f('ix_invite_failures_at'))

    op.drop_table('invite_failures')
