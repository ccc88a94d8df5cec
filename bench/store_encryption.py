"""Cost of encryption at rest: the same local store plain and SQLCipher-encrypted, in one run
(target: encrypted ≤ 15 % slower).

    python bench/store_encryption.py --store PATH          # PATH: a plain 1M store (bench/store.py
                                                            #   --dir D --keep builds D/store.sqlite3)
    python bench/store_encryption.py --customers 50000     # builds a plain store of that size first

1. Customer 360: the plain store is copied into an encrypted one with ``sqlcipher_export`` (same
   rows, same pages; kept beside it as ``*-encrypted.sqlite3`` and reused), both are opened with
   ``Store.open`` (the encrypted one with its key), and ``load_customer_360`` is timed on the same
   random customers, alternating plain and encrypted chunks so both see the same machine load.
2. Initial sync: a gateway of ``--sync-customers`` customers + ``--sync-tickets`` tickets
   (bench/sync_initial.py's machinery), pulled into a fresh plain and a fresh encrypted client store
   (alternating, ``--sync-rounds`` each); rows per second for each.

Prints JSON: p50/p95/p99 of both, rows/s of both, and encrypted ÷ plain ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from store import percentiles  # noqa: E402  (bench/store.py)

from agentdesk.store import Store  # noqa: E402
from agentdesk.store.engine import HMAC_ALGORITHM, connect_raw  # noqa: E402
from agentdesk.store.queries import load_customer_360  # noqa: E402

# A fixed bench key: what matters here is the cipher's cost, not the key's secrecy.
BENCH_KEY = bytes(range(32))


def encrypted_copy(
    plain: Path, dest: Path, key: bytes, hmac_algorithm: str = HMAC_ALGORITHM
) -> dict[str, Any]:
    """``dest``: ``plain`` re-written page by page under ``key`` (kept and reused if it exists)."""
    if dest.exists():
        return {"path": str(dest), "reused": True}
    from sqlcipher3 import dbapi2

    started = time.perf_counter()
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = dbapi2.connect(str(plain))  # no key: SQLCipher reads a plain file as plain SQLite
    try:
        conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(partial),))
        conn.execute(f"PRAGMA enc.cipher_hmac_algorithm = {hmac_algorithm}")
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    check = connect_raw(partial, key)
    try:
        check.execute("PRAGMA journal_mode=WAL")  # as every store the app opens
        rows = check.execute("SELECT count(*) FROM customers").fetchone()[0]
    finally:
        check.close()
    partial.rename(dest)
    return {
        "path": str(dest),
        "reused": False,
        "seconds": round(time.perf_counter() - started, 1),
        "customers": rows,
    }


def time_360(
    stores: dict[str, tuple[Store, tuple[str, ...]]], ids: list[str], chunk: int = 100
) -> dict[str, list[float]]:
    """Milliseconds per 360 for each (store, extra pragmas), alternating chunks of ``ids`` between them."""
    times: dict[str, list[float]] = {name: [] for name in stores}
    conns = {name: store.engine.connect() for name, (store, _) in stores.items()}
    for name, (_, pragmas) in stores.items():
        for pragma in pragmas:
            conns[name].exec_driver_sql(pragma)
    try:
        for conn in conns.values():  # warm-up: a running console has a warm cache
            for cid in ids[:50]:
                load_customer_360(conn, cid)
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            order = list(conns.items())
            if (start // chunk) % 2:
                order.reverse()
            for name, conn in order:
                for cid in part:
                    t0 = time.perf_counter()
                    view = load_customer_360(conn, cid)
                    times[name].append((time.perf_counter() - t0) * 1000)
                    assert view is not None
    finally:
        for conn in conns.values():
            conn.close()
    return times


def sync_throughput(customers: int, tickets: int, rounds: int, key: bytes) -> dict[str, Any]:
    from sync_common import build_gateway_db, gateway, workdir

    from agentdesk.sync.client import Replicator

    work = workdir("store-encryption-")
    built = build_gateway_db(work / "gateway.db", customers, tickets)
    runs: dict[str, list[dict[str, float]]] = {"plain": [], "encrypted": []}
    with gateway(work / "gateway.db") as gw:
        token = gw.sign_in("demo.agent")
        for n in range(rounds):
            order = [("plain", None), ("encrypted", key)]
            if n % 2:
                order.reverse()
            for name, store_key in order:
                path = work / f"client-{name}-{n}.db"
                rep = Replicator(path, gw.url, token, key=store_key, events=False)
                cpu, started = time.process_time(), time.perf_counter()
                report = rep.sync_once()
                seconds = time.perf_counter() - started
                cpu = time.process_time() - cpu
                rep.stop()
                runs[name].append(
                    {
                        "rows": report.pulled,
                        "seconds": round(seconds, 2),
                        "rows_per_s": round(report.pulled / seconds),
                        "client_cpu_s": round(cpu, 2),
                        "store_mb": round(path.stat().st_size / 2**20, 1),
                    }
                )
                for leftover in path.parent.glob(path.name + "*"):
                    leftover.unlink(missing_ok=True)

    def best(name: str) -> float:
        return max(r["rows_per_s"] for r in runs[name])

    def median_cpu_per_row(name: str) -> float:
        return statistics.median(r["client_cpu_s"] / r["rows"] for r in runs[name]) * 1e6

    return {
        "customers": customers,
        "tickets": tickets,
        "gateway_rows": built["rows"],
        "runs": runs,
        "best_rows_per_s": {"plain": best("plain"), "encrypted": best("encrypted")},
        "encrypted_rate_vs_plain": round(best("encrypted") / best("plain"), 3),
        "client_cpu_us_per_row": {
            "plain": round(median_cpu_per_row("plain"), 1),
            "encrypted": round(median_cpu_per_row("encrypted"), 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", default=None, help="a plain store to reuse (built there if missing)")
    parser.add_argument("--customers", type=int, default=1_000_000, help="size when building --store")
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--sync-customers", type=int, default=20_000)
    parser.add_argument("--sync-tickets", type=int, default=200_000)
    parser.add_argument("--sync-rounds", type=int, default=2)
    parser.add_argument("--skip-sync", action="store_true")
    args = parser.parse_args()

    import tempfile

    import ui_common

    plain = (
        Path(args.store) if args.store else Path(tempfile.mkdtemp(prefix="agentdesk-enc-")) / "store.sqlite3"
    )
    built = ui_common.build_store(plain, args.customers)
    with Store.open(plain, integrity="header") as s, s.connect() as conn:
        customers = conn.exec_driver_sql("SELECT count(*) FROM customers").scalar_one()
    enc_path = plain.with_name(plain.stem + "-encrypted.sqlite3")
    copy = encrypted_copy(plain, enc_path, BENCH_KEY)
    legacy_path = plain.with_name(plain.stem + "-encrypted-sha512.sqlite3")
    legacy = encrypted_copy(plain, legacy_path, BENCH_KEY, "HMAC_SHA512")
    rng = random.Random(1)
    ids = [f"cust-{rng.randrange(customers):07d}" for _ in range(args.samples)]
    with (
        Store.open(plain, integrity="header") as p_store,
        Store.open(enc_path, key=BENCH_KEY, integrity="header") as e_store,
        Store.open(legacy_path, key=BENCH_KEY, integrity="header") as l_store,
    ):
        # Beside the two as the app opens them: SQLCipher's default HMAC (SHA-512, what stores made
        # before used), and a plain store with 256 MB of memory-mapped I/O (what it had before).
        arms = {
            "plain": (p_store, ()),
            "encrypted": (e_store, ()),
            "encrypted_hmac_sha512": (l_store, ()),
            "plain_mmap_256mb": (p_store, ("PRAGMA mmap_size=268435456",)),
        }
        times = time_360(arms, ids)
    plain_p, enc_p = percentiles(times["plain"]), percentiles(times["encrypted"])
    report: dict[str, Any] = {
        "bench": "store_encryption",
        "customers": customers,
        "plain_store": built,
        "plain_mb": round(plain.stat().st_size / 2**20, 1),
        "encrypted_store": copy,
        "encrypted_mb": round(enc_path.stat().st_size / 2**20, 1),
        "samples": len(ids),
        "load_360_plain": plain_p,
        "load_360_encrypted": enc_p,
        "load_360_ratio": {
            k: round(enc_p[k] / plain_p[k], 3) for k in ("p50_ms", "p95_ms", "p99_ms", "mean_ms")
        },
        "load_360_encrypted_hmac_sha512": percentiles(times["encrypted_hmac_sha512"]),
        "load_360_plain_mmap_256mb": percentiles(times["plain_mmap_256mb"]),
        "encrypted_hmac_sha512_copy": legacy,
        "cipher": f"SQLCipher 4, AES-256-CBC, {HMAC_ALGORITHM} per 4 KiB page, raw key (no KDF per open)",
        "target_slowdown": 0.15,
    }
    if not args.skip_sync:
        report["sync_initial"] = sync_throughput(
            args.sync_customers, args.sync_tickets, args.sync_rounds, BENCH_KEY
        )
    report["cpu"] = os.cpu_count()
    report["load_average_1m"] = round(os.getloadavg()[0], 2)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
