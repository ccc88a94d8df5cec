"""None parameters take the drivers' registered fast path and still store NULL (plain and encrypted)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from agentdesk.store.engine import connect_raw

KEY = bytes(range(32))


@pytest.mark.parametrize("key", [None, KEY], ids=["plain", "encrypted"])
def test_none_binds_as_null_through_the_registered_adapter(tmp_path: Path, key: bytes | None) -> None:
    conn = connect_raw(tmp_path / "s.db", key)
    try:
        driver = sqlite3 if key is None else pytest.importorskip("sqlcipher3").dbapi2
        assert (type(None), driver.PrepareProtocol) in driver.adapters
        conn.execute("CREATE TABLE t (a, b TEXT, c INTEGER NOT NULL DEFAULT 7)")
        conn.executemany("INSERT INTO t (a, b) VALUES (?, ?)", [(None, None), (1, "x"), (None, "")])
        rows = conn.execute("SELECT typeof(a), typeof(b), a, b, c FROM t ORDER BY rowid").fetchall()
        assert rows == [
            ("null", "null", None, None, 7), ("integer", "text", 1, "x", 7), ("null", "text", None, "", 7)
        ]
        assert conn.execute("SELECT count(*) FROM t WHERE a IS ?", (None,)).fetchone() == (2,)
        with pytest.raises(driver.IntegrityError):  # NULL into NOT NULL still refused
            conn.execute("INSERT INTO t (a, c) VALUES (1, ?)", (None,))
        # sync.client.bulk binds an absent value as NaN, which SQLite stores as NULL
        conn.execute("INSERT INTO t (a, b) VALUES (?, ?)", (float("nan"), float("nan")))
        last = conn.execute("SELECT typeof(a), typeof(b) FROM t ORDER BY rowid DESC").fetchone()
        assert last == ("null", "null")
        with pytest.raises(driver.IntegrityError):
            conn.execute("INSERT INTO t (a, c) VALUES (1, ?)", (float("nan"),))
    finally:
        conn.close()
