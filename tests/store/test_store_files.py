"""Opening, checking, backing up and restoring the local store file."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from agentdesk.errors import InputError, StoreCorrupt
from agentdesk.store import Store, head_revision, latest_backup, restore_store
from agentdesk.store.codec import row_values, upsert_rows
from agentdesk.store.models import Customer


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _store_with_customer(path: Path, name: str = "Ada Lovelace") -> None:
    with Store.open(path) as store, store.connect() as conn:
        data = {
            "name": name,
            "tier": "standard",
            "tags": [],
            "health_score": 80,
            "churn_risk": "low",
            "verified": False,
        }
        upsert_rows(conn, "customer", [row_values("customer", "c1", 1, data)])


def _customer_names(path: Path) -> list[str]:
    with Store.open(path) as store, store.connect() as conn:
        return list(conn.scalars(select(Customer.name)))


def test_new_store_is_created_at_head_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "p" / "store.sqlite3"
    with Store.open(path) as store:
        assert store.revision() == head_revision()
        with store.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert path.exists()


def test_garbage_file_is_detected_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = _digest(path)
    with pytest.raises(StoreCorrupt) as info:
        Store.open(path)
    assert "damaged" in info.value.user_message()
    assert _digest(path) == before


def test_truncated_store_is_detected_and_backup_offered(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _store_with_customer(path)
    with Store.open(path) as store:
        backup = store.backup()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])
    before = _digest(path)
    with pytest.raises(StoreCorrupt) as info:
        Store.open(path)
    assert info.value.backup == str(backup)
    assert str(backup) in info.value.user_message()
    assert _digest(path) == before


def test_corrupted_pages_fail_the_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _store_with_customer(path)
    raw = bytearray(path.read_bytes())
    page_size = int.from_bytes(raw[16:18], "big")
    # Scribble over the second page (the first table's b-tree root).
    raw[page_size : page_size + 200] = b"\xff" * 200
    path.write_bytes(bytes(raw))
    with pytest.raises(StoreCorrupt):
        Store.open(path, integrity="full")


def test_backup_then_restore_round_trip_keeps_the_replaced_file(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _store_with_customer(path, "Before")
    with Store.open(path) as store:
        backup = store.backup(tmp_path / "mine.sqlite3")
    _store_with_customer(path, "After")
    assert _customer_names(path) == ["After"]
    kept = restore_store(backup, path)
    assert _customer_names(path) == ["Before"]
    assert kept is not None and kept.exists()
    assert latest_backup(path) is not None


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _store_with_customer(path)
    before = _digest(path)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00" * 4096)
    with pytest.raises(InputError, match="not a usable backup"):
        restore_store(garbage, path)
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match="not an AgentDesk store"):
        restore_store(foreign, path)
    with pytest.raises(InputError, match="No backup file"):
        restore_store(tmp_path / "missing.sqlite3", path)
    assert _digest(path) == before
