"""A change saved by agent A appears in agent B's local store: latency p50 / p95 / max.

Two replicators (own threads, own stores, own SSE streams) signed in to one gateway on loopback.
Each round A sets a ticket's priority; the clock stops when B's change listener reports that
ticket and B's store holds the new value (SSE nudge + pull + commit). Prints one JSON object.

    python bench/sync_latency.py --rounds 200
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time

from sqlalchemy import select
from sync_common import small_gateway, workdir

from agentdesk.store.models import Ticket
from agentdesk.sync.client import Changes, Replicator
from tests.sync.conftest import open_ticket_ids

_ticket = Ticket.__table__


def priority_in(rep: Replicator, ticket_id: str) -> str | None:
    with rep.store.connect() as conn:
        return conn.execute(select(_ticket.c.priority).where(_ticket.c.id == ticket_id)).scalar()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--pause", type=float, default=0.05, help="seconds between rounds")
    args = parser.parse_args()
    work = workdir("sync-latency-")
    with small_gateway(work / "gateway.db") as gw:
        tickets = open_ticket_ids(gw, gw.sign_in("demo.agent"))[:10]
        a = Replicator(work / "a.db", gw.url, gw.sign_in("demo.agent")).start()
        b = Replicator(work / "b.db", gw.url, gw.sign_in("demo.agent")).start()
        assert a.wait_synced(60) and b.wait_synced(60)
        want: dict[str, object] = {}
        arrived = threading.Event()

        def on_change(changes: Changes) -> None:
            ticket_id = want.get("ticket")
            seen = ticket_id in changes.ids("ticket")
            if seen and priority_in(b, str(ticket_id)) == want.get("priority"):
                want["at"] = time.perf_counter()
                arrived.set()

        b.subscribe(on_change)
        latencies: list[float] = []
        missed = 0
        for n in range(args.rounds):
            ticket_id = tickets[n % len(tickets)]
            priority = "P1" if priority_in(b, ticket_id) != "P1" else "P3"
            arrived.clear()
            want.clear()
            want.update(ticket=ticket_id, priority=priority)
            started = time.perf_counter()
            a.enqueue("ticket.set_priority", ticket_id, {"priority": priority})
            if arrived.wait(10):
                latencies.append(float(want["at"]) - started)  # type: ignore[arg-type]
            else:
                missed += 1
            time.sleep(args.pause)
        a.stop()
        b.stop()
    latencies.sort()
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    print(json.dumps({
        "bench": "sync_latency",
        "rounds": args.rounds,
        "missed": missed,
        "p50_ms": round(q[49] * 1000, 1),
        "p95_ms": round(q[94] * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        "target_p95_ms": 1000,
    }))


if __name__ == "__main__":
    main()
