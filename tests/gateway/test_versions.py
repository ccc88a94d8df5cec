"""Concurrent writers and a reader pulling meanwhile: the reader's cursor never skips a version
that commits later (writers are serialized on the version counter), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import orjson

from agentdesk.sync.gateway.mutations.apply import apply_one
from agentdesk.sync.gateway.seed import fixed_rows
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.changes import changes_page
from agentdesk.sync.gateway.store.records import bulk_load

ADMIN = Principal("agent-demo-admin", "demo.admin", "Ada", "admin", ("team-billing", "team-tech"))


def test_reader_never_skips_a_version_under_concurrent_writes(db_url: str) -> None:
    store = GatewayStore(db_url)
    store.create_schema()
    with store.write() as tx:
        bulk_load(tx, fixed_rows(customers=4))
    with store.read() as conn:
        start = store.head(conn)
    tickets = [f"tkt-{n}" for n in range(1001, 1009)]
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(25):
                mutation = {
                    "mutation_id": str(uuid.uuid4()),
                    "kind": "ticket.note",
                    "entity": "ticket",
                    "entity_id": tickets[(n + i) % len(tickets)],
                    "base_version": None,
                    "payload": {"body": f"w{n}-{i}"},
                }
                assert apply_one(store, ADMIN, f"w{n}", mutation)["status"] == "applied"
        except BaseException as exc:  # reported below
            errors.append(exc)

    seen: dict[str, Any] = {}
    versions: list[int] = []

    def pull(cursor: int) -> int:
        while True:
            with store.read() as conn:
                page = changes_page(conn, store.head(conn), cursor, 7, team_ids=None, masked=False)
            for change in orjson.loads(page.body)["changes"]:
                versions.append(change["version"])
                if change["entity"] == "message":
                    seen[change["id"]] = change["data"]["body"]
            cursor = page.cursor
            if not page.has_more:
                return cursor

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    cursor = start
    while any(t.is_alive() for t in threads):
        cursor = pull(cursor)
    for thread in threads:
        thread.join()
    pull(cursor)
    store.dispose()
    assert not errors, errors
    assert versions == sorted(versions) and len(versions) == len(set(versions))
    bodies = sorted(body for body in seen.values() if body.startswith("w"))
    assert bodies == sorted(f"w{n}-{i}" for n in range(4) for i in range(25))
