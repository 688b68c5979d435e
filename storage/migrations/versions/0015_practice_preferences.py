"""Practice opt-ins: the daily set and the leaderboard.

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('practice_preferences',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('daily_minute', sa.Integer(), nullable=True),
    sa.Column('daily_count', sa.Integer(), nullable=False),
    sa.Column('on_leaderboard', sa.Boolean(), nullable=False),
    sa.Column('daily_sent_on', sa.Date(), nullable=True),
    sa.Column('updated_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_practice_preferences_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practice_preferences')),
    sa.UniqueConstraint('person_id', name=op.f('uq_practice_preferences_person_id'))
    )


def downgrade() -> None:
    op.drop_table('practice_preferences')
