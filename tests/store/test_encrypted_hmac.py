"""New encrypted stores authenticate pages with HMAC-SHA256; older SHA-512 stores still open."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlcipher3 import dbapi2

from agentdesk.errors import StoreCorrupt
from agentdesk.store import Store, engine
from agentdesk.store.codec import row_values, upsert_rows

KEY = bytes(range(32))


def _opens_with(path: Path, algorithm: str) -> bool:
    conn = dbapi2.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{KEY.hex()}'\"")
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {algorithm}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def _make(path: Path) -> None:
    with Store.open(path, key=KEY) as store, store.connect() as conn:
        upsert_rows(conn, "customer", [row_values("customer", "c1", 1, {"name": "Grace", "tags": []})])


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_hmac_of", {})


def test_a_new_store_uses_hmac_sha256(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _make(path)
    assert _opens_with(path, "HMAC_SHA256")
    assert not _opens_with(path, "HMAC_SHA512")


def test_a_store_written_with_sha512_still_opens_and_its_backup_is_sha256(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.sqlite3"
    monkeypatch.setattr(engine, "HMAC_ALGORITHM", "HMAC_SHA512")  # as SQLCipher's default wrote it
    _make(path)
    monkeypatch.undo()
    engine._hmac_of.clear()
    assert _opens_with(path, "HMAC_SHA512") and not _opens_with(path, "HMAC_SHA256")
    with Store.open(path, key=KEY) as store:
        with store.connect() as conn:
            assert conn.execute(text("SELECT name FROM customers")).scalar() == "Grace"
            upsert_rows(conn, "customer", [row_values("customer", "c2", 1, {"name": "Ada", "tags": []})])
        backup = store.backup(tmp_path / "backup.sqlite3")
    assert _opens_with(path, "HMAC_SHA512")  # the store itself is left in its format
    assert _opens_with(backup, "HMAC_SHA256")
    with Store.open(backup, key=KEY) as copy, copy.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar() == 2


def test_another_key_is_still_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _make(path)
    with pytest.raises(StoreCorrupt, match="another key"):
        Store.open(path, key=bytes(32))
