"""The queue's store query: open tickets in priority and age order, read through the open-ticket
indexes (migration 0005) and, for several teams, one ordered read per team merged."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from agentdesk.store import Store
from agentdesk.store.codec import row_values, upsert_rows
from agentdesk.ui import data

TEAMS = ("team-a", "team-b", "team-c")
STATUSES = ("new", "open", "pending", "on_hold", "solved", "closed")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    rng = random.Random(11)
    store = Store.open(Path(tmp_path_factory.mktemp("queue")) / "store.sqlite3")
    rows = []
    for n in range(600):
        created = f"2026-11-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00Z"  # many ties
        rows.append(row_values("ticket", f"t{n:04d}", n + 1, {
            "number": n, "subject": f"s{n}", "status": rng.choice(STATUSES),
            "priority": rng.choice(("P1", "P2", "P3")), "team_id": rng.choice(TEAMS),
            "customer_id": f"c{n % 50}", "assignee_id": rng.choice(("a1", "a2")),
            "created_at": created, "updated_at": created,
        }))
    with store.connect() as conn:
        upsert_rows(conn, "ticket", rows)
    return store


def _expected(store: Store, where: str, limit: int) -> list[tuple[str, str, str]]:
    with store.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, priority, created_at FROM tickets WHERE status_group IN "
            f"('new', 'open', 'pending', 'on_hold') {where}"
        ).all()
    return sorted((r[1], r[2], r[0]) for r in rows)[:limit]


def _order(rows: list[data.QueueRow]) -> list[tuple[str, str]]:
    return [(r.priority, r.created_at.isoformat()) for r in rows]


@pytest.mark.parametrize("limit", [5000, 37])
def test_team_view_merges_each_teams_ordered_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(data, "QUEUE_LIMIT", limit)
    with store.connect() as conn:
        got = data.load_queue(conn, "team", None, TEAMS[:2])
    want = _expected(store, "AND team_id IN ('team-a', 'team-b')", limit)
    assert len(got) == len(want) > 0
    assert {r.team_id for r in got} <= set(TEAMS[:2])
    assert _order(got) == sorted(_order(got))
    # the same (priority, created_at) keys as the reference; ties may come in either team's order
    assert [(p, c) for p, c, _ in want] == [(r.priority, r.created_at.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z")
                                          for r in got]
    if limit >= len(want):
        assert {r.id for r in got} == {i for _, _, i in want}


def test_every_view_reads_the_open_ticket_index_in_queue_order(store: Store) -> None:
    with store.connect() as conn:
        sql = data._QUEUE_SQL.format(where="AND t.team_id = ?", limit=data.QUEUE_LIMIT)
        plan = " ".join(str(r[3]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, ("team-a",)))
        got = data.load_queue(conn, "all", None, ())
        teams = data._open_ticket_teams(conn)
    assert "ix_tickets_open_team" in plan and "TEMP B-TREE" not in plan
    assert teams == sorted({r.team_id for r in got}) == list(TEAMS)
    want = _expected(store, "", 10**6)
    assert [r.id for r in got] and {r.id for r in got} == {i for _, _, i in want}
    assert _order(got) == sorted(_order(got))
