"""The fast snapshot writer stores what the codec does, row for row (read back through the mapping)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON, Boolean, Integer, select
from sqlalchemy.exc import StatementError

from agentdesk.store.codec import model_for, row_values, upsert_rows
from agentdesk.store.models import ENTITY_MODELS
from agentdesk.store.types import UTCDateTime
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


# Odd values, column by column: absent, null (also for a NOT NULL column with a default, which both
# paths store as the default), zero, empty, unicode, the wire's timestamp forms; unknown fields go
# to ``extra``. Each record must be stored as the codec stores it (or refused by both).
_TEXT = st.sampled_from(["", "0", "x", "中文 \u00e9", "a \"quoted\" ],\n line", "null"])
_INT = st.sampled_from([0, -1, 1, 2**53, 2**62])
_TIME = st.sampled_from([
    "2026-11-01T08:00:00Z", "2026-11-01T08:00:00.250000Z", "2026-11-01T16:00:00+08:00",
    "2026-11-01T08:00:00.5Z", "2026-11-01T08:00:00", "2026-02-28T23:59:59.999999-01:30",
])
_JSON = st.recursive(
    st.none() | st.booleans() | _INT | st.sampled_from([1.5, -0.0, 1e300]) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=6,
)
_FAST = sorted(e for e in ENTITY_MODELS if bulk._plan(e) is not None)


def _value(column: Any) -> st.SearchStrategy[Any]:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        values: st.SearchStrategy[Any] = _TIME
    elif isinstance(kind, JSON):
        values = _JSON
    elif isinstance(kind, Boolean):
        values = st.sampled_from([True, False, 0, 1])
    elif isinstance(kind, Integer):
        values = _INT
    else:
        values = _TEXT
    if column.nullable or column.default is not None:
        return values | st.none()
    return values.filter(lambda v: v is not None)  # a JSON column's own values include null


@st.composite
def _record(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    entity = draw(st.sampled_from(_FAST))
    data: dict[str, Any] = {}
    for column in model_for(entity).__table__.columns:  # type: ignore[attr-defined]
        if column.name in ("id", "server_version", "extra"):
            continue
        required = not column.nullable and column.default is None
        if draw(st.integers(0, 19)) if required else draw(st.booleans()):  # a required one: rarely absent
            data[column.name] = draw(_value(column))
    if entity == "ticket" and draw(st.booleans()):
        data["status"] = draw(st.sampled_from(["new", "solved", "Waiting for reply", "", None]))
        data["status_group"] = draw(st.sampled_from(["pending", "", None]))
    for name in draw(st.lists(st.sampled_from(["future_field", "sla", "ÿ"]), max_size=2, unique=True)):
        data[name] = draw(_JSON)
    return entity, data


@pytest.fixture(scope="module")
def store_pair(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("odd")
    slow, fast = (storeio.open_writer_store(folder / f"{name}.db") for name in ("slow", "fast"))
    yield slow, fast
    slow.close()
    fast.close()


_ids = iter(range(10**9))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=_record())
def test_odd_values_are_stored_as_the_codec_stores_them(
    store_pair: Any, record: tuple[str, dict[str, Any]]
) -> None:
    entity, data = record
    slow, fast = store_pair
    rid, table = f"r{next(_ids)}", model_for(entity).__table__  # type: ignore[attr-defined]
    stored = []
    for store, write in ((slow, lambda c: upsert_rows(c, entity, [row_values(entity, rid, 3, data)])),
                         (fast, lambda c: bulk.upsert_records(c, entity, [(rid, 3, data)]))):
        try:
            with store.connect() as conn:
                write(conn)
        except (*bulk.ROW_ERRORS, StatementError):
            stored.append("refused")
            continue
        with store.connect() as conn:
            stored.append(conn.execute(select(table).where(table.c.id == rid)).one())
    event("refused" if stored[0] == "refused" else "stored")
    assert stored[0] == stored[1], data
