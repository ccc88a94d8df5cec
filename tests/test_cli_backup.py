"""``agentdesk backup PATH`` / ``restore PATH`` on the active profile's store; restore checks the file
before touching anything."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from agentdesk.store import Store, head_revision
from agentdesk.store.codec import row_values, upsert_rows
from tests.support.cli import run_agentdesk


def agentdesk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENTDESK_")}
    env |= {"AGENTDESK_HOME": str(home), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return run_agentdesk(*args, env=env)


def store_of(home: Path, profile: str = "default") -> Path:
    return home / "data" / "profiles" / profile / "store.sqlite3"


def test_backup_without_a_store_creates_an_empty_one(tmp_path: Path) -> None:
    target = tmp_path / "out" / "first.sqlite3"
    target.parent.mkdir()
    out = agentdesk(tmp_path, "backup", str(target))
    assert out.returncode == 0, out.stderr
    assert store_of(tmp_path).exists() and target.exists()
    with Store.open(target) as copy:
        assert copy.revision() == head_revision()


def test_backup_follows_the_profile_option(tmp_path: Path) -> None:
    target = tmp_path / "agent.sqlite3"
    out = agentdesk(tmp_path, "--profile", "demo.agent", "backup", str(target))
    assert out.returncode == 0, out.stderr
    assert store_of(tmp_path, "demo.agent").exists() and not store_of(tmp_path).exists()
    assert "demo.agent" in out.stdout


def test_backup_into_a_folder_is_refused(tmp_path: Path) -> None:
    out = agentdesk(tmp_path, "backup", str(tmp_path))
    assert out.returncode == 2 and "folder" in out.stderr


@pytest.mark.slow
def test_restore_refuses_files_that_are_not_agentdesk_stores(tmp_path: Path) -> None:
    assert agentdesk(tmp_path, "backup", str(tmp_path / "b.sqlite3")).returncode == 0
    store = store_of(tmp_path)
    before = store.read_bytes()

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    foreign = agentdesk(tmp_path, "restore", str(other))
    assert foreign.returncode == 2 and "not an AgentDesk store" in foreign.stderr

    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes((tmp_path / "b.sqlite3").read_bytes()[:3000])
    cut = agentdesk(tmp_path, "restore", str(truncated))
    assert cut.returncode == 2 and "not a usable backup" in cut.stderr

    assert store.read_bytes() == before  # nothing was touched
    assert not list(store.parent.glob("*replaced*")) and not list(
        (store.parent / "backups").glob("*replaced*")
    )


@pytest.mark.slow
def test_restore_round_trip_then_doctor_on_a_damaged_store(tmp_path: Path) -> None:
    store = store_of(tmp_path)
    with Store.open(store) as opened, opened.connect() as conn:
        data = {"name": "Before", "tier": "standard", "tags": [], "verified": False}
        upsert_rows(conn, "customer", [row_values("customer", "c1", 1, data)])
    backup = tmp_path / "b.sqlite3"
    assert agentdesk(tmp_path, "backup", str(backup)).returncode == 0
    with Store.open(store) as opened, opened.connect() as conn:
        conn.exec_driver_sql("UPDATE customers SET name = 'After'")
    with Store.open(store) as opened, opened.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM customers").scalar() == "After"

    out = agentdesk(tmp_path, "restore", str(backup))
    assert out.returncode == 0, out.stderr
    kept = Path(out.stdout.split("kept at ", 1)[1].strip())
    assert kept.exists() and kept != store
    with Store.open(store) as opened, opened.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM customers").scalar() == "Before"
    report = json.loads(agentdesk(tmp_path, "doctor", "--json").stdout)
    assert report["store"]["integrity"] == "ok" and report["store"]["revision"] == head_revision()

    raw = bytearray(store.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    raw[page : page + 400] = b"\xee" * 400  # smash the second page
    store.write_bytes(bytes(raw))
    damaged = agentdesk(tmp_path, "doctor")
    assert damaged.returncode == 3 and "DAMAGED" in damaged.stdout
    assert f"agentdesk restore {kept}" in damaged.stdout  # the store the restore replaced
