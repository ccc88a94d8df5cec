"""Reconnect after N offline mutations: time until the gateway has acknowledged them all.

A replicator goes offline (the loopback proxy refuses everything), the agent makes ``--mutations``
edits (notes, priorities, tags over 20 tickets), then the network returns. The clock runs from
the reconnect until the outbox has no pending entry (all acknowledged), and until the pulled
server versions have replaced every local overlay (settled). The baseline sends the same queue
one mutation per request. Prints one JSON object.

    python bench/sync_reconnect.py --mutations 1000
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sync_common import small_gateway, workdir

from agentdesk.store.models import OutboxMutation
from agentdesk.sync.client import Replicator
from tests.sync.conftest import open_ticket_ids
from tests.sync.faultproxy import FaultProxy


def run(store: Path, url: str, token: str, proxy: FaultProxy, tickets: list[str], count: int,
        batch: int) -> dict[str, float]:
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
    started = time.perf_counter()
    rep.sync_now()
    while rep.status().pending:
        time.sleep(0.005)
    acknowledged = time.perf_counter() - started
    while True:
        with rep.store.connect() as conn:
            if not conn.execute(OutboxMutation.__table__.select().limit(1)).first():
                break
        time.sleep(0.01)
    settled = time.perf_counter() - started
    rejected = len(rep.status().rejected)
    rep.stop()
    return {"acknowledged_s": round(acknowledged, 3), "settled_s": round(settled, 3), "rejected": rejected}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mutations", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    work = workdir("sync-reconnect-")
    with small_gateway(work / "gateway.db") as gw, FaultProxy(gw.url) as proxy:
        token = gw.sign_in("demo.agent")
        tickets = open_ticket_ids(gw, token)[:20]
        ours = run(work / "ours.db", proxy.url, token, proxy, tickets, args.mutations, args.batch)
        one_by_one = run(work / "baseline.db", proxy.url, token, proxy, tickets, args.mutations, 1)
    print(json.dumps({
        "bench": "sync_reconnect",
        "mutations": args.mutations,
        "batch": args.batch,
        **ours,
        "target_acknowledged_s": 5.0,
        "baseline_one_per_request": one_by_one,
    }))


if __name__ == "__main__":
    main()
