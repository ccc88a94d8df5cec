"""Initial sync of a large gateway into a fresh client store, end to end over loopback.

Builds a gateway database with ``--customers`` customers and ``--tickets`` tickets (default
100,000 + 1,000,000), starts ``agentdesk gateway serve`` on it, and times a fresh replicator
pulling everything (paged /v1/changes, each page's rows and cursor in one transaction). The
baseline is the plain loop a first version would write: same pages, one INSERT per row through
the ORM mapping, one commit per page; it runs on the first ``--baseline-rows`` rows and its
rate is printed beside ours. Prints one JSON object.

    python bench/sync_initial.py                     # the full figure (several minutes)
    python bench/sync_initial.py --scale 0.05        # quick look
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import httpx
from sync_common import build_gateway_db, gateway, workdir

from agentdesk.store import Store
from agentdesk.store.codec import model_for, row_values
from agentdesk.sync.client import Replicator
from agentdesk.sync.protocol import MAX_PAGE


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of another process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def baseline(url: str, token: str, store_path: Path, limit_rows: int) -> dict[str, float]:
    """One row at a time: ORM object per change, session.merge, commit per page."""
    store = Store.open(store_path)
    cursor, rows = 0, 0
    started = time.perf_counter()
    with httpx.Client(base_url=url, headers={"authorization": f"Bearer {token}"}, timeout=60) as client:
        while rows < limit_rows:
            page = client.get("/v1/changes", params={"cursor": cursor, "limit": MAX_PAGE}).json()
            with store.session() as session:
                for change in page["changes"]:
                    model = model_for(change["entity"])
                    session.merge(
                        model(
                            **row_values(
                                change["entity"], change["id"], change["version"], change.get("data") or {}
                            )
                        )
                    )
                    rows += 1
            cursor = page["cursor"]
            if not page["has_more"]:
                break
    seconds = time.perf_counter() - started
    store.close()
    return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply both counts")
    parser.add_argument("--baseline-rows", type=int, default=100_000)
    parser.add_argument("--page", type=int, default=MAX_PAGE)
    args = parser.parse_args()
    customers, tickets = int(args.customers * args.scale), int(args.tickets * args.scale)
    work = workdir("sync-initial-")
    built = build_gateway_db(work / "gateway.db", customers, tickets)
    with gateway(work / "gateway.db") as gw:
        token = gw.sign_in("demo.agent")
        rep = Replicator(work / "client.db", gw.url, token, events=False, page_size=args.page)
        assert gw.proc is not None
        gateway_cpu = _cpu_seconds(gw.proc.pid)
        client_cpu = time.process_time()
        started = time.perf_counter()
        report = rep.sync_once()
        seconds = time.perf_counter() - started
        client_cpu = time.process_time() - client_cpu
        gateway_cpu = _cpu_seconds(gw.proc.pid) - gateway_cpu
        rep.stop()
        plain = baseline(gw.url, token, work / "baseline.db", min(args.baseline_rows, report.pulled))
    result = {
        "bench": "sync_initial",
        "customers": customers,
        "tickets": tickets,
        "gateway_rows": built["rows"],
        "gateway_load_seconds": built["load_seconds"],
        "rows_pulled": report.pulled,
        "pages": report.pages,
        "seconds": round(seconds, 2),
        "rows_per_s": round(report.pulled / seconds),
        "client_cpu_s": round(client_cpu, 2),  # which side bounds the rate on this 2-core machine
        "gateway_cpu_s": round(gateway_cpu, 2),
        "load_average_1m": os.getloadavg()[0],
        "target_rows_per_s": 50_000,
        "baseline_plain_loop": plain,
        "speedup_vs_baseline": round((report.pulled / seconds) / plain["rows_per_s"], 1),
        "client_store_mb": round((work / "client.db").stat().st_size / 1e6, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
