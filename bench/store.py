"""Local store at scale: build a 1M-customer / 5M-interaction store and time the customer 360 load.

Prints JSON: build time, rows, file size, and p50/p95/p99 (ms) of ``load_customer_360`` (profile,
organization, open tickets, last 200 interactions) next to a raw ``sqlite3`` baseline running the
same three SELECTs on the same file, and their ratio.

    python bench/store.py                       # full size: 1M customers, ~5M interactions,
                                                # ~1.1M tickets, ~3M messages (minutes to build)
    python bench/store.py --customers 100000    # quicker
    python bench/store.py --dir /tmp/b --keep   # keep the built store; --reuse skips the build
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agentdesk.demo import DemoSpec, generate, load_into_store
from agentdesk.store import Store
from agentdesk.store.queries import Customer360, load_customer_360


def percentiles(samples: list[float]) -> dict[str, float] | None:
    if not samples:
        return None
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


def time_360(load: Callable[[str], object], ids: list[str]) -> tuple[list[float], list[int]]:
    """Milliseconds per call after a short warm-up (a running console has a warm cache)."""
    for cid in ids[:50]:
        load(cid)
    times, sizes = [], []
    for cid in ids:
        t0 = time.perf_counter()
        view = load(cid)
        times.append((time.perf_counter() - t0) * 1000)
        assert view is not None
        if isinstance(view, Customer360):
            sizes.append(len(view.interactions))
    return times, sizes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--interactions-per-customer", type=float, default=5.0)
    parser.add_argument("--tickets-per-customer", type=float, default=1.0)
    parser.add_argument("--no-messages", action="store_true", help="skip ticket messages (faster build)")
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--dir", default=None, help="build here (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the store file afterwards")
    parser.add_argument("--reuse", action="store_true", help="time an existing store in --dir, no build")
    args = parser.parse_args()

    folder = Path(args.dir or tempfile.mkdtemp(prefix="agentdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "store.sqlite3"
    spec = DemoSpec(
        customers=args.customers,
        interactions_per_customer=args.interactions_per_customer,
        tickets_per_customer=args.tickets_per_customer,
        messages=not args.no_messages,
    )
    build: dict[str, object] = {}
    if not (args.reuse and path.exists()):
        path.unlink(missing_ok=True)
        started, cpu = time.perf_counter(), time.process_time()
        with Store.open(path) as store:
            counts = load_into_store(store, generate(spec))
        build_s = time.perf_counter() - started
        build = {
            "build_s": round(build_s, 1),
            "build_cpu_s": round(time.process_time() - cpu, 1),
            "build_rows_per_s": round(sum(counts.values()) / build_s),
            "rows": counts,
        }

    rng = random.Random(1)
    ids = [f"cust-{rng.randrange(args.customers):07d}" for _ in range(args.samples)]
    raw = sqlite3.connect(path)
    # Customers with long histories (the generator gives ~0.1 % of them 250+ contacts): the
    # "last 200 interactions" part of the 360 at its heaviest.
    long_ids = [
        row[0]
        for row in raw.execute(
            "SELECT customer_id FROM interactions GROUP BY customer_id HAVING count(*) > 200 LIMIT 200"
        )
    ]
    with Store.open(path, integrity="header") as store, store.connect() as conn:
        ours, sizes = time_360(lambda cid: load_customer_360(conn, cid), ids)
        ours_long, _ = time_360(lambda cid: load_customer_360(conn, cid), long_ids)
    baseline, _ = time_360(lambda cid: raw_360(raw, cid), ids)
    baseline_long, _ = time_360(lambda cid: raw_360(raw, cid), long_ids)
    raw.close()
    ours_p, base_p = percentiles(ours), percentiles(baseline)
    report = {
        "customers": args.customers,
        "interactions_per_customer": args.interactions_per_customer,
        **build,
        "file_mb": round(path.stat().st_size / 2**20, 1),
        "samples": len(ids),
        "interactions_per_360": {"mean": round(statistics.fmean(sizes), 1), "max": max(sizes)},
        "load_360": ours_p,
        "raw_sqlite3_baseline": base_p,
        "p95_ratio_vs_raw": round(ours_p["p95_ms"] / base_p["p95_ms"], 2) if ours_p and base_p else None,
        "long_history_customers": len(long_ids),
        "load_360_long_history": percentiles(ours_long),
        "raw_sqlite3_long_history": percentiles(baseline_long),
        "target_p95_ms": 10,
        "cpu": os.cpu_count(),
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "store": str(path) if args.keep else None,
    }
    if not args.keep and not args.reuse:
        # Only what this run made: the store files, and the folder when it was a temporary one.
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
