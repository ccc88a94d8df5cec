"""A real gateway in its own process (``agentdesk gateway serve``), so tests and benches can SIGKILL it.

    seed_database(tmp_path / "gw.db")                    # the small fixed demo set + demo sign-ins
    with GatewayProcess(tmp_path / "gw.db", seed_demo=False) as gw:
        token = gw.sign_in("demo.agent")
        gw.kill()                                        # SIGKILL, mid-whatever
        gw.start()                                       # same database, same port
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx

from agentdesk.sync.protocol import MAX_PAGE
from tests.support.asgi_server import free_port


def seed_database(path: Path, rows: Iterable[tuple[str, str, dict[str, Any]]] | None = None) -> int:
    """A fresh gateway SQLite database holding ``rows`` (default: the gateway's small fixed demo set)
    and the demo sign-ins, loaded in bulk, so tests do not depend on the size of the demo data."""
    from agentdesk.sync.gateway.seed import DEMO_LOGINS, DEMO_PASSWORD, fixed_rows
    from agentdesk.sync.gateway.store import GatewayStore
    from agentdesk.sync.gateway.store.accounts import create_account
    from agentdesk.sync.gateway.store.records import bulk_load

    store = GatewayStore(f"sqlite:///{path}")
    try:
        store.create_schema()
        with store.write() as tx:
            count = bulk_load(tx, fixed_rows(customers=40) if rows is None else rows)
            for login, agent_id in DEMO_LOGINS.items():
                create_account(tx.conn, agent_id, login, DEMO_PASSWORD)
    finally:
        store.dispose()
    return count


class GatewayProcess:
    def __init__(self, database: Path | str, *, seed_demo: bool = True, port: int | None = None,
                 extra_args: tuple[str, ...] = (), log: Path | None = None) -> None:
        self.database = database if str(database).startswith(("sqlite:", "postgresql")) else f"sqlite:///{database}"
        self.seed_demo = seed_demo
        self.port = port or free_port()
        self.extra_args = extra_args
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None
        self._seeded = False
        self._own_log = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> GatewayProcess:
        args = [sys.executable, "-m", "agentdesk", "gateway", "serve", "--database", self.database,
                "--host", "127.0.0.1", "--port", str(self.port), *self.extra_args]
        if self.seed_demo and not self._seeded:
            args.append("--seed-demo")
        if self.log is None:
            self.log = Path(tempfile.mkstemp(prefix="gateway-", suffix=".log")[1])
            self._own_log = True
        with open(self.log, "ab") as out:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT,
                                         env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                err = self.log.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the gateway exited with {self.proc.returncode}: {err}")
            try:
                if httpx.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError("the gateway did not come up")
            time.sleep(0.1)
        self._seeded = True
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, whatever was in flight is cut."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None
        if self._own_log and self.log is not None:  # a failed start already quoted it
            self.log.unlink(missing_ok=True)
            self.log, self._own_log = None, False

    def __enter__(self) -> GatewayProcess:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def sign_in(self, login: str = "demo.agent", password: str = "demo") -> str:
        return str(self.session(login, password)["token"])

    def session(self, login: str = "demo.agent", password: str = "demo") -> dict[str, Any]:
        credentials = {"login": login, "password": password}
        response = httpx.post(self.url + "/v1/session", json=credentials, timeout=10)
        response.raise_for_status()
        return dict(response.json())

    def all_changes(self, token: str) -> dict[tuple[str, str], dict[str, Any]]:
        """Every row this token may see, straight from /v1/changes (the server's truth for checks)."""
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        cursor = 0
        auth = {"authorization": f"Bearer {token}"}
        with httpx.Client(base_url=self.url, headers=auth, timeout=30) as client:
            while True:
                page = client.get("/v1/changes", params={"cursor": cursor, "limit": MAX_PAGE}).json()
                for change in page["changes"]:
                    key = (change["entity"], change["id"])
                    if change["op"] == "delete":
                        rows.pop(key, None)
                    else:
                        rows[key] = {"version": change["version"], **(change.get("data") or {})}
                cursor = page["cursor"]
                if not page["has_more"]:
                    return rows
