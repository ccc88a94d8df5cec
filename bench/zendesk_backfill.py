"""Zendesk backfill through the fake Zendesk at its documented rate limits.

Prints JSON: tickets, pages, elapsed, the floor the rate limit sets (pages / limit), and our own
CPU time for mapping, so "bounded by the rate limit, not by our code" is a ratio you can read.
Real Zendesk allows 10 incremental-export requests a minute; to finish in seconds the run scales
the minute down (``--minute``) for both the fake and the connector, which keeps the ratio honest.

    python bench/zendesk_backfill.py --tickets 100000 --minute 6
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agentdesk.sync.gateway.connectors.zendesk import ZendeskConnector, ZendeskSettings
from tests.connectors.fake_zendesk import FakeZendesk
from tests.support.asgi_server import serve_in_thread


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--minute", type=float, default=6.0, help="seconds that stand for one minute")
    parser.add_argument("--exports-per-minute", type=int, default=10)
    args = parser.parse_args()

    fake = FakeZendesk(window_seconds=args.minute, export_per_window=args.exports_per_minute)
    requester = fake.add_user("Bulk Customer", "bulk@example.com")
    for i in range(args.tickets):
        fake.add_ticket(requester["id"], f"Ticket {i}", "body")
    pages = -(-args.tickets // 1000) + 4  # ticket pages plus one page per other stream
    floor = pages / args.exports_per_minute * args.minute

    with serve_in_thread(fake.app()) as url:
        settings = ZendeskSettings(
            base_url=url, email=fake.email, token=fake.token, default_team_id="team",
            exports_per_minute=args.exports_per_minute * 60 / args.minute,
        )

        async def run() -> tuple[int, float, ZendeskConnector]:
            conn = ZendeskConnector(settings)
            count, cpu, checkpoint = 0, 0.0, None
            while True:
                cpu_start = time.thread_time()  # this thread only: the fake runs in another
                result = await conn.pull(checkpoint)
                cpu += time.thread_time() - cpu_start
                count += sum(1 for r in result.records if r.entity == "ticket")
                checkpoint = result.checkpoint
                if not result.more:
                    await conn.aclose()
                    return count, cpu, conn

        started = time.perf_counter()
        count, our_cpu, conn = asyncio.run(run())
        elapsed = time.perf_counter() - started
    health = conn.health()
    print(json.dumps({
        "tickets": count,
        "export_requests_per_minute": args.exports_per_minute,
        "seconds_per_minute": args.minute,
        "elapsed_s": round(elapsed, 3),
        "rate_limit_floor_s": round(floor, 3),
        "elapsed_over_floor": round(elapsed / floor, 3),
        "connector_cpu_s": round(our_cpu, 3),
        "connector_cpu_over_floor": round(our_cpu / floor, 3),
        "rate_limit_waits": health.rate_limit_waits,
        "upstream_429s": fake.rate_limited,
        "real_zendesk_estimate_min": round(pages / args.exports_per_minute, 1),
    }))


if __name__ == "__main__":
    main()
