"""Hypothesis: random mutation sequences by agents of two teams (and an admin) never leak a row
across teams, and an incremental pull (deletes included) always converges to a fresh snapshot."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentdesk.sync.gateway.mutations.apply import apply_one
from agentdesk.sync.gateway.seed import fixed_rows
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.changes import changes_page
from agentdesk.sync.gateway.store.records import bulk_load

BILLING = Principal("agent-demo-agent", "demo.agent", "Dana", "agent", ("team-billing",))
TECH = Principal("agent-tech-1", "tech.one", "Tao", "agent", ("team-tech",))
LEAD = Principal("agent-demo-lead", "demo.lead", "Lee", "team_lead", ("team-billing",))
ADMIN = Principal(
    "agent-demo-admin", "demo.admin", "Ada", "admin", ("team-billing", "team-tech", "team-delivery")
)
TICKETS = [f"tkt-{n}" for n in range(1001, 1021)]
CUSTOMERS = [f"cust-{n}" for n in range(1, 11)]

operation = st.tuples(
    st.sampled_from([BILLING, TECH, LEAD, ADMIN]),
    st.sampled_from(["transfer", "reply", "note", "customer", "approval", "status"]),
    st.sampled_from(TICKETS),
    st.sampled_from(["billing", "technical", "delivery"]),
)


def pull(store: GatewayStore, who: Principal, cursor: int, rows: dict[tuple[str, str], Any]) -> int:
    while True:
        with store.read() as conn:
            page = changes_page(conn, store.head(conn), cursor, 50, team_ids=who.scope, masked=True)
        for change in orjson.loads(page.body)["changes"]:
            key = (change["entity"], change["id"])
            if change["op"] == "delete":
                rows.pop(key, None)
            else:
                rows[key] = change["data"]
        cursor = page.cursor
        if not page.has_more:
            return cursor


def check_no_leak(rows: dict[tuple[str, str], Any], who: Principal) -> None:
    tickets = {i: d for (e, i), d in rows.items() if e == "ticket"}
    assert all(d["team_id"] in who.team_ids for d in tickets.values())
    customers = {d["customer_id"] for d in tickets.values()}
    orgs = {d.get("organization_id") for (e, i), d in rows.items() if e == "customer"}
    for (entity, entity_id), data in rows.items():
        if entity in ("message", "approval"):
            assert data["ticket_id"] in tickets, (entity, entity_id)
        elif entity == "interaction":
            assert data.get("ticket_id") in tickets or data["customer_id"] in customers
        elif entity == "customer":
            assert entity_id in customers, entity_id
        elif entity == "organization":
            assert entity_id in orgs, entity_id


def mutation(kind: str, ticket: str, department: str) -> dict[str, Any]:
    mid = str(uuid.uuid4())
    base = {"mutation_id": mid, "entity": "ticket", "entity_id": ticket, "base_version": None}
    customer = CUSTOMERS[int(ticket[-2:]) % len(CUSTOMERS)]
    return {
        "transfer": {**base, "kind": "ticket.transfer", "payload": {"department": department}},
        "reply": {**base, "kind": "ticket.reply", "payload": {"body": "hello"}},
        "note": {**base, "kind": "ticket.note", "payload": {"body": "internal"}},
        "status": {**base, "kind": "ticket.set_status", "payload": {"status": "pending"}},
        "approval": {
            **base,
            "kind": "approval.request",
            "payload": {"kind": "refund", "amount": "10", "reason": "r"},
        },
        "customer": {
            **base,
            "kind": "customer.update",
            "entity": "customer",
            "entity_id": customer,
            "payload": {"fields": {"language": "zh"}},
        },
    }[kind]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scoping") / "template.db"
    store = GatewayStore(f"sqlite:///{path}")
    store.create_schema()
    with store.write() as tx:
        bulk_load(tx, fixed_rows(customers=10))
    store.dispose()
    return path


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.lists(operation, max_size=12), second=st.lists(operation, min_size=1, max_size=12))
def test_random_mutations_never_leak_across_teams(template: Path, tmp_path: Path, first, second) -> None:
    path = tmp_path / f"{uuid.uuid4().hex}.db"
    path.write_bytes(template.read_bytes())
    store = GatewayStore(f"sqlite:///{path}")
    try:
        for who, kind, ticket, department in first:
            apply_one(store, who, "prop", mutation(kind, ticket, department))
        held = {p: {} for p in (BILLING, TECH, LEAD)}
        cursors = {p: pull(store, p, 0, held[p]) for p in held}
        for who, kind, ticket, department in second:
            apply_one(store, who, "prop", mutation(kind, ticket, department))
        for who, rows in held.items():
            pull(store, who, cursors[who], rows)  # incremental, deletes included
            fresh: dict[tuple[str, str], Any] = {}
            pull(store, who, 0, fresh)
            check_no_leak(fresh, who)
            assert rows == fresh
    finally:
        store.dispose()
