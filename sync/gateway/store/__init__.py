"""The gateway store: SQLAlchemy Core on SQLite or PostgreSQL (psycopg 3), same code for both.

schema.py      tables (created with metadata.create_all; see its docstring for why not Alembic)
engine.py      engines, dialect quirks, the version counter
records.py     writing entity rows: versions, pre-serialized change JSON, team grants, revocations
changes.py     reading /v1/changes pages for a principal
accounts.py    agents' sign-ins, password hashes, tokens, login throttling
audit.py       the audit log and presence
erasure.py     a customer's data on request: export, erase (anonymise what must stay)
"""

from agentdesk.sync.gateway.store.engine import GatewayStore

__all__ = ["GatewayStore"]
