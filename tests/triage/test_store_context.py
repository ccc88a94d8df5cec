from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agentdesk.errors import InputError
from agentdesk.store import Store
from agentdesk.store.codec import row_values, upsert_rows
from agentdesk.triage.store_context import route_ticket, triage_ticket

NOW = "2026-11-23T08:00:00Z"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "s.sqlite") as opened:
        yield opened


def _put(store: Store, entity: str, entity_id: str, data: dict[str, Any]) -> None:
    with store.connect() as conn:
        upsert_rows(conn, entity, [row_values(entity, entity_id, 1, data)])


def _ticket(store: Store, ticket_id: str, **data: Any) -> None:
    _put(
        store,
        "ticket",
        ticket_id,
        {
            "number": 1,
            "subject": "help",
            "status": "open",
            "priority": "P3",
            "team_id": "billing",
            "customer_id": "c1",
            "created_at": NOW,
            "updated_at": NOW,
            **data,
        },
    )


def test_triage_uses_latest_customer_message_and_history(store: Store) -> None:
    _put(store, "customer", "c1", {"name": "Bo", "tier": "standard", "complaints_90d": 3})
    _ticket(store, "T1")
    _put(
        store,
        "message",
        "m1",
        {
            "ticket_id": "T1",
            "body": "Where is my invoice?",
            "public": True,
            "author_kind": "customer",
            "created_at": "2026-11-23T07:00:00Z",
        },
    )
    _put(
        store,
        "message",
        "m2",
        {
            "ticket_id": "T1",
            "body": "Still no invoice. Ridiculous!!",
            "public": True,
            "author_kind": "customer",
            "created_at": "2026-11-23T07:30:00Z",
        },
    )
    with store.connect() as conn:
        result = triage_ticket(conn, "T1")
        assert result.category.value == "billing"
        assert result.priority.value == "P1"
        assert any(r.code == "priority.repeat_complainer" for r in result.reasons)
        with pytest.raises(InputError):
            triage_ticket(conn, "missing")


def test_routing_counts_open_tickets_per_agent(store: Store) -> None:
    _put(store, "customer", "c1", {"name": "Bo", "tier": "standard"})
    for agent_id, skills in (("a1", ["billing"]), ("a2", ["billing"]), ("a3", ["technical"])):
        _put(
            store,
            "agent",
            agent_id,
            {
                "login": agent_id,
                "name": agent_id,
                "role": "agent",
                "team_ids": ["billing"],
                "skills": skills,
                "max_load": 4,
            },
        )
    _put(
        store,
        "agent",
        "a4",
        {
            "login": "a4",
            "name": "a4",
            "role": "agent",
            "team_ids": ["other"],
            "skills": ["billing"],
            "max_load": 4,
        },
    )
    for n in range(3):
        _ticket(store, f"busy{n}", assignee_id="a1", category="billing")
    _ticket(store, "done", assignee_id="a2", category="billing", status="solved")
    _ticket(store, "new", category="billing", priority="P2")
    with store.connect() as conn:
        choices = route_ticket(conn, "new")
    assert [c.agent_id for c in choices] == ["a2", "a1"]
    assert "load 0/4" in choices[0].reasons
