"""Reusable gateway test harness: a real uvicorn server on a free loopback port, and throw-away
PostgreSQL databases.

    with gateway_server("sqlite:///" + str(tmp_path / "gw.db"), seed_demo=True) as url:
        token = sign_in(url, "demo.agent")

    with postgres_database() as pg_url:          # creates agentdesk_test_<random>, drops it after
        with gateway_server(pg_url, seed_demo=True) as url: ...

The pytest fixtures built on these (``gateway_url``, ``gateway_factory``, ``pg_url``) live in
tests/conftest.py so every test package can use them.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from agentdesk.sync.protocol import MAX_PAGE
from tests.support.asgi_server import free_port

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


@contextmanager
def gateway_server(database_url: str, *, seed_demo: bool = True, **config: Any) -> Iterator[str]:
    """Serve a gateway on ``database_url`` in a background thread; yields its base URL."""
    from agentdesk.sync.gateway.app import create_app
    from agentdesk.sync.gateway.config import GatewayConfig

    fields = {f.name for f in dataclasses.fields(GatewayConfig)}
    unknown = set(config) - fields
    if unknown:
        raise TypeError(f"unknown gateway options: {sorted(unknown)}")
    app = create_app(GatewayConfig(database_url=database_url, seed_demo=seed_demo, **config))
    with serve_app(app) as url:
        yield url


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """uvicorn in a thread; open event streams are cut after 1 s when the server stops."""
    import threading
    import time

    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=1)
    )
    thread = threading.Thread(target=server.run, name=f"gateway-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the gateway did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return True
    except Exception:
        return False


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh, empty database on the local PostgreSQL; dropped (with its connections) afterwards."""
    import psycopg

    name = "agentdesk_test_" + secrets.token_hex(6)
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sign_in(url: str, login: str = "demo.agent", password: str = "demo") -> str:
    response = httpx.post(url + "/v1/session", json={"login": login, "password": password}, timeout=30)
    response.raise_for_status()
    return str(response.json()["token"])


def auth(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def pull_all(
    url: str, token: str, cursor: int = 0
) -> tuple[dict[tuple[str, str], dict[str, Any]], int, list[dict[str, Any]]]:
    """Every row visible to ``token`` after ``cursor``: (rows by key, final cursor, raw changes)."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    seen: list[dict[str, Any]] = []
    with httpx.Client(base_url=url, headers=auth(token), timeout=30) as client:
        while True:
            response = client.get("/v1/changes", params={"cursor": cursor, "limit": MAX_PAGE})
            response.raise_for_status()
            page = response.json()
            for change in page["changes"]:
                seen.append(change)
                key = (change["entity"], change["id"])
                if change["op"] == "delete":
                    rows.pop(key, None)
                else:
                    rows[key] = change["data"]
            cursor = page["cursor"]
            if not page["has_more"]:
                return rows, cursor, seen
