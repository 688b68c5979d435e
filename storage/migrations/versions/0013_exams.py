"""Mock exams and their answers.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('exams',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('questions', sa.JSON(), nullable=False),
    sa.Column('started_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('deadline', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', storage.types.UtcDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_exams_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exams'))
    )
    op.create_table('exam_answers',
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('question_code', sa.String(length=64), nullable=False),
    sa.Column('hundredths', sa.Integer(), nullable=False),
    sa.Column('max_hundredths', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.Column('answered_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['exam_id'], ['exams.id'], name=op.f('fk_exam_answers_exam_id_exams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_answers')),
    sa.UniqueConstraint('exam_id', 'question_code', name=op.f('uq_exam_answers_exam_id_question_code'))
    )


def downgrade() -> None:
    op.drop_table('exam_answers')
    op.drop_table('exams')
