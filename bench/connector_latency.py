"""Upstream change -> visible in an agent's store: a gateway with the Zendesk connector (fake
Zendesk on loopback, a high-volume plan's limits) and an agent pulling /v1/changes.

Prints JSON: p50/p95/max seconds from a ticket change upstream to the agent seeing it, for a
given poll interval. (With Zendesk's standard 10 export requests a minute a full pass of the four
export streams alone takes 24 s; the target of <= 10 s needs the High Volume add-on's 30/min or
more, which the mapping file's ``exports_per_minute`` sets.)

    python bench/connector_latency.py --changes 20 --poll 2
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from agentdesk.sync.gateway.app import create_app
from agentdesk.sync.gateway.config import GatewayConfig
from agentdesk.sync.gateway.connectors.setup import ConnectorOptions, startup_hook
from tests.connectors.fake_zendesk import FakeZendesk
from tests.gateway.harness import auth, serve_app
from tests.support.asgi_server import serve_in_thread


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--poll", type=float, default=2.0, help="connector poll interval, seconds")
    parser.add_argument("--exports-per-minute", type=float, default=120)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="agentdesk-connector-"))
    fake = FakeZendesk(export_per_window=int(args.exports_per_minute), window_seconds=60)
    customer = fake.add_user("Latency Customer", "latency@example.com")
    ticket = fake.add_ticket(customer["id"], "Watch me", "body")
    mapping = folder / "connectors.json"
    mapping.write_text(json.dumps({"zendesk": {"exports_per_minute": args.exports_per_minute}}))
    with serve_in_thread(fake.app()) as zd_url:
        options = ConnectorOptions(
            names=["zendesk"],
            zendesk_url=zd_url,
            poll_seconds=args.poll,
            mapping_file=str(mapping),
            env={"AGENTDESK_ZENDESK_EMAIL": fake.email, "AGENTDESK_ZENDESK_TOKEN": fake.token},
        )
        config = GatewayConfig(
            database_url=f"sqlite:///{folder / 'gw.db'}", seed_demo=True, demo_customers=20
        )
        with serve_app(create_app(config, on_startup=[startup_hook(options)])) as url:
            token = httpx.post(url + "/v1/session", json={"login": "demo.admin", "password": "demo"}).json()[
                "token"
            ]
            client = httpx.Client(base_url=url, headers=auth(token), timeout=30)
            cursor = 0
            tid = f"zendesk:ticket:{ticket['id']}"

            def seen(subject: str) -> bool:
                nonlocal cursor
                while True:
                    page = client.get("/v1/changes", params={"cursor": cursor, "limit": 5000}).json()
                    cursor = page["cursor"]
                    hit = any(
                        c["id"] == tid and (c.get("data") or {}).get("subject") == subject
                        for c in page["changes"]
                    )
                    if hit or not page["has_more"]:
                        return hit

            deadline = time.monotonic() + 60
            while not seen("Watch me") and time.monotonic() < deadline:
                time.sleep(0.2)
            delays = []
            for i in range(args.changes):
                subject = f"Watch me {i}"
                fake.update_ticket(ticket["id"], subject=subject)
                started = time.monotonic()
                while not seen(subject):
                    if time.monotonic() - started > 120:
                        raise SystemExit("a change never arrived")
                    time.sleep(0.05)
                delays.append(time.monotonic() - started)
    delays.sort()
    print(
        json.dumps(
            {
                "changes": len(delays),
                "poll_seconds": args.poll,
                "exports_per_minute": args.exports_per_minute,
                "p50_s": round(statistics.median(delays), 2),
                "p95_s": round(delays[int(0.95 * (len(delays) - 1))], 2),
                "max_s": round(delays[-1], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
