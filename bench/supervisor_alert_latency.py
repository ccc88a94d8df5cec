"""Alert latency: from the triggering data being synced into the gateway to the alert being
visible to the team lead (target <= 5 s).

A real gateway on loopback (SQLite, and PostgreSQL when one runs on 127.0.0.1:5432). Each trial
commits one new P1 ticket whose first response is due in 90 s to a fresh team (as a connector or a
mutation would write it), so the "P1 about to breach" rule must raise a new yellow alert. Two
measures per trial:

- ``server_raised``: until the alert row exists, with nobody asking (the gateway's background loop
  alone; polled in the database every 20 ms);
- ``visible_to_lead``: until the lead's ``GET /v1/supervisor/alerts`` lists it, polled every 2 s
  from a random phase, as the panel does.

    python bench/supervisor_alert_latency.py [--trials 10] [--db sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from sqlalchemy import select

from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store.accounts import create_account
from agentdesk.sync.gateway.store.records import RecordWriter
from agentdesk.sync.gateway.supervisor import tables as t
from agentdesk.timeutil import to_wire
from tests.gateway.harness import auth, gateway_server, postgres_available, postgres_database, sign_in

PANEL_POLL = 2.0
LEAD = "agent-bench-lead"


def _wire(ts: float) -> str:
    return to_wire(datetime.fromtimestamp(ts, UTC))


def trigger(store: GatewayStore, team: str) -> float:
    now = time.time()
    with store.write() as tx:
        w = RecordWriter(tx)
        w.put("team", team, {"name": team})
        w.put(
            "ticket",
            f"{team}-p1",
            {
                "status": "new",
                "priority": "P1",
                "team_id": team,
                "customer_id": "c-bench",
                "channel": "phone",
                "created_at": _wire(now - 210),
                "first_response_due": _wire(now + 90),
                "resolution_due": _wire(now + 7000),
            },
        )
    return time.perf_counter()


def raised(store: GatewayStore, team: str) -> bool:
    with store.read() as conn:
        return conn.execute(select(t.alerts.c.id).where(t.alerts.c.team_id == team)).first() is not None


def stats(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    return {
        "p50_s": round(statistics.median(samples), 3),
        "p95_s": round(samples[int(0.95 * (len(samples) - 1))], 3),
        "max_s": round(samples[-1], 3),
    }


def run(db_url: str, trials: int) -> dict[str, Any]:
    teams = [f"team-bench-{i}" for i in range(2 * trials)]
    with gateway_server(db_url, seed_demo=True) as url:
        store = GatewayStore(db_url)
        with store.write() as tx:
            RecordWriter(tx).put(
                "agent",
                LEAD,
                {"name": "Bench Lead", "role": "team_lead", "team_ids": teams, "login": "bench.lead"},
            )
            create_account(tx.conn, LEAD, "bench.lead", "demo")
        token = sign_in(url, "bench.lead")
        client = httpx.Client(base_url=url, headers=auth(token), timeout=30)
        assert client.get("/v1/supervisor/alerts").status_code == 200  # the lead opens the panel
        time.sleep(1.5)
        server, visible = [], []
        rng = random.Random(3)
        for i in range(trials):
            team = teams[i]
            started = trigger(store, team)
            while not raised(store, team):
                time.sleep(0.02)
            server.append(time.perf_counter() - started)
            time.sleep(0.5)
        for i in range(trials, 2 * trials):
            team = teams[i]
            started = trigger(store, team)
            time.sleep(rng.uniform(0, PANEL_POLL))
            while True:
                alerts = client.get("/v1/supervisor/alerts").json()["alerts"]
                if any(a["team_id"] == team for a in alerts):
                    break
                time.sleep(PANEL_POLL)
            visible.append(time.perf_counter() - started)
        client.close()
        store.dispose()
    return {
        "database": "postgresql" if db_url.startswith("postgres") else "sqlite",
        "trials": trials,
        "server_raised": stats(server),
        "visible_to_lead_polling_every_2s": stats(visible),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    results = []
    with ExitStack() as stack:
        if args.db in ("sqlite", "both"):
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            results.append(run(f"sqlite:///{folder}/gateway.db", args.trials))
        if args.db in ("postgresql", "both"):
            if postgres_available():
                results.append(run(stack.enter_context(postgres_database()), args.trials))
            else:
                results.append({"database": "postgresql", "skipped": "no server at 127.0.0.1:5432"})
    print(json.dumps({"bench": "supervisor_alert_latency", "target_s": 5.0, "results": results}, indent=2))


if __name__ == "__main__":
    main()
