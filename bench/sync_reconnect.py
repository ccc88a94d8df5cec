"""Reconnect after N offline mutations: time until the gateway has acknowledged them all.

A replicator goes offline (the loopback proxy refuses everything), the agent makes ``--mutations``
edits (notes, priorities, tags over 20 tickets), then the network returns. The clock runs from
the reconnect until the outbox has no pending entry (all acknowledged), and until the pulled
server versions have replaced every local overlay (settled). The baseline sends the same queue
one mutation per request. Each run also reports the CPU seconds the gateway process spent (the
machine is shared: the wall clock follows its load, quoted as ``load_avg_1m``). Runs on SQLite and,
when one listens at 127.0.0.1:5432, on a fresh PostgreSQL database. Prints one JSON object.

    python bench/sync_reconnect.py --mutations 1000 [--database sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sync_common import small_gateway, workdir

from agentdesk.store.models import OutboxMutation
from agentdesk.sync.client import Replicator
from tests.sync.conftest import open_ticket_ids
from tests.sync.faultproxy import FaultProxy
from tests.sync.gatewayproc import GatewayProcess


def cpu_seconds(gw: GatewayProcess) -> float:
    """User + system CPU time of the gateway process so far (Linux /proc)."""
    assert gw.proc is not None
    fields = Path(f"/proc/{gw.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def postgres_gateway() -> Iterator[GatewayProcess]:
    """A gateway process on a fresh PostgreSQL database with the same small demo set."""
    from agentdesk.sync.gateway.seed import DEMO_LOGINS, DEMO_PASSWORD, fixed_rows
    from agentdesk.sync.gateway.store import GatewayStore
    from agentdesk.sync.gateway.store.accounts import create_account
    from agentdesk.sync.gateway.store.records import bulk_load
    from tests.gateway.harness import postgres_database

    with postgres_database() as url:
        store = GatewayStore(url)
        try:
            store.create_schema()
            with store.write() as tx:
                bulk_load(tx, fixed_rows(customers=40))
                for login, agent_id in DEMO_LOGINS.items():
                    create_account(tx.conn, agent_id, login, DEMO_PASSWORD)
        finally:
            store.dispose()
        with GatewayProcess(url, seed_demo=False) as gw:
            yield gw


def run(
    store: Path,
    url: str,
    token: str,
    proxy: FaultProxy,
    tickets: list[str],
    count: int,
    batch: int,
    gw: GatewayProcess,
) -> dict[str, float]:
    rep = Replicator(store, url, token, batch_size=batch).start()
    assert rep.wait_synced(60)
    proxy.set_offline(True)
    for n in range(count):
        ticket = tickets[n % len(tickets)]
        if n % 3 == 0:
            rep.enqueue("ticket.note", ticket, {"body": f"reconnect note {n}"})
        elif n % 3 == 1:
            rep.enqueue("ticket.set_priority", ticket, {"priority": ("P1", "P2", "P3")[n % 3]})
        else:
            rep.enqueue("ticket.tag", ticket, {"add": [f"t{n % 7}"], "remove": [f"t{(n + 3) % 7}"]})
    assert rep.status().pending == count
    proxy.set_offline(False)
    cpu = cpu_seconds(gw)
    started = time.perf_counter()
    rep.sync_now()
    while rep.status().pending:
        time.sleep(0.005)
    acknowledged = time.perf_counter() - started
    gateway_cpu = cpu_seconds(gw) - cpu
    while True:
        with rep.store.connect() as conn:
            if not conn.execute(OutboxMutation.__table__.select().limit(1)).first():
                break
        time.sleep(0.01)
    settled = time.perf_counter() - started
    rejected = len(rep.status().rejected)
    rep.stop()
    return {
        "acknowledged_s": round(acknowledged, 3),
        "settled_s": round(settled, 3),
        "rejected": rejected,
        "gateway_cpu_s": round(gateway_cpu, 2),
        "load_avg_1m": round(os.getloadavg()[0], 1),
    }


def measure(gw: GatewayProcess, work: Path, count: int, batch: int) -> dict[str, Any]:
    with FaultProxy(gw.url) as proxy:
        token = gw.sign_in("demo.agent")
        tickets = open_ticket_ids(gw, token)[:20]
        ours = run(work / "ours.db", proxy.url, token, proxy, tickets, count, batch, gw)
        one_by_one = run(work / "baseline.db", proxy.url, token, proxy, tickets, count, 1, gw)
    return {**ours, "baseline_one_per_request": one_by_one}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mutations", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    work = workdir("sync-reconnect-")
    out: dict[str, Any] = {
        "bench": "sync_reconnect",
        "mutations": args.mutations,
        "batch": args.batch,
        "target_acknowledged_s": 5.0,
    }
    if args.database in ("sqlite", "both"):
        with small_gateway(work / "gateway.db") as gw:
            out["sqlite"] = measure(gw, work / "sqlite", args.mutations, args.batch)
    if args.database in ("postgresql", "both"):
        from tests.gateway.harness import postgres_available

        if postgres_available():
            with postgres_gateway() as gw:
                out["postgresql"] = measure(gw, work / "postgresql", args.mutations, args.batch)
        else:
            out["postgresql"] = "skipped: no PostgreSQL at 127.0.0.1:5432"
    print(json.dumps(out))


if __name__ == "__main__":
    main()
