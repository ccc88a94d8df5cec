"""The demo generator: deterministic, shaped like the wire, and loaded exactly as the codec would."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import select

from agentdesk.demo import DEMO_LOGINS, DemoSpec, gateway_rows, generate, load_into_store
from agentdesk.domain.enums import Category, Channel, Priority, TicketStatus
from agentdesk.privacy.masking import mask_data
from agentdesk.store import Store
from agentdesk.store.codec import model_for, row_values, upsert_rows

SPEC = DemoSpec(customers=300)


def test_same_seed_same_records_and_another_seed_differs() -> None:
    assert list(generate(SPEC)) == list(generate(SPEC))
    assert list(generate(DemoSpec(customers=300, seed=8))) != list(generate(SPEC))


def test_records_follow_the_wire_shapes() -> None:
    rows = list(generate(SPEC))
    counts = Counter(entity for entity, _, _ in rows)
    assert counts["customer"] == 300 and counts["team"] >= 2
    assert 1200 <= counts["interaction"] <= 1800
    logins = {data["login"]: eid for entity, eid, data in rows if entity == "agent"}
    assert {k: logins[k] for k in DEMO_LOGINS} == DEMO_LOGINS
    roles = {data["login"]: (data["role"], data["team_ids"]) for entity, _, data in rows if entity == "agent"}
    assert roles["demo.agent"][1] == roles["demo.lead"][1] and roles["demo.lead"][0] == "team_lead"
    by_team = Counter(data["team_id"] for entity, _, data in rows if entity == "ticket")
    assert len(by_team) >= 2
    for entity, _, data in rows:
        if entity == "ticket":
            assert TicketStatus(data["status"]) and Priority(data["priority"]) and Category(data["category"])
            assert data["first_response_due"] < data["resolution_due"]
        elif entity == "interaction":
            assert Channel(data["channel"])
        elif entity == "customer":
            assert data["tier"] in ("VIP", "standard") and 0 <= data["health_score"] <= 100
    languages = Counter(data["language"] for entity, _, data in rows if entity == "customer")
    assert languages["zh"] > 60 and languages["en"] > 60
    channels = {data["channel"] for entity, _, data in rows if entity == "interaction"}
    assert channels == {c.value for c in Channel}


def test_bulk_loader_writes_what_the_codec_writes_and_masks(tmp_path: Path) -> None:
    rows = list(generate(DemoSpec(customers=40)))
    with Store.open(tmp_path / "fast.sqlite3") as fast:
        counts = load_into_store(fast, rows)
    with Store.open(tmp_path / "codec.sqlite3") as slow, slow.connect() as conn:
        for entity, eid, data in rows:
            upsert_rows(conn, entity, [row_values(entity, eid, 1, mask_data(entity, data) or data)])
    assert counts["customer"] == 40
    with Store.open(tmp_path / "fast.sqlite3") as fast, Store.open(tmp_path / "codec.sqlite3") as slow:
        for entity in ("customer", "ticket", "interaction", "message", "approval", "agent"):
            table = model_for(entity).__table__  # type: ignore[attr-defined]
            query = select(table).order_by(table.c.id)
            with fast.connect() as a, slow.connect() as b:
                assert a.execute(query).all() == b.execute(query).all(), entity
        with fast.connect() as conn:
            phones = [r[0] for r in conn.exec_driver_sql("SELECT phone FROM customers")]
    assert all("****" in p for p in phones)


def test_gateway_rows_are_timed_from_now() -> None:
    tickets = [data for entity, _, data in gateway_rows(customers=30) if entity == "ticket"]
    assert tickets and max(t["created_at"] for t in tickets) > "2026-"
