"""doctor, backup and restore on the active profile's store, as IT and support would run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from agentdesk.store import Store
from agentdesk.store.codec import row_values, upsert_rows


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "AGENTDESK_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return subprocess.run(
        [sys.executable, "-m", "agentdesk", *args], capture_output=True, text=True, env=env, timeout=120
    )


def store_path(home: Path) -> Path:
    return home / "data" / "profiles" / "default" / "store.sqlite3"


def put_customer(path: Path, name: str) -> None:
    with Store.open(path) as store, store.connect() as conn:
        data = {"name": name, "tier": "standard", "tags": [], "verified": False}
        upsert_rows(conn, "customer", [row_values("customer", "c1", 1, data)])


def customer_name(path: Path) -> str:
    with Store.open(path) as store, store.connect() as conn:
        return str(conn.exec_driver_sql("SELECT name FROM customers").scalar())


def test_doctor_on_a_fresh_machine_warns_but_passes(tmp_path: Path) -> None:
    out = run(tmp_path, "doctor", "--json", "--server", "http://127.0.0.1:9")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["store"]["exists"] is False
    assert report["server"]["status"] == "warning" and "unreachable" in report["server"]["detail"]
    assert report["keyring"]["usable"] is False
    assert report["versions"]["fts5"] is True
    assert report["settings"]["idle_lock_minutes"] == {"value": 15, "source": "default", "locked": False}


def test_backup_restore_and_a_damaged_store(tmp_path: Path) -> None:
    path = store_path(tmp_path)
    put_customer(path, "Before")
    backup = tmp_path / "mine.sqlite3"
    assert run(tmp_path, "backup", str(backup)).returncode == 0
    put_customer(path, "After")
    restored = run(tmp_path, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "kept at" in restored.stdout
    assert customer_name(path) == "Before"

    good = run(tmp_path, "doctor", "--json")
    assert good.returncode == 0 and json.loads(good.stdout)["store"]["integrity"] == "ok"
    raw = bytearray(path.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    raw[page : page + 400] = b"\xee" * 400
    path.write_bytes(bytes(raw))
    damaged = run(tmp_path, "doctor")
    assert damaged.returncode == 3 and "DAMAGED" in damaged.stdout and "agentdesk restore" in damaged.stdout

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"nope" * 1000)
    refused = run(tmp_path, "restore", str(garbage))
    assert refused.returncode == 2 and "not a usable backup" in refused.stderr


def test_invalid_settings_are_named(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"version": 1, "values": {"theme": "purple"}}))
    out = run(tmp_path, "doctor")
    assert out.returncode == 1
    assert str(settings) in out.stderr and "theme" in out.stderr
