"""Reports of wrong answer keys.

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('key_reports',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('question_code', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', storage.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_key_reports_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_reports')),
    sa.UniqueConstraint('person_id', 'question_code', name=op.f('uq_key_reports_person_id_question_code'))
    )
    with op.batch_alter_table('key_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_reports_question_code'), ['question_code'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('key_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_reports_question_code'))

    op.drop_table('key_reports')
