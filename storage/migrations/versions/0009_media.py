"""Pictures the bot makes (standings), uploaded once and then sent by file id.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('media',
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('file_id', sa.String(length=200), nullable=True),
    sa.Column('created_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_media'))
    )


def downgrade() -> None:
    op.drop_table('media')
