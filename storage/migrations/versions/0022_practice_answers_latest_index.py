"""Practice answers: an index for each person's latest answer per question.

Revision ID: 0022
Revises: 0021
"""

from collections.abc import Sequence

from alembic import op


revision: str = '0022'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('practice_answers', schema=None) as batch_op:
        batch_op.create_index(
            'ix_practice_answers_latest', ['person_id', 'question_code', 'id'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('practice_answers', schema=None) as batch_op:
        batch_op.drop_index('ix_practice_answers_latest')
