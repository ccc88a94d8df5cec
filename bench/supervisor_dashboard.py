"""Supervisor dashboard at scale: 1,000,000 tickets over 30 days, 200 agents in 10 teams.

For SQLite and PostgreSQL (a database of its own on 127.0.0.1:5432, dropped afterwards): load the
tickets into the gateway store (``bulk_load``), build the KPI rollup through the real path
(``catch_up`` over the change log), then time the server's dashboard query (``dashboard_data``)
for an admin (all teams), a team lead's drill-down (team -> agents) and an agent's tickets; next to
it, the naive way: a GROUP BY over a flat raw tickets table (same tickets, typed columns, an index
on created_at) computing the same per-team figures for the same window. Prints JSON.

    python bench/supervisor_dashboard.py                        # 1M tickets, both databases
    python bench/supervisor_dashboard.py --tickets 100000 --db sqlite
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.records import bulk_load
from agentdesk.sync.gateway.supervisor.rollup import catch_up
from agentdesk.sync.gateway.supervisor.routes import dashboard_data
from agentdesk.timeutil import to_wire

TEAMS = 10
AGENTS = 200
CHANNELS = ("phone", "app", "web", "store", "social", "email", "chat")
DUE = {"P1": (300, 7200), "P2": (600, 86400), "P3": (900, 172800)}
ADMIN = Principal("bench-admin", "admin", "Admin", "admin", ())


def rows(n: int, now: float, seed: int = 7) -> Iterator[tuple[str, str, dict[str, Any]]]:
    rng = random.Random(seed)
    for t in range(TEAMS):
        yield "team", f"team-{t}", {"name": f"Team {t}"}
    for a in range(AGENTS):
        yield (
            "agent",
            f"agent-{a}",
            {"name": f"Agent {a}", "role": "agent", "team_ids": [f"team-{a % TEAMS}"]},
        )
    for i in range(n):
        agent = rng.randrange(AGENTS)
        created = now - rng.random() * 30 * 86400
        priority = rng.choices(("P1", "P2", "P3"), (1, 3, 6))[0]
        respond, resolve = DUE[priority]
        first = created + rng.uniform(30, 1500) if rng.random() < 0.95 else None
        solved = created + rng.uniform(1800, 60 * 3600) if first and rng.random() < 0.7 else None
        w = lambda ts: to_wire(datetime.fromtimestamp(ts, UTC)) if ts else None  # noqa: E731
        yield (
            "ticket",
            f"t{i:07d}",
            {
                "status": "solved" if solved else "open",
                "priority": priority,
                "category": "complaint" if rng.random() < 0.1 else "billing",
                "team_id": f"team-{agent % TEAMS}",
                "customer_id": f"c{i % 50000}",
                "assignee_id": f"agent-{agent}" if rng.random() < 0.97 else None,
                "channel": rng.choice(CHANNELS),
                "created_at": w(created),
                "first_response_at": w(first),
                "solved_at": w(solved),
                "first_response_due": w(created + respond),
                "resolution_due": w(created + resolve),
                "csat": rng.choices((5, 4, 3, 2, 1), (50, 25, 12, 8, 5))[0] if solved else None,
            },
        )


def raw_table(store: GatewayStore, n: int, now: float) -> float:
    """The baseline's flat tickets table, filled with the same tickets."""
    from agentdesk.supervisor.facts import ticket_facts

    started = time.perf_counter()
    with store.writer.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS bench_raw_tickets"))
        conn.execute(
            text(
                "CREATE TABLE bench_raw_tickets (id VARCHAR(32) PRIMARY KEY, team_id VARCHAR(32), "
                "agent_id VARCHAR(32), channel VARCHAR(16), priority VARCHAR(4), created_at FLOAT, "
                "first_response_s FLOAT, resolution_s FLOAT, csat INTEGER, complaint INTEGER, "
                "sla_met INTEGER, p1_met INTEGER, is_open INTEGER)"
            )
        )
        batch: list[dict[str, Any]] = []
        insert = text(
            "INSERT INTO bench_raw_tickets VALUES (:id, :team_id, :agent_id, :channel, :priority, "
            ":created_at, "
            ":first_response_s, :resolution_s, :csat, :complaint, :sla_met, :p1_met, :is_open)"
        )
        for entity, entity_id, data in rows(n, now):
            if entity != "ticket":
                continue
            f = ticket_facts(entity_id, data)
            assert f is not None
            batch.append(
                {
                    "id": entity_id,
                    "team_id": f.team_id,
                    "agent_id": f.agent_id,
                    "channel": f.channel,
                    "priority": f.priority,
                    "created_at": f.created_at.timestamp(),
                    "first_response_s": f.first_response_s,
                    "resolution_s": f.resolution_s,
                    "csat": f.csat,
                    "complaint": int(f.complaint),
                    "sla_met": None if f.sla_met is None else int(f.sla_met),
                    "p1_met": None if f.p1_response_met is None else int(f.p1_response_met),
                    "is_open": int(f.open),
                }
            )
            if len(batch) >= 20000:
                conn.execute(insert, batch)
                batch = []
        if batch:
            conn.execute(insert, batch)
        conn.execute(text("CREATE INDEX bench_raw_created ON bench_raw_tickets (created_at)"))
    if store.is_pg:
        with store.writer.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE bench_raw_tickets"))
    return time.perf_counter() - started


NAIVE = text(
    "SELECT team_id, count(*), sum(is_open), avg(first_response_s), avg(resolution_s) / 3600.0, "
    "100.0 * sum(CASE WHEN csat >= 4 THEN 1 ELSE 0 END) / nullif(count(csat), 0), "
    "100.0 * sum(complaint) / count(*), 100.0 * avg(sla_met), 100.0 * avg(p1_met) "
    "FROM bench_raw_tickets WHERE created_at >= :since GROUP BY team_id"
)
NAIVE_AGENTS = text(
    "SELECT agent_id, count(*), sum(is_open), avg(first_response_s), avg(resolution_s) / 3600.0, "
    "100.0 * sum(CASE WHEN csat >= 4 THEN 1 ELSE 0 END) / nullif(count(csat), 0), "
    "100.0 * sum(complaint) / count(*), 100.0 * avg(sla_met), 100.0 * avg(p1_met) "
    "FROM bench_raw_tickets WHERE created_at >= :since AND team_id = :team GROUP BY agent_id"
)


def timed(fn: Callable[[], Any], runs: int) -> dict[str, float]:
    fn()  # warm
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 2),
        "max_ms": round(samples[-1], 2),
    }


def run_one(url: str, n: int, runs: int) -> dict[str, Any]:
    now = time.time()
    store = GatewayStore(url)
    store.create_schema()
    started = time.perf_counter()
    with store.write() as tx:
        bulk_load(tx, rows(n, now))
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    changes = 0
    while True:
        done = catch_up(store, batch=20000)
        if not done:
            break
        changes += done
    rollup_s = time.perf_counter() - started
    raw_s = raw_table(store, n, now)
    since = (int(now // 86400) - 29) * 86400.0
    lead = Principal("bench-lead", "lead", "Lead", "team_lead", ("team-3",))

    def with_conn(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        def go() -> Any:
            with store.read() as conn:
                return fn(conn)

        return go

    check = with_conn(lambda c: dashboard_data(c, ADMIN, 30, None, None, now=now))()
    out = {
        "database": "postgresql" if store.is_pg else "sqlite",
        "tickets": n,
        "agents": AGENTS,
        "teams": TEAMS,
        "load_seconds": round(load_s, 1),
        "rollup_build_seconds": round(rollup_s, 1),
        "rollup_build_changes": changes,
        "raw_table_build_seconds": round(raw_s, 1),
        "dashboard_volume_checked": check["total"]["volume"],
        "rollup": {
            "admin_all_teams_30d": timed(
                with_conn(lambda c: dashboard_data(c, ADMIN, 30, None, None, now=now)), runs
            ),
            "lead_team_agents_30d": timed(
                with_conn(lambda c: dashboard_data(c, lead, 30, "team-3", None, now=now)), runs
            ),
            "lead_agent_tickets_30d": timed(
                with_conn(lambda c: dashboard_data(c, lead, 30, "team-3", "agent-3", now=now)), runs
            ),
        },
        "naive_group_by": {
            "all_teams_30d": timed(
                with_conn(lambda c: c.execute(NAIVE, {"since": since}).all()), max(5, runs // 5)
            ),
            "team_agents_30d": timed(
                with_conn(lambda c: c.execute(NAIVE_AGENTS, {"since": since, "team": "team-3"}).all()),
                max(5, runs // 5),
            ),
        },
    }
    naive_total = with_conn(lambda c: sum(r[1] for r in c.execute(NAIVE, {"since": since})))()
    out["naive_volume_checked"] = naive_total
    store.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    results = []
    if args.db in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            results.append(run_one(f"sqlite:///{folder}/gateway.db", args.tickets, args.runs))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    if args.db in ("postgresql", "both"):
        from tests.gateway.harness import postgres_available, postgres_database

        if postgres_available():
            with postgres_database() as url:
                results.append(run_one(url, args.tickets, args.runs))
        else:
            results.append({"database": "postgresql", "skipped": "no server at 127.0.0.1:5432"})
    print(json.dumps({"bench": "supervisor_dashboard", "target_p95_ms": 200, "results": results}, indent=2))


if __name__ == "__main__":
    main()
