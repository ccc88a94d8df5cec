"""Exactly once under faults: N mutations from C client processes through a faulty network, with
client and gateway SIGKILLs, then count what the server holds.

Each client store gets its share of notes queued offline (unique bodies). The clients run as
separate processes (tests/sync/client_proc.py) behind the fault proxy (``--fault-rate`` of
requests dropped, cut, delayed, truncated, answered 5xx or 429). While they flush, the bench
SIGKILLs a random client ``--client-kills`` times (restarting it at once) and the gateway
``--gateway-kills`` times (restarting it on the same port and database). When every client has
reported an empty outbox, the server's messages are counted: lost = queued bodies missing,
duplicated = extra copies. Prints one JSON object.

    python bench/sync_exactly_once.py                               # 10,000 / 5 / 20 / 5
    python bench/sync_exactly_once.py --mutations 1000 --client-kills 5 --gateway-kills 2
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from sync_common import small_gateway, workdir

from agentdesk.sync.client import ChangesBuilder, actions, storeio
from tests.sync.conftest import open_ticket_ids
from tests.sync.faultproxy import FaultProxy, count_faults

CLIENT = (sys.executable, "-m", "tests.sync.client_proc")
ROOT = Path(__file__).resolve().parents[1]


def queue_offline(store: Path, tickets: list[str], bodies: list[str]) -> None:
    writer = storeio.open_writer_store(store)
    with writer.connect() as conn:
        for n, body in enumerate(bodies):
            ticket = tickets[n % len(tickets)]
            actions.enqueue(conn, "ticket.note", ticket, {"body": body}, None, ChangesBuilder())
    writer.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mutations", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=5)
    parser.add_argument("--client-kills", type=int, default=20)
    parser.add_argument("--gateway-kills", type=int, default=5)
    parser.add_argument("--fault-rate", type=float, default=0.10)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = workdir("sync-exactly-once-")
    run = uuid.uuid4().hex[:8]
    started = time.monotonic()
    with small_gateway(work / "gateway.db") as gw:
        token = gw.sign_in("demo.agent")
        tickets = open_ticket_ids(gw, token)[:20]
        stores, expected = [], []
        per_client = args.mutations // args.clients
        for c in range(args.clients):
            bodies = [f"eo-{run}-{c}-{n}" for n in range(per_client)]
            expected += bodies
            stores.append(work / f"client{c}.db")
            queue_offline(stores[-1], tickets, bodies)
        tokens = [gw.sign_in("demo.agent") for _ in stores]
        proxy = FaultProxy(gw.url, fault_rate=args.fault_rate, seed=args.seed, delay=0.3, retry_after=1)
        with proxy:
            def launch(c: int) -> subprocess.Popen[bytes]:
                command = [*CLIENT, str(stores[c]), proxy.url, "--batch", str(args.batch),
                           "--timeout", str(args.timeout)]
                env = {**os.environ, "AGENTDESK_TOKEN": tokens[c]}
                return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, env=env)

            procs = {c: launch(c) for c in range(args.clients)}
            # Pauses short enough that every kill lands while the clients still have work to flush
            # (a restarted client spends most of a second starting up): kills that find every client
            # done are counted as skipped, not hidden.
            kills = sorted([("client", rng.uniform(0.2, 0.6)) for _ in range(args.client_kills)]
                           + [("gateway", rng.uniform(0.2, 0.6)) for _ in range(args.gateway_kills)],
                           key=lambda _: rng.random())
            client_kills = gateway_kills = 0
            for what, pause in kills:
                time.sleep(pause)
                running = [c for c, p in procs.items() if p.poll() is None]
                if what == "client" and running:
                    victim = rng.choice(running)
                    procs[victim].send_signal(signal.SIGKILL)
                    procs[victim].wait()
                    procs[victim] = launch(victim)
                    client_kills += 1
                elif what == "gateway":
                    gw.kill()
                    time.sleep(0.2)
                    gw.start()
                    gateway_kills += 1
            deadline = time.monotonic() + args.timeout
            while True:
                for c, p in procs.items():  # a client that gave up (timeout) is started again
                    if p.poll() not in (None, 0):
                        procs[c] = launch(c)
                if all(p.poll() == 0 for p in procs.values()) or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            faults = count_faults(proxy.log)
        counts = collections.Counter(
            d["body"] for (e, _), d in gw.all_changes(token).items()
            if e == "message" and str(d.get("body", "")).startswith(f"eo-{run}-"))
    lost = sum(1 for body in expected if counts[body] == 0)
    duplicated = sum(n - 1 for n in counts.values() if n > 1)
    print(json.dumps({
        "bench": "sync_exactly_once",
        "mutations": len(expected),
        "clients": args.clients,
        "client_sigkills": client_kills,
        "client_sigkills_skipped_all_done": args.client_kills - client_kills,
        "gateway_sigkills": gateway_kills,
        "requests": sum(faults.values()),
        "faults_injected": {k: v for k, v in faults.items() if k != "ok"},
        "lost": lost,
        "duplicated": duplicated,
        "all_clients_done": all(p.poll() == 0 for p in procs.values()),
        "seconds": round(time.monotonic() - started, 1),
    }))


if __name__ == "__main__":
    main()
