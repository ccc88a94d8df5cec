"""A profile's store encrypted at rest with SQLCipher (key from the OS keyring)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from agentdesk.errors import InputError, StoreCorrupt
from agentdesk.store import Store, restore_store
from agentdesk.store.codec import row_values, upsert_rows
from agentdesk.store.files import SQLITE_MAGIC

KEY = bytes(range(32))
SECRET_NAME = "Zhang Wei the unmistakable"


def _make(path: Path, key: bytes = KEY) -> None:
    with Store.open(path, key=key) as store, store.connect() as conn:
        data = {"name": SECRET_NAME, "tier": "VIP", "tags": [], "health_score": 50, "churn_risk": "medium",
                "verified": True}
        upsert_rows(conn, "customer", [row_values("customer", "c1", 1, data)])
        conn.exec_driver_sql("CREATE VIRTUAL TABLE probe USING fts5(body)")
        conn.exec_driver_sql("INSERT INTO probe VALUES ('refund for order 42')")


def test_file_on_disk_is_ciphertext_and_fts5_still_works(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _make(path)
    raw = path.read_bytes()
    assert not raw.startswith(SQLITE_MAGIC)
    assert SECRET_NAME.encode() not in raw
    with Store.open(path, key=KEY) as store, store.connect() as conn:
        assert conn.execute(text("SELECT name FROM customers")).scalar() == SECRET_NAME
        assert conn.execute(text("SELECT body FROM probe WHERE probe MATCH 'refund'")).scalar()


def test_wrong_key_or_no_key_is_a_clear_error_and_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _make(path)
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt, match="another key"):
        Store.open(path, key=os.urandom(32))
    with pytest.raises(StoreCorrupt):
        Store.open(path)
    assert path.read_bytes() == before


def test_backups_are_encrypted_and_restore_needs_the_key(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _make(path)
    with Store.open(path, key=KEY) as store:
        backup = store.backup(tmp_path / "b.sqlite3")
    assert SECRET_NAME.encode() not in backup.read_bytes()
    with pytest.raises(InputError):
        restore_store(backup, tmp_path / "other.sqlite3", key=os.urandom(32))
    restore_store(backup, tmp_path / "other.sqlite3", key=KEY)
    with Store.open(tmp_path / "other.sqlite3", key=KEY) as store, store.connect() as conn:
        assert conn.execute(text("SELECT name FROM customers")).scalar() == SECRET_NAME


def test_truncated_encrypted_store_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _make(path)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - 1000])
    with pytest.raises(StoreCorrupt, match="truncated"):
        Store.open(path, key=KEY)
