"""Sync overlay: the server's copy of rows with local edits, and the version an ack waits for.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 08:10:00

``sync_shadow`` keeps the last server data of every row that has pending local edits, so the
replicator can rebuild the row (server data + pending edits) when a mutation is rejected or newer
server data arrives. ``outbox.acked_version`` is the server version an applied mutation was written
at; the entry keeps its overlay until the pull cursor reaches that version, so nothing flickers back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_shadow',
    sa.Column('entity', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'id')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('acked_version', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('acked_version')
    op.drop_table('sync_shadow')
