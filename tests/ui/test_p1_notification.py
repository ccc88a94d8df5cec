"""A new P1 ticket assigned to the signed-in agent raises the desktop notification, once: a team
lead assigns tickets through the real gateway, the running console's replicator pulls them.

Offscreen there is no system tray, so the test watches ``MainWindow.p1_notified``, emitted with
``QSystemTrayIcon.showMessage``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.gateway.harness import auth, gateway_server, pull_all, sign_in

AGENT_ID = "agent-demo-agent"
OTHER_ID = "agent-billing-2"
OPEN = ("new", "open", "pending", "on_hold")


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[str]:
    with gateway_server(f"sqlite:///{tmp_path / 'gateway.db'}", seed_demo=True, demo_customers=200) as url:
        yield url


def mutate(url: str, token: str, ticket_id: str, *changes: tuple[str, dict[str, Any]]) -> None:
    body = {
        "client_id": "lead-console",
        "mutations": [
            {
                "mutation_id": str(uuid.uuid4()),
                "kind": kind,
                "entity": "ticket",
                "entity_id": ticket_id,
                "base_version": None,
                "payload": payload,
            }
            for kind, payload in changes
        ],
    }
    response = httpx.post(url + "/v1/mutations", json=body, headers=auth(token), timeout=30)
    response.raise_for_status()
    assert [r["status"] for r in response.json()["results"]] == ["applied"] * len(changes)


def local_ticket(console: Any, ticket_id: str) -> dict[str, Any] | None:
    with console.store.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT assignee_id, priority, tags FROM tickets WHERE id = ?", (ticket_id,)
        ).first()
    return None if row is None else {"assignee_id": row[0], "priority": row[1], "tags": str(row[2] or "")}


@pytest.mark.parametrize("synced_before", [True, False], ids=["synced-store", "first-sign-in"])
def test_new_p1_for_me_notifies_once(
    qtbot: Any, gateway: str, tmp_path: Path, home: Path, synced_before: bool
) -> None:
    from agentdesk.sync.client import Replicator
    from agentdesk.ui import i18n
    from agentdesk.ui.app import Console, ensure_app

    session = httpx.post(gateway + "/v1/session", json={"login": "demo.agent", "password": "demo"}).json()
    store = tmp_path / "store.sqlite3"
    if synced_before:  # a console that synced before: what it has is not new
        first = Replicator(store, gateway, session["token"], events=False)
        first.set_agent(session["agent"])
        first.sync_once()
        first.stop()
    # else the first snapshot arrives while the console runs: the P1s it brings are not new either

    lead = sign_in(gateway, "demo.lead")
    rows, _, _ = pull_all(gateway, lead)
    candidates = sorted(
        k[1]
        for k, v in rows.items()
        if k[0] == "ticket"
        and v.get("team_id") == "team-billing"
        and (v.get("status_group") or v.get("status")) in OPEN
        and v.get("assignee_id") != AGENT_ID
    )
    p2_for_me, p1_for_other, p1_for_me = candidates[:3]

    ensure_app()
    console = Console(
        store_path=store,
        server_url=gateway,
        token=session["token"],
        agent=session["agent"],
        language=i18n.install("en"),
        start_sync=True,  # the replicator runs: events from the gateway, pulls on its own thread
    )
    window = console.window
    qtbot.addWidget(window)
    window.show()
    notified: list[str] = []
    window.p1_notified.connect(notified.append)
    try:
        qtbot.waitUntil(lambda: window._my_p1 is not None, timeout=30000)  # the baseline
        assert window._my_p1, "demo.agent has open P1 tickets already"
        assert notified == []

        def settle(ticket_id: str, done: Any) -> None:
            """Wait until the console pulled the change, then for a queue load after it."""
            qtbot.waitUntil(lambda: done(local_ticket(console, ticket_id)), timeout=15000)
            with qtbot.waitSignal(window.queue.model.applied, timeout=10000):
                window.reload_queue()

        mutate(
            gateway,
            lead,
            p2_for_me,
            ("ticket.set_priority", {"priority": "P2"}),
            ("ticket.assign", {"agent_id": AGENT_ID}),
        )
        settle(p2_for_me, lambda t: t["assignee_id"] == AGENT_ID and t["priority"] == "P2")
        assert notified == []  # a P2 is no alarm

        mutate(
            gateway,
            lead,
            p1_for_other,
            ("ticket.set_priority", {"priority": "P1"}),
            ("ticket.assign", {"agent_id": OTHER_ID}),
        )
        settle(p1_for_other, lambda t: t["assignee_id"] == OTHER_ID and t["priority"] == "P1")
        assert notified == []  # someone else's P1

        with qtbot.waitSignal(window.p1_notified, timeout=15000) as raised:
            mutate(
                gateway,
                lead,
                p1_for_me,
                ("ticket.set_priority", {"priority": "P1"}),
                ("ticket.assign", {"agent_id": AGENT_ID}),
            )
        assert raised.args == [p1_for_me]
        assert notified == [p1_for_me]

        mutate(gateway, lead, p1_for_me, ("ticket.tag", {"add": ["escalated"]}))  # the next pull
        settle(p1_for_me, lambda t: "escalated" in t["tags"])
        assert notified == [p1_for_me]  # once
    finally:
        console.close()
