"""The agent's local store (SQLite, WAL, Alembic migrations, online backups).

Use ``Store.open(path)``; it checks the file, recovers an interrupted migration, backs the file
up before migrating and restores it if the migration fails. ``restore_store`` puts a checked
backup in place. Typed tables are in ``agentdesk.store.models``; the wire codec in
``agentdesk.store.codec``; read queries for views in ``agentdesk.store.queries``.
"""

from agentdesk.store.files import latest_backup
from agentdesk.store.migrate import head_revision
from agentdesk.store.store import Store, restore_store

__all__ = ["Store", "head_revision", "latest_backup", "restore_store"]
