"""Local store at scale: build a 1M-customer / 5M-interaction store and time the customer 360 load.

Prints JSON: build time, rows, file size, and p50/p95/p99 (ms) of ``load_customer_360`` (profile,
organization, open tickets, last 200 interactions) next to a raw ``sqlite3`` baseline running the
same three SELECTs on the same file, and their ratio.

    python bench/store.py                       # full size (a few minutes to build)
    python bench/store.py --customers 100000    # quicker
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agentdesk.demo import DemoSpec, generate, load_into_store
from agentdesk.store import Store
from agentdesk.store.queries import load_customer_360


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {
        "p50_ms": round(pick(0.50), 3),
        "p95_ms": round(pick(0.95), 3),
        "p99_ms": round(pick(0.99), 3),
        "mean_ms": round(statistics.fmean(ordered), 3),
    }


def raw_360(conn: sqlite3.Connection, customer_id: str) -> tuple[object, ...]:
    customer = conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone()
    org = (
        conn.execute("SELECT * FROM organizations WHERE id = ?", (customer[3],)).fetchone()
        if customer[3]
        else None
    )
    tickets = conn.execute(
        "SELECT * FROM tickets WHERE customer_id = ? AND status_group IN ('new','open','pending','on_hold') "
        "ORDER BY priority, created_at",
        (customer_id,),
    ).fetchall()
    history = conn.execute(
        "SELECT * FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC LIMIT 201", (customer_id,)
    ).fetchall()
    return customer, org, tickets, history


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--interactions-per-customer", type=float, default=5.0)
    parser.add_argument("--tickets-per-customer", type=float, default=0.3)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--dir", default=None, help="build here (default: a temporary folder)")
    args = parser.parse_args()

    folder = Path(args.dir or tempfile.mkdtemp(prefix="agentdesk-bench-"))
    path = folder / "store.sqlite3"
    spec = DemoSpec(
        customers=args.customers,
        interactions_per_customer=args.interactions_per_customer,
        tickets_per_customer=args.tickets_per_customer,
        messages=False,
    )
    started = time.perf_counter()
    with Store.open(path) as store:
        counts = load_into_store(store, generate(spec))
    build_s = time.perf_counter() - started

    rng = random.Random(1)
    ids = [f"cust-{rng.randrange(args.customers):07d}" for _ in range(args.samples)]
    with Store.open(path, integrity="header") as store, store.connect() as conn:
        for cid in ids[:50]:
            load_customer_360(conn, cid)  # warm the cache as a running console would be
        ours = []
        for cid in ids:
            t0 = time.perf_counter()
            view = load_customer_360(conn, cid)
            ours.append((time.perf_counter() - t0) * 1000)
            assert view is not None
    raw = sqlite3.connect(path)
    for cid in ids[:50]:
        raw_360(raw, cid)
    baseline = []
    for cid in ids:
        t0 = time.perf_counter()
        raw_360(raw, cid)
        baseline.append((time.perf_counter() - t0) * 1000)
    raw.close()
    ours_p, base_p = percentiles(ours), percentiles(baseline)
    print(
        json.dumps(
            {
                "customers": counts.get("customer", 0),
                "interactions": counts.get("interaction", 0),
                "tickets": counts.get("ticket", 0),
                "build_s": round(build_s, 1),
                "build_rows_per_s": round(sum(counts.values()) / build_s),
                "file_mb": round(path.stat().st_size / 2**20, 1),
                "samples": len(ids),
                "load_360": ours_p,
                "raw_sqlite3_baseline": base_p,
                "p95_ratio_vs_raw": round(ours_p["p95_ms"] / base_p["p95_ms"], 2),
                "store": str(path),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
