"""Migrations are backed up first and rolled back when they fail or are killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import inspect

from agentdesk.errors import MigrationFailed
from agentdesk.store import Store, head_revision, migrate
from agentdesk.store.codec import row_values, upsert_rows

FIRST = "0001"


def _old_store_with_data(path: Path) -> None:
    with Store.open(path, target=FIRST) as store:
        assert store.revision() == FIRST
        with store.connect() as conn:
            data = {
                "name": "Grace",
                "tier": "VIP",
                "tags": ["high-value enterprise"],
                "health_score": 90,
                "churn_risk": "low",
                "verified": True,
            }
            upsert_rows(conn, "customer", [row_values("customer", "c9", 7, data)])


def _names(path: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM customers")]
    finally:
        conn.close()


def test_upgrade_from_old_revision_keeps_data_and_leaves_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _old_store_with_data(path)
    with Store.open(path) as store:
        assert store.revision() == head_revision()
        assert "outbox" in inspect(store.engine).get_table_names()
    assert _names(path) == ["Grace"]
    assert list((tmp_path / "backups").glob("*pre-migrate-0001*"))
    assert not migrate.marker_path(path).exists()


def test_failed_migration_restores_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.sqlite3"
    _old_store_with_data(path)
    real = migrate._run_upgrade

    def half_then_fail(engine, target):  # type: ignore[no-untyped-def]
        real(engine, target)  # the schema changes really happen...
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM customers")
        raise RuntimeError("disk went away")  # ...and then the migration dies

    monkeypatch.setattr(migrate, "_run_upgrade", half_then_fail)
    with pytest.raises(MigrationFailed, match="restored"):
        Store.open(path)
    monkeypatch.setattr(migrate, "_run_upgrade", real)
    assert _names(path) == ["Grace"]
    with Store.open(path, target=FIRST) as store:
        assert store.revision() == FIRST


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_migration_killed_midway_is_restored_and_redone_at_next_start(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _old_store_with_data(path)
    script = textwrap.dedent(
        f"""
        import os, signal
        from agentdesk.store import Store, migrate
        def killed(engine, target):
            with engine.begin() as conn:
                conn.exec_driver_sql("CREATE TABLE outbox (seq INTEGER)")  # half a migration
                conn.exec_driver_sql("DELETE FROM customers")
            os.kill(os.getpid(), signal.SIGKILL)
        migrate._run_upgrade = killed
        Store.open({str(path)!r})
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert migrate.marker_path(path).exists()
    assert _names(path) == []  # the half-done migration really damaged the file
    with Store.open(path) as store:
        assert store.revision() == head_revision()
    assert _names(path) == ["Grace"]
    assert not migrate.marker_path(path).exists()
    assert os.path.exists(path)
