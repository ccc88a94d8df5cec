"""Wire records in and out of the typed tables, and the customer 360 query."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from agentdesk.store import Store
from agentdesk.store.codec import delete_rows, row_values, upsert_rows, wire_data
from agentdesk.store.models import Customer
from agentdesk.store.queries import load_customer_360

CUSTOMER = {
    "name": "王芳",
    "tier": "VIP",
    "tags": ["price-sensitive"],
    "health_score": 35,
    "churn_risk": "high",
    "verified": True,
    "verified_at": "2026-10-01T09:30:00Z",
    "phone": "138****5678",
    "contacts": [{"channel": "app", "handle": "wf***"}],
    "future_field": {"x": 1},
}


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "store.sqlite3") as s:
        yield s


def test_round_trip_keeps_known_and_unknown_fields(store: Store) -> None:
    table = Customer.__table__
    with store.connect() as conn:
        upsert_rows(conn, "customer", [row_values("customer", "c1", 5, CUSTOMER)])
        row = conn.execute(select(table)).mappings().one()
    assert row["extra"] == {"future_field": {"x": 1}}
    assert row["server_version"] == 5
    assert wire_data("customer", row) == {**CUSTOMER, "complaints_90d": 0}


def test_ticket_keeps_upstream_status_word_and_our_group(store: Store) -> None:
    data = {
        "number": 7,
        "subject": "s",
        "status": "hold",
        "status_group": "on_hold",
        "priority": "P2",
        "team_id": "t",
        "customer_id": "c",
        "tags": [],
        "created_at": "2026-11-01T00:00:00Z",
        "updated_at": "2026-11-01T00:00:00Z",
    }
    values = row_values("ticket", "k1", 1, data)
    assert values["status"] == "hold" and values["status_group"] == "on_hold"
    ours = row_values("ticket", "k2", 1, {**data, "status": "pending", "status_group": None})
    assert ours["status_group"] == "pending"


def test_approval_amount_is_decimal_and_goes_back_as_string(store: Store) -> None:
    data = {
        "ticket_id": "t",
        "team_id": "x",
        "kind": "refund",
        "amount": "4999.90",
        "reason": "r",
        "status": "pending",
        "requested_by": "a",
        "requested_at": "2026-11-01T00:00:00Z",
    }
    with store.connect() as conn:
        upsert_rows(conn, "approval", [row_values("approval", "ap1", 2, data)])
    with store.session() as session:
        from agentdesk.store.models import Approval

        approval = session.get(Approval, "ap1")
        assert approval is not None and approval.amount == Decimal("4999.90")
        assert wire_data("approval", approval.__dict__)["amount"] == "4999.90"


def test_unknown_entity_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown entity"):
        row_values("spaceship", "x", 1, {})


def _interaction(i: int, customer: str = "c1") -> dict:
    return {
        "customer_id": customer,
        "channel": ["phone", "app", "web", "store", "social", "email", "chat"][i % 7],
        "direction": "inbound",
        "occurred_at": f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
        "summary": f"contact {i}",
    }


def test_360_has_profile_open_tickets_and_newest_interactions_first(store: Store) -> None:
    base_ticket = {
        "subject": "s",
        "priority": "P2",
        "team_id": "t",
        "customer_id": "c1",
        "tags": [],
        "created_at": "2026-11-01T00:00:00Z",
        "updated_at": "2026-11-01T00:00:00Z",
    }
    with store.connect() as conn:
        upsert_rows(conn, "organization", [row_values("organization", "o1", 1, {"name": "Acme"})])
        upsert_rows(
            conn, "customer", [row_values("customer", "c1", 1, {**CUSTOMER, "organization_id": "o1"})]
        )
        upsert_rows(
            conn,
            "ticket",
            [
                row_values("ticket", "open1", 1, {**base_ticket, "number": 1, "status": "open"}),
                row_values(
                    "ticket", "p1", 1, {**base_ticket, "number": 2, "status": "new", "priority": "P1"}
                ),
                row_values("ticket", "done", 1, {**base_ticket, "number": 3, "status": "solved"}),
                row_values(
                    "ticket", "other", 1, {**base_ticket, "number": 4, "status": "open", "customer_id": "c2"}
                ),
            ],
        )
        upsert_rows(
            conn, "interaction", [row_values("interaction", f"i{i}", 1, _interaction(i)) for i in range(250)]
        )
        upsert_rows(conn, "interaction", [row_values("interaction", "x", 1, _interaction(3, "c2"))])
        view = load_customer_360(conn, "c1")
        assert load_customer_360(conn, "nobody") is None
    assert view is not None
    assert view.customer["name"] == "王芳" and view.customer["tags"] == ["price-sensitive"]
    assert view.organization is not None and view.organization["name"] == "Acme"
    assert [t["id"] for t in view.open_tickets] == ["p1", "open1"]
    assert len(view.interactions) == 200 and view.has_more_interactions
    times = [i["occurred_at"] for i in view.interactions]
    assert times == sorted(times, reverse=True)
    assert {i["customer_id"] for i in view.interactions} == {"c1"}


def test_delete_rows(store: Store) -> None:
    with store.connect() as conn:
        upsert_rows(conn, "customer", [row_values("customer", "c1", 1, CUSTOMER)])
        assert delete_rows(conn, "customer", ["c1", "zz"]) == 1
        assert load_customer_360(conn, "c1") is None
