"""Alembic environment: always given a live connection by agentdesk.store.migrate."""

from __future__ import annotations

from alembic import context

from agentdesk.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs table rebuilds for most ALTERs
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
