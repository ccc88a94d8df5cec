"""Gateway side of the initial sync: how fast ``/v1/changes`` streams a full snapshot over loopback.

Builds a gateway database of ``--customers`` customers and ``--tickets`` tickets (bulk load), starts
``agentdesk gateway serve`` on it, and pulls every page from cursor 0 as an admin (no scoping) and as
demo.agent (team-scoped, masked), decoding each page with orjson as a client would. Prints JSON:
load time, rows, seconds and rows/s per principal. The end-to-end figure (into a client store) is
bench/sync_initial.py.

    python bench/gateway_snapshot.py [--customers 100000 --tickets 1000000] [--database sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import orjson

from agentdesk.sync.protocol import MAX_PAGE
from tests.gateway.harness import postgres_database
from tests.sync.gatewayproc import GatewayProcess


def rows(customers: int, tickets: int):  # type: ignore[no-untyped-def]
    from agentdesk.sync.gateway.seed import fixed_rows

    yield from fixed_rows(customers=10)
    teams = ("team-billing", "team-tech")
    for c in range(customers):
        yield (
            "customer",
            f"bc-{c}",
            {
                "name": f"Bench Customer {c}",
                "tier": "standard",
                "tags": [],
                "health_score": 50 + c % 50,
                "churn_risk": "low",
                "verified": False,
                "language": "en",
                "phone": f"138{c:08d}",
                "email": f"bench{c}@example.com",
                "created_at": "2026-01-01T00:00:00Z",
            },
        )
    for t in range(tickets):
        c = t % max(customers, 1)
        yield (
            "ticket",
            f"bt-{t}",
            {
                "number": 100000 + t,
                "subject": f"Bench ticket {t}: order arrived damaged",
                "status": "open",
                "priority": "P2",
                "category": "delivery",
                "department": "billing",
                "team_id": teams[c % 2],
                "customer_id": f"bc-{c}",
                "assignee_id": None,
                "tags": [],
                "channel": "email",
                "created_at": "2026-11-20T09:00:00Z",
                "updated_at": "2026-11-20T09:00:00Z",
            },
        )


def build(url: str, customers: int, tickets: int) -> dict[str, float]:
    from agentdesk.sync.gateway.seed import DEMO_LOGINS, DEMO_PASSWORD
    from agentdesk.sync.gateway.store import GatewayStore
    from agentdesk.sync.gateway.store.accounts import create_account
    from agentdesk.sync.gateway.store.records import bulk_load

    started = time.perf_counter()
    store = GatewayStore(url)
    store.create_schema()
    with store.write() as tx:
        count = bulk_load(tx, rows(customers, tickets))
        for login, agent_id in DEMO_LOGINS.items():
            create_account(tx.conn, agent_id, login, DEMO_PASSWORD)
    store.dispose()
    return {"rows": count, "load_seconds": round(time.perf_counter() - started, 2)}


def pull(url: str, token: str) -> dict[str, float]:
    started = time.perf_counter()
    cursor, total, pages = 0, 0, 0
    with httpx.Client(base_url=url, headers={"authorization": f"Bearer {token}"}, timeout=120) as client:
        while True:
            response = client.get("/v1/changes", params={"cursor": cursor, "limit": MAX_PAGE})
            page = orjson.loads(response.content)
            total += len(page["changes"])
            pages += 1
            cursor = page["cursor"]
            if not page["has_more"]:
                break
    seconds = time.perf_counter() - started
    return {
        "rows": total,
        "pages": pages,
        "seconds": round(seconds, 2),
        "rows_per_second": round(total / seconds),
    }


def run(database: str, customers: int, tickets: int, work: Path) -> dict[str, object]:
    def measure(url: str) -> dict[str, object]:
        built = build(url, customers, tickets)
        with GatewayProcess(url, seed_demo=False, log=work / f"gateway-{database}.log") as gw:
            result: dict[str, object] = {"database": database, **built}
            for login in ("demo.admin", "demo.agent"):
                result[login] = pull(gw.url, gw.sign_in(login))
            return result

    if database == "postgresql":
        with postgres_database() as url:
            return measure(url)
    return measure(f"sqlite:///{work / 'gateway.db'}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="sqlite")
    args = parser.parse_args()
    databases = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    with tempfile.TemporaryDirectory(prefix="gateway-snapshot-") as tmp:
        results = [run(db, args.customers, args.tickets, Path(tmp)) for db in databases]
    print(
        json.dumps(
            {
                "bench": "gateway_snapshot",
                "customers": args.customers,
                "tickets": args.tickets,
                "results": results,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
