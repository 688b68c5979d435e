"""Attachments on broadcasts, team group chats, follows and check-ins.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('check_ins',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_check_ins_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_ins')),
    sa.UniqueConstraint('person_id', 'day', name=op.f('uq_check_ins_person_id_day'))
    )
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_ins_day'), ['day'], unique=False)

    op.create_table('team_chats',
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('team_code', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('linked_by', sa.Integer(), nullable=True),
    sa.Column('linked_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['linked_by'], ['people.id'], name=op.f('fk_team_chats_linked_by_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_chats')),
    sa.UniqueConstraint('chat_id', name=op.f('uq_team_chats_chat_id'))
    )
    with op.batch_alter_table('team_chats', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_chats_team_code'), ['team_code'], unique=False)

    op.create_table('follows',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('track_code', sa.String(length=64), nullable=False),
    sa.Column('created_at', storage.types.UtcDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_follows_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follows')),
    sa.UniqueConstraint('account_id', 'track_code', name=op.f('uq_follows_account_id_track_code'))
    )
    with op.batch_alter_table('follows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follows_track_code'), ['track_code'], unique=False)

    with op.batch_alter_table('broadcasts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attachment_kind', sa.String(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('file_id', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('pinned', sa.Boolean(), nullable=False, server_default=sa.false()))

    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attachment_kind', sa.String(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('file_id', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('pin', sa.Boolean(), nullable=False, server_default=sa.false()))



def downgrade() -> None:
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_column('pin')
        batch_op.drop_column('file_id')
        batch_op.drop_column('attachment_kind')

    with op.batch_alter_table('broadcasts', schema=None) as batch_op:
        batch_op.drop_column('pinned')
        batch_op.drop_column('file_id')
        batch_op.drop_column('attachment_kind')

    with op.batch_alter_table('follows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follows_track_code'))

    op.drop_table('follows')
    with op.batch_alter_table('team_chats', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_chats_team_code'))

    op.drop_table('team_chats')
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_ins_day'))

    op.drop_table('check_ins')
