"""Connector state for operators: last sync, lag, rate-limit waits, errors, pushes waiting or failed."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import func, select

from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store import schema as s


def connector_report(database_url: str) -> list[dict[str, Any]]:
    store = GatewayStore(database_url, pool_size=1)
    try:
        store.create_schema()
        o = s.upstream_outbox
        with store.read() as conn:
            rows = conn.execute(select(s.connector_health)).all()
            pushes = {
                (system, state): count
                for system, state, count in conn.execute(
                    select(o.c.system, o.c.state, func.count()).group_by(o.c.system, o.c.state)
                )
            }
        report = []
        for row in rows:
            health = orjson.loads(row.health)
            report.append(
                {
                    "connector": row.connector,
                    "last_pull_at": health.get("last_pull_at"),
                    "last_success_at": health.get("last_success_at"),
                    "lag_seconds": health.get("lag_seconds"),
                    "rate_limit_waits": health.get("rate_limit_waits"),
                    "rate_limit_wait_seconds": round(float(health.get("rate_limit_wait_seconds") or 0), 1),
                    "errors": health.get("errors"),
                    "skipped_records": health.get("skipped"),
                    "last_error": health.get("last_error"),
                    "pushes_pending": pushes.get((row.system, "pending"), 0),
                    "pushes_failed": pushes.get((row.system, "failed"), 0),
                    "pushes_done": pushes.get((row.system, "done"), 0),
                }
            )
        return report
    finally:
        store.dispose()
