"""Alembic migrations of the local store. Run through ``agentdesk.store.migrate``, never by hand."""
