"""Alert state on the gateway: measure each team's snapshot, evaluate the rules
(agentdesk.supervisor.alerts) and raise / update / clear rows of ``gw_sv_alerts``.

Recent window = today (UTC day bucket of the rollup), baseline = the 7 days before. P1 and queue
figures come from the open tickets' facts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import Connection, func, insert, select, update

from agentdesk.supervisor.alerts import (
    DEFAULT_RULES,
    Alert,
    Level,
    Rule,
    RuleKind,
    TeamSnapshot,
    diff,
    evaluate,
)
from agentdesk.supervisor.tally import Tally
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.supervisor import tables as t

BASELINE_DAYS = 7


@dataclass
class AlertSettings:
    rules: tuple[Rule, ...] = DEFAULT_RULES
    default_capacity: int = 25  # waiting tickets a team can hold before the queue alert
    capacity: dict[str, int] = field(default_factory=dict)


SETTINGS = AlertSettings()


def _sum_by_team(conn: Connection, day_from: int, day_to: int) -> dict[str, Tally]:
    ru = t.rollup
    cols = [func.sum(getattr(ru.c, c)).label(c) for c in Tally.columns()]
    q = (
        select(ru.c.team_id, *cols)
        .where(ru.c.dim == "priority", ru.c.day >= day_from, ru.c.day <= day_to)
        .group_by(ru.c.team_id)
    )
    return {row.team_id: Tally.from_row(row) for row in conn.execute(q)}


def team_ids(conn: Connection) -> list[str]:
    r = s.records
    return [i for (i,) in conn.execute(select(r.c.id).where(r.c.entity == "team", r.c.deleted.is_(False)))]


def snapshots(conn: Connection, now: float, settings: AlertSettings) -> list[TeamSnapshot]:
    today = int(now // 86400)
    recent = _sum_by_team(conn, today, today)
    base = _sum_by_team(conn, today - BASELINE_DAYS, today - 1)
    f = t.facts
    p1: dict[str, tuple[float, str]] = {}
    for team_id, due, ticket_id in conn.execute(
        select(f.c.team_id, f.c.next_due, f.c.ticket_id)
        .where(f.c.open.is_(True), f.c.priority == "P1", f.c.next_due.is_not(None))
        .order_by(f.c.next_due)
    ):
        p1.setdefault(team_id, (due, ticket_id))
    queue = dict(
        conn.execute(
            select(f.c.team_id, func.count())
            .where(f.c.open.is_(True), f.c.agent_id.is_(None))
            .group_by(f.c.team_id)
        ).all()
    )
    out = []
    for team_id in sorted(set(team_ids(conn)) | set(recent) | set(p1) | set(queue)):
        now_k = recent.get(team_id, Tally()).kpis()
        base_k = base.get(team_id, Tally()).kpis()
        due = p1.get(team_id)
        out.append(
            TeamSnapshot(
                team_id=team_id,
                recent_volume=recent.get(team_id, Tally()).volume,
                recent_complaint_rate=_f(now_k["complaint_rate_pct"]),
                baseline_complaint_rate=_f(base_k["complaint_rate_pct"]),
                recent_first_response_avg_s=_f(now_k["first_response_avg_s"]),
                p1_seconds_left=round(due[0] - now, 1) if due else None,
                p1_ticket_id=due[1] if due else None,
                queue_length=int(queue.get(team_id, 0)),
                capacity=settings.capacity.get(team_id, settings.default_capacity),
            )
        )
    return out


def _f(value: float | int | None) -> float | None:
    return None if value is None else float(value)


def _active(conn: Connection) -> dict[str, tuple[int, Alert, float]]:
    a = t.alerts
    out = {}
    for row in conn.execute(select(a).where(a.c.cleared_at.is_(None))):
        alert = Alert(
            row.key,
            RuleKind(row.rule),
            row.team_id,
            Level(row.level),
            row.value,
            row.threshold,
            orjson.loads(row.detail) if row.detail else {},
        )
        out[row.key] = (row.id, alert, row.updated_at)
    return out


VALUE_REFRESH_SECONDS = 30.0  # a live alert's figure is rewritten at most this often (levels at once)


def _changes(conn: Connection, settings: AlertSettings, now: float) -> tuple[Any, dict[str, Any]]:
    current = evaluate(settings.rules, snapshots(conn, now, settings))
    active = _active(conn)
    change = diff({k: v[1] for k, v in active.items()}, current)
    change.changed[:] = [
        alert
        for alert in change.changed
        if active[alert.key][1].level != alert.level or now - active[alert.key][2] >= VALUE_REFRESH_SECONDS
    ]
    return change, active


def evaluate_alerts(
    store: GatewayStore, settings: AlertSettings | None = None, now: float | None = None
) -> None:
    """Raise, update and clear alerts from the current rollup; writes only when something changed."""
    settings = settings or SETTINGS
    now = time.time() if now is None else now
    with store.read() as conn:
        change, _ = _changes(conn, settings, now)
    if not (change.raised or change.changed or change.cleared):
        return
    with store.write() as tx:
        conn = tx.conn
        # Again under the lock: another gateway instance may have just written the same change.
        change, active = _changes(conn, settings, now)
        a = t.alerts
        for alert in change.raised:
            conn.execute(insert(a).values(**_values(alert), raised_at=now, updated_at=now))
        for alert in change.changed:
            row_id = active[alert.key][0]
            values = _values(alert)
            if active[alert.key][1].level != alert.level:
                values.update(acked_by=None, acked_at=None)  # a new level needs a new look
            conn.execute(update(a).where(a.c.id == row_id).values(**values, updated_at=now))
        for key in change.cleared:
            conn.execute(update(a).where(a.c.id == active[key][0]).values(cleared_at=now, updated_at=now))


def _values(alert: Alert) -> dict[str, Any]:
    return {
        "key": alert.key,
        "rule": alert.rule.value,
        "team_id": alert.team_id,
        "level": alert.level.value,
        "value": alert.value,
        "threshold": alert.threshold,
        "detail": orjson.dumps(alert.detail).decode() if alert.detail else None,
    }
