"""Schema migrations with a safety net.

Before migrating an existing file we take an online backup and leave a marker next to the store
naming it. A migration that fails restores the backup; one that was killed (the marker is still
there at the next start) is rolled back the same way, and then the migration runs again.

Alembic (and Mako, which it brings) is imported only when a migration really runs: an open of a
store that is already at ``HEAD_REVISION`` reads ``alembic_version`` with one SELECT.
"""

from __future__ import annotations

import json
import logging
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from agentdesk.errors import MigrationFailed
from agentdesk.store import files

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest revision in migrations/versions; tests/store/test_schema_head.py keeps it equal to
# Alembic's head. Were it ever stale, opens would take the slow path and still end at the real head.
HEAD_REVISION = "0005"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("agentdesk.store") / "migrations"))
    return cfg


def script_head() -> str:
    """The head revision as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise MigrationFailed("this installation has no store migrations")
    return head


def head_revision() -> str:
    return HEAD_REVISION


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the store (None for a new file), the way Alembic reads it."""
    with engine.connect() as conn:
        table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if table is None:
            return None
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) > 1:  # pragma: no cover - this store's history has no branches
        raise MigrationFailed(f"the store records several schema revisions: {[r[0] for r in rows]}")
    return rows[0][0] if rows else None


def marker_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".migrating")


def recover_interrupted(store_path: Path) -> bool:
    """If a migration was killed, put the pre-migration file back. Returns True if it did."""
    marker = marker_path(store_path)
    if not marker.exists():
        return False
    info = json.loads(marker.read_text(encoding="utf-8") or "{}")
    backup = info.get("backup")
    if backup and Path(backup).exists():
        log.warning("an interrupted migration was found; restoring %s", backup)
        files.replace_with_copy(Path(backup), store_path)
    else:
        # The store was new when the migration started: nothing to keep.
        log.warning("an interrupted first migration was found; starting the store afresh")
        store_path.unlink(missing_ok=True)
        files.remove_sidecars(store_path)
    marker.unlink()
    return True


def _run_upgrade(engine: Engine, target: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def migrate(
    engine: Engine, store_path: Path, target: str = "head", *, key: bytes | None = None
) -> str | None:
    """Bring the store to ``target``; returns the backup taken (None when none was needed)."""
    current = current_revision(engine)
    if current == (HEAD_REVISION if target == "head" else target):
        return None
    wanted = script_head() if target == "head" else target
    if current == wanted:
        return None
    backup: Path | None = None
    if current is not None:
        label = f"pre-migrate-{current}"
        backup = files.online_backup(store_path, files.new_backup_path(store_path, label), key)
    marker = marker_path(store_path)
    marker.write_text(json.dumps({"backup": str(backup) if backup else None, "from": current}), "utf-8")
    try:
        _run_upgrade(engine, wanted)
    except Exception as exc:
        engine.dispose()
        if backup:
            files.replace_with_copy(backup, store_path)
        else:
            store_path.unlink(missing_ok=True)
            files.remove_sidecars(store_path)
        marker.unlink(missing_ok=True)
        raise MigrationFailed(
            f"Updating the local store from {current or 'empty'} to {wanted} failed ({exc}); "
            "the previous file was restored"
        ) from exc
    marker.unlink(missing_ok=True)
    files.rotate_backups(store_path)
    return str(backup) if backup else None
