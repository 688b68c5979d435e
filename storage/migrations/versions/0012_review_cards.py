"""Spaced-repetition cards per person and question.

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('review_cards',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('question_code', sa.String(length=64), nullable=False),
    sa.Column('card', sa.JSON(), nullable=False),
    sa.Column('due', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_review_cards_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_cards')),
    sa.UniqueConstraint('person_id', 'question_code', name=op.f('uq_review_cards_person_id_question_code'))
    )
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_cards_due'), ['due'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_cards_due'))

    op.drop_table('review_cards')
