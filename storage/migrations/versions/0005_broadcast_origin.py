"""Where a broadcast was confirmed, so that confirming it again publishes nothing.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('broadcasts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_broadcasts_origin'), ['origin'])



def downgrade() -> None:
    with op.batch_alter_table('broadcasts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_broadcasts_origin'), type_='unique')
        batch_op.drop_column('origin')

