"""The fast snapshot writer stores what the codec does, row for row (read back through the mapping)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from agentdesk.store.codec import model_for, row_values, upsert_rows
from agentdesk.store.models import ENTITY_MODELS
from agentdesk.sync.client import bulk, storeio
from tests.sync.records import customer, message, ticket

SAMPLES: dict[str, list[dict[str, Any]]] = {
    "ticket": [ticket(1), ticket(2, status="Waiting for reply", status_group="pending", tags=["a", "中文"],
                                 solved_at="2026-11-02T10:00:00.250000Z", csat=4, future_field={"x": [1]}),
               ticket(3, status=None, created_at="2026-11-01T16:00:00+08:00", assignee_id=None)],
    "customer": [customer(1), customer(2, verified=True, contacts=[{"channel": "phone", "handle": "***"}],
                                      phone=None, organization_id="o1")],
    "message": [message("1", "hi"), message("1", "note", public=False, mutation_id="m-1")],
    "team": [{"name": "Team", "department": "billing"}],
    "approval": [{"ticket_id": "1", "team_id": "t", "kind": "refund", "amount": "12.50", "reason": "r",
                  "status": "pending", "requested_by": "a", "requested_at": "2026-11-01T08:00:00Z"}],
}


@pytest.mark.parametrize("entity", sorted(SAMPLES))
def test_same_rows_as_the_codec(tmp_path: Path, entity: str) -> None:
    assert entity in ENTITY_MODELS
    slow, fast = (storeio.open_writer_store(tmp_path / f"{name}.db") for name in ("slow", "fast"))
    records = [(str(n), n + 10, data) for n, data in enumerate(SAMPLES[entity])]
    table = model_for(entity).__table__  # type: ignore[attr-defined]
    with slow.connect() as conn:
        upsert_rows(conn, entity, [row_values(entity, *r) for r in records])
        upsert_rows(conn, entity, [row_values(entity, *r) for r in records])  # and again: update path
        typed = conn.execute(select(table).order_by(table.c.id)).all()
    with fast.connect() as conn:
        bulk.upsert_records(conn, entity, records)
        bulk.upsert_records(conn, entity, records)
        assert conn.execute(select(table).order_by(table.c.id)).all() == typed
    slow.close()
    fast.close()
