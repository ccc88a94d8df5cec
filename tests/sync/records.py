"""Wire records for sync tests."""

from __future__ import annotations

from typing import Any


def ticket(n: int, *, status: str = "open", tags: list[str] | None = None, team: str = "t1",
           **extra: Any) -> dict[str, Any]:
    return {
        "number": n, "subject": f"Ticket {n}", "status": status, "priority": "P2", "team_id": team,
        "customer_id": f"c{n}", "tags": tags or [], "created_at": "2026-11-01T08:00:00Z",
        "updated_at": "2026-11-01T08:00:00Z", **extra,
    }


def customer(n: int, **fields: Any) -> dict[str, Any]:
    return {"name": f"Customer {n}", "tier": "standard", "tags": [], "health_score": 80,
            "churn_risk": "low", "verified": False, **fields}


def message(ticket_id: str, body: str, **extra: Any) -> dict[str, Any]:
    return {"ticket_id": ticket_id, "body": body, "public": True, "author_kind": "agent",
            "created_at": "2026-11-01T09:00:00Z", **extra}


def change(entity: str, entity_id: str, version: int, data: dict[str, Any] | None = None,
           op: str = "upsert") -> dict[str, Any]:
    return {"entity": entity, "id": entity_id, "op": op, "version": version, "data": data}
