"""Publication withdrawals: a published version taken back, by whom, when and why.

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('publication_withdrawals',
    sa.Column('round_code', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('withdrawn_by', sa.String(length=64), nullable=False),
    sa.Column('withdrawn_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publication_withdrawals')),
    sa.UniqueConstraint('round_code', 'version', name=op.f('uq_publication_withdrawals_round_code_version'))
    )


def downgrade() -> None:
    op.drop_table('publication_withdrawals')
