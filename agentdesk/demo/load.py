"""Bulk path from the record stream into a local store: the rows ``codec.row_values`` would
write (tests compare the two), masked as the gateway sends them to an agent, in big batches."""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from agentdesk.privacy.masking import mask_data
from agentdesk.store import Store
from agentdesk.store.codec import model_for, row_values

BATCH = 50_000


def _column_names(entity: str) -> list[str]:
    return [c.name for c in model_for(entity).__table__.columns]  # type: ignore[attr-defined]


def _plain(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def load_into_store(
    store: Store, rows: Iterable[tuple[str, str, dict[str, Any]]], *, mask: bool = True, version: int = 1
) -> dict[str, int]:
    """Write ``rows`` (timestamps already in the store's fixed-width form) and return counts per entity."""
    columns: dict[str, list[str]] = {}
    statements: dict[str, str] = {}
    pending: dict[str, list[tuple[Any, ...]]] = {}
    counts: dict[str, int] = {}
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA synchronous=OFF")

        def flush(entity: str) -> None:
            batch = pending.pop(entity, [])
            if batch:
                cursor.execute("BEGIN")
                cursor.executemany(statements[entity], batch)
                cursor.execute("COMMIT")

        for entity, entity_id, data in rows:
            if entity not in columns:
                columns[entity] = _column_names(entity)
                names = columns[entity]
                table = model_for(entity).__tablename__
                marks = ", ".join("?" * len(names))
                statements[entity] = f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) VALUES ({marks})"
            if mask:
                data = mask_data(entity, data) or data
            values = row_values(entity, entity_id, version, data)
            pending.setdefault(entity, []).append(tuple(_plain(values.get(name)) for name in columns[entity]))
            counts[entity] = counts.get(entity, 0) + 1
            if len(pending[entity]) >= BATCH:
                flush(entity)
        for entity in list(pending):
            flush(entity)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA optimize")
    finally:
        raw.close()
    return counts
