"""Issue 11: login throttling holds 1,000 wrong-password attempts a minute from 20 addresses without
slowing the other agents' ``/v1/changes`` p99 by more than 10 %.

Two runs on fresh gateways with the load of bench/gateway_changes_load.py (agents with SSE
streams, polling every few seconds, one writer): the agents alone, then the agents plus the attack.
The attack sends from 127.0.0.2 ... 127.0.0.21 (client sockets bound to those loopback addresses, so
the gateway sees 20 peers), each address at an even share of the rate with jitter, guessing
passwords for the real demo logins (locked per account) and for made-up ones (locked per address
only). Prints both p99s, their ratio, and what the attempts got (401 wrong, 429 throttled or busy),
with the gateway's own count of argon2 runs.

Loopback only; bounded; stops by itself.

    python bench/gateway_login_attack.py [--agents 1000] [--duration 60] [--attempts-per-minute 1000]
                                         [--addresses 20] [--database sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import orjson

from bench.gateway_changes_load import Load, RawConnection, _pct, add_arguments, clamp, run_one

REAL_LOGINS = ("demo.agent", "demo.lead", "demo.admin")


class Attack:
    def __init__(self, port: int, per_minute: float, addresses: int) -> None:
        self.port = port
        self.per_minute = max(1.0, min(per_minute, 6000.0))
        self.addresses = max(1, min(addresses, 200))
        self.outcomes: Counter[str] = Counter()
        self.latencies: list[float] = []

    def attach(self, load: Load, _url: str) -> Callable[[], dict[str, object]]:
        load.extra += [(lambda i=i: self.source(load, f"127.0.0.{2 + i}", i)) for i in range(self.addresses)]
        return self.figures

    async def source(self, load: Load, address: str, index: int) -> None:
        """Open loop: attempts go out at the rate whatever the answers take (an attacker does not
        wait), each on its own connection from ``address``."""
        rng = random.Random(index)
        interval = 60.0 * self.addresses / self.per_minute
        # From the end of the warm-up: the attack's costly start (before any lock) is measured.
        await asyncio.sleep(max(0.0, load.measure_from - time.monotonic()) + rng.uniform(0, interval))
        attempts: set[asyncio.Task[None]] = set()
        n = 0
        while time.monotonic() < load.stop_at:
            n += 1
            login = rng.choice(REAL_LOGINS) if rng.random() < 0.3 else f"guess{index}-{n}"
            body = orjson.dumps({"login": login, "password": f"wrong-{rng.random()}"})
            task = asyncio.create_task(self.attempt(address, body))
            attempts.add(task)
            task.add_done_callback(attempts.discard)
            await asyncio.sleep(interval * rng.uniform(0.8, 1.2))
        if attempts:  # the last answers, bounded
            await asyncio.wait(attempts, timeout=15)
            for task in attempts:
                task.cancel()

    async def attempt(self, address: str, body: bytes) -> None:
        conn = RawConnection(self.port, source=address)
        started = time.perf_counter()
        try:
            status, _ = await conn.request("POST", "/v1/session", "-", body)
            self.outcomes[str(status)] += 1
            self.latencies.append(time.perf_counter() - started)
        except (OSError, asyncio.IncompleteReadError) as exc:
            self.outcomes[type(exc).__name__] += 1
        finally:
            conn.close()

    def figures(self) -> dict[str, object]:
        return {
            "addresses": self.addresses,
            "attempts": sum(self.outcomes.values()),
            "outcomes": dict(self.outcomes),
            "answer_ms": {"p50": _pct(self.latencies, 0.5), "p99": _pct(self.latencies, 0.99)},
        }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_arguments(parser)
    parser.set_defaults(duration=60.0)
    parser.add_argument("--attempts-per-minute", type=float, default=1000.0)
    parser.add_argument("--addresses", type=int, default=20)
    args = parser.parse_args()
    databases = clamp(args)
    out = []
    with tempfile.TemporaryDirectory(prefix="gateway-attack-") as tmp:
        for database in databases:
            (Path(tmp) / f"calm-{database}").mkdir()
            (Path(tmp) / f"attack-{database}").mkdir()
            calm = run_one(database, args, Path(tmp) / f"calm-{database}")

            def attach(load: Load, url: str) -> Callable[[], dict[str, object]]:
                port = int(url.rsplit(":", 1)[1])
                return Attack(port, args.attempts_per_minute, args.addresses).attach(load, url)

            attacked = run_one(database, args, Path(tmp) / f"attack-{database}", attach)
            p99s = [r["changes_ms"]["p99"] for r in (calm, attacked)]  # type: ignore[index]
            out.append(
                {
                    "database": database,
                    "changes_p99_ms_without_attack": p99s[0],
                    "changes_p99_ms_with_attack": p99s[1],
                    "ratio": round(p99s[1] / p99s[0], 3) if p99s[0] else None,
                    "without_attack": calm,
                    "with_attack": attacked,
                }
            )
    print(json.dumps({"bench": "gateway_login_attack", "results": out}, indent=2))


if __name__ == "__main__":
    main()
