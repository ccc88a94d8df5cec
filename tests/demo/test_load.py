"""The bulk loader writes what codec.row_values + upsert_rows write, masked as agents see it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from agentdesk.demo import DemoSpec, generate, load, load_into_store
from agentdesk.privacy.masking import mask_record
from agentdesk.store import Store
from agentdesk.store.codec import model_for, row_values, upsert_rows
from agentdesk.store.queries import load_customer_360
from tests.demo.conftest import REFERENCE


def _raw_rows(path: Path, entity: str) -> list[tuple]:
    table = model_for(entity).__tablename__
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


def test_bulk_rows_equal_codec_rows_byte_for_byte(tmp_path: Path) -> None:
    rows = list(generate(DemoSpec(customers=200, reference=REFERENCE)))
    rows.append(
        (
            "customer",
            "cust-odd",
            {
                "name": "Odd",
                "tier": "standard",
                "tags": [],
                "health_score": 50,
                "churn_risk": "medium",
                "verified": False,
                "nickname": "x",
                "created_at": "2026-01-02T03:04:05Z",
            },
        )
    )
    rows.append(
        (
            "ticket",
            "tkt-up",
            {
                "number": 9,
                "subject": "s",
                "status": "Awaiting vendor",
                "priority": "P2",
                "team_id": "team-tech",
                "customer_id": "cust-odd",
                "tags": [],
                "created_at": "2026-01-02T03:04:05+08:00",
                "updated_at": "2026-01-02T03:04:05Z",
            },
        )
    )
    fast_path, slow_path = tmp_path / "fast.sqlite3", tmp_path / "codec.sqlite3"
    with Store.open(fast_path) as fast:
        counts = load_into_store(fast, rows)
    with Store.open(slow_path) as slow, slow.connect() as conn:
        for entity, entity_id, data in rows:
            upsert_rows(conn, entity, [row_values(entity, entity_id, 1, mask_record(entity, data))])
        conn.commit()
    assert counts["customer"] == 201 and counts["ticket"] > 150
    for entity in ("team", "agent", "organization", "article", "customer", "ticket", "interaction",
                   "message", "approval"):  # fmt: skip
        fast_rows, slow_rows = _raw_rows(fast_path, entity), _raw_rows(slow_path, entity)
        assert fast_rows and fast_rows == slow_rows, entity


def test_loaded_store_is_masked_and_answers_the_360(tmp_path: Path) -> None:
    rows = list(generate(DemoSpec(customers=40, reference=REFERENCE)))
    clear = {i: d for e, i, d in rows if e == "customer"}
    with Store.open(tmp_path / "masked.sqlite3") as store:
        load_into_store(store, rows)
        with store.connect() as conn:
            view = load_customer_360(conn, "cust-0000001")
    assert view is not None
    shown, real = view.customer, clear["cust-0000001"]
    for field in ("phone", "email", "address", "national_id"):
        assert "*" in shown[field] and shown[field] != real[field]
    assert all("*" in c["handle"] for c in shown["contacts"])
    assert view.interactions and view.interactions[0]["occurred_at"] >= view.interactions[-1]["occurred_at"]
    with Store.open(tmp_path / "clear.sqlite3") as store:
        load_into_store(store, rows, mask=False)
        with store.connect() as conn:
            again = load_customer_360(conn, "cust-0000001")
    assert again is not None and again.customer["phone"] == real["phone"]


def test_a_bad_record_rolls_the_whole_load_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH", 50)  # several batches reach SQLite before the bad record
    rows = list(generate(DemoSpec(customers=30, reference=REFERENCE)))
    rows.insert(len(rows) // 2, ("gadget", "g-1", {"name": "not an entity"}))
    with Store.open(tmp_path / "s.sqlite3") as store, pytest.raises(ValueError, match="gadget"):
        load_into_store(store, rows)
    assert _raw_rows(tmp_path / "s.sqlite3", "customer") == []
    assert _raw_rows(tmp_path / "s.sqlite3", "interaction") == []
