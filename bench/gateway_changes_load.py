"""N concurrent simulated agents against one gateway process: each holds an SSE stream and pulls
``/v1/changes`` every few seconds (jittered ±20 %; and when nudged, at most once per interval, with
``--pull-on-nudge``), while one writer adds notes. Prints p50/p95/p99 of ``/v1/changes`` (and of the
writes) per database as JSON, with the machine's load average and the load generator's own lag.

Each simulated agent has its own sign-in (tokens issued straight into the database: a thousand
argon2 sign-ins would only time the KDF). The gateway runs in its own process; the load generator
is this process (one uvloop loop). ``changes_ms`` is what the simulated agents saw, so it includes
the generator's delays: ``generator_lag_ms`` is how late its loop woke (a 50 ms ticker), to tell a
slow gateway from a slow generator. ``changes_ms_inside_gateway_bucket_bounds`` is the upper bound
of the gateway's own latency-histogram bucket holding each percentile.

Loopback only; bounded in agents, requests and time; stops by itself. ``--agents 1000`` is the
peak of the service policy (issue 4: p99 of /v1/changes <= 100 ms). bench/gateway_login_attack.py
runs the same load with and without a wrong-password attack.

    python bench/gateway_changes_load.py [--agents 1000] [--duration 30] [--poll-seconds 3]
                                         [--database sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import orjson

try:
    import uvloop
except ImportError:  # Windows
    uvloop = None  # type: ignore[assignment]

from tests.gateway.harness import postgres_database
from tests.sync.gatewayproc import GatewayProcess

MAX_AGENTS = 2000
NUDGE = b"event: changes"


def server_buckets(url: str, route: str = "/v1/changes") -> dict[float, int]:
    """The gateway's own latency histogram for ``route`` (cumulative counts per upper bound)."""
    out: dict[float, int] = {}
    prefix = f'agentdesk_http_request_duration_seconds_bucket{{route="{route}",le="'
    for line in httpx.get(url + "/metrics", timeout=30).text.splitlines():
        if line.startswith(prefix):
            bound, _, count = line[len(prefix) :].partition('"} ')
            out[float("inf") if bound == "+Inf" else float(bound)] = int(count)
    return out


def server_percentiles(before: dict[float, int], after: dict[float, int]) -> dict[str, float | None]:
    """Upper bounds (ms) of the buckets holding p50/p95/p99 of the requests between two scrapes:
    the time spent inside the gateway, without the load generator's own delays."""
    bounds = sorted(after)
    counts = [after[b] - before.get(b, 0) for b in bounds]
    total = counts[-1] if counts else 0
    out: dict[str, float | None] = {}
    for name, q in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99)):
        bound = next((b for b, c in zip(bounds, counts, strict=True) if total and c >= q * total), None)
        out[name] = None if bound is None or bound == float("inf") else round(bound * 1000, 1)
    return out


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 2)


class RawConnection:
    """A minimal HTTP/1.1 keep-alive client: far cheaper per request than httpx, so the load
    generator (which shares the two cores with the gateway) adds as little as possible to the
    latencies it measures."""

    def __init__(self, port: int, source: str | None = None) -> None:
        self.port = port
        self.source = source  # a loopback address to send from (127.0.0.x), or the default
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, target: str, token: str, body: bytes = b"") -> tuple[int, bytes]:
        head = (
            f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        for attempt in (1, 2):  # an idle keep-alive connection the server closed: reconnect once
            fresh = (
                self.writer is None or self.writer.is_closing() or self.reader is None or self.reader.at_eof()
            )
            if fresh:
                local = (self.source, 0) if self.source else None
                self.reader, self.writer = await asyncio.open_connection(
                    "127.0.0.1", self.port, local_addr=local
                )
            assert self.reader is not None and self.writer is not None
            self.writer.write(head)
            try:
                raw = await self.reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                self.writer.close()
                self.writer = None
                if fresh or attempt == 2:
                    raise
                continue
            status = int(raw.split(b" ", 2)[1])
            length = 0
            for line in raw.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            return status, await self.reader.readexactly(length)
        raise ConnectionError("unreachable")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


class Load:
    def __init__(
        self,
        url: str,
        tokens: list[str],
        agents: int,
        duration: float,
        poll: float,
        writes: float,
        pull_on_nudge: bool = False,
        warmup: float = 0.0,
    ) -> None:
        self.warmup = warmup
        self.pull_on_nudge = pull_on_nudge
        self.url = url
        self.port = int(url.rsplit(":", 1)[1])
        self.tokens = tokens
        self.agents = agents
        self.duration = duration
        self.poll = poll
        self.writes = writes
        self.latencies: list[float] = []
        self.warmup_latencies: list[float] = []  # before measure_from: everyone connecting at once
        self.measure_from = 0.0
        self.write_latencies: list[float] = []
        self.errors: dict[str, int] = {}
        self.streams_open = 0
        self.max_streams = 0
        self.nudges = 0
        self.stop_at = 0.0
        self.lags: list[float] = []
        self.extra: list[Callable[[], Awaitable[None]]] = []  # more load (bench/gateway_login_attack.py)

    def _error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    async def sse(self, token: str, nudged: asyncio.Event) -> None:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        except OSError:
            self._error("sse_connect")
            return
        writer.write(
            f"GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )
        self.streams_open += 1
        self.max_streams = max(self.max_streams, self.streams_open)
        try:
            tail = b""
            while time.monotonic() < self.stop_at:
                # Whole chunks, not lines: the generator's CPU goes to the gateway, not to itself.
                chunk = await asyncio.wait_for(
                    reader.read(65536), timeout=max(0.1, self.stop_at - time.monotonic())
                )
                if not chunk:
                    self._error("sse_closed")
                    return
                data = tail + chunk
                tail = data[-(len(NUDGE) - 1) :]  # too short to hold a whole marker: none counted twice
                seen = data.count(NUDGE)
                if seen:
                    self.nudges += seen
                    nudged.set()
        except (TimeoutError, OSError):
            pass
        finally:
            self.streams_open -= 1
            writer.close()

    async def agent(self, token: str, cursor: int) -> None:
        nudged = asyncio.Event()
        stream = asyncio.create_task(self.sse(token, nudged))
        conn = RawConnection(self.port)
        await self.nap(random.uniform(0, self.poll))
        while time.monotonic() < self.stop_at:
            started = time.perf_counter()
            try:
                status, body = await conn.request("GET", f"/v1/changes?cursor={cursor}&limit=1000", token)
                if status == 200:
                    measured = (
                        self.latencies if time.monotonic() >= self.measure_from else self.warmup_latencies
                    )
                    measured.append(time.perf_counter() - started)
                    cursor = orjson.loads(body)["cursor"]
                else:
                    self._error(f"changes_{status}")
            except (OSError, asyncio.IncompleteReadError) as exc:
                self._error(type(exc).__name__)
            nudged.clear()
            if self.pull_on_nudge:
                # Next pull: when nudged (at most twice an interval), else after the interval.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(nudged.wait(), timeout=self.poll * random.uniform(0.8, 1.2))
                await asyncio.sleep(self.poll / 2)
            else:
                await self.nap(self.poll * random.uniform(0.8, 1.2))
        conn.close()
        stream.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await stream

    async def writer(self, token: str, ticket_id: str) -> None:
        conn = RawConnection(self.port)
        while time.monotonic() < self.stop_at:
            body = {
                "client_id": "bench",
                "mutations": [
                    {
                        "mutation_id": str(uuid.uuid4()),
                        "kind": "ticket.note",
                        "entity": "ticket",
                        "entity_id": ticket_id,
                        "base_version": None,
                        "payload": {"body": "load bench note"},
                    }
                ],
            }
            started = time.perf_counter()
            try:
                status, _ = await conn.request("POST", "/v1/mutations", token, orjson.dumps(body))
                if status == 200:
                    self.write_latencies.append(time.perf_counter() - started)
                else:
                    self._error(f"mutations_{status}")
            except (OSError, asyncio.IncompleteReadError) as exc:
                self._error(type(exc).__name__)
            await asyncio.sleep(1 / self.writes)
        conn.close()

    async def nap(self, seconds: float) -> None:
        """Sleep, but not past the end of the run."""
        await asyncio.sleep(max(0.0, min(seconds, self.stop_at - time.monotonic())))

    async def ticker(self, every: float = 0.05) -> None:
        """How late this process's loop wakes: the generator's own share of the latencies."""
        while time.monotonic() < self.stop_at:
            due = time.perf_counter() + every
            await asyncio.sleep(every)
            self.lags.append(max(0.0, time.perf_counter() - due))

    async def run(self, head: int, ticket_id: str) -> None:
        self.measure_from = time.monotonic() + self.warmup
        self.stop_at = self.measure_from + self.duration
        tasks = [asyncio.create_task(self.ticker()), *(asyncio.create_task(job()) for job in self.extra)]
        for i in range(self.agents):
            tasks.append(asyncio.create_task(self.agent(self.tokens[i % len(self.tokens)], head)))
            if i % 50 == 49:
                await asyncio.sleep(0.05)  # ramp up, not a thundering herd
        if self.writes > 0:
            tasks.append(asyncio.create_task(self.writer(self.tokens[0], ticket_id)))
        await asyncio.gather(*tasks)


def issue_tokens(database_url: str, count: int) -> list[str]:
    """``count`` sign-ins of the demo agent and lead (alternating), written straight to the store."""
    from agentdesk.sync.gateway.seed import DEMO_LOGINS
    from agentdesk.sync.gateway.store import GatewayStore
    from agentdesk.sync.gateway.store.accounts import issue_token

    agents = [DEMO_LOGINS["demo.agent"], DEMO_LOGINS["demo.lead"]]
    store = GatewayStore(database_url, pool_size=1)
    try:
        with store.write() as tx:
            return [issue_token(tx.conn, agents[i % 2], 3600)[0] for i in range(count)]
    finally:
        store.dispose()


def metric_values(url: str, prefix: str) -> dict[str, float]:
    """Lines of the gateway's /metrics that start with ``prefix`` (name with labels -> value)."""
    out = {}
    for line in httpx.get(url + "/metrics", timeout=30).text.splitlines():
        if line.startswith(prefix):
            name, _, value = line.rpartition(" ")
            out[name] = float(value)
    return out


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run_one(
    database: str,
    args: argparse.Namespace,
    work: Path,
    attach: Callable[[Load, str], Callable[[], dict[str, object]]] | None = None,
) -> dict[str, object]:
    """One gateway on a fresh database under ``args`` load; ``attach`` may add more load to it
    (returns a function giving its own figures once the run ended)."""

    def measure(url: str) -> dict[str, object]:
        extra = ("--demo-customers", str(args.customers))
        with GatewayProcess(
            url, seed_demo=True, extra_args=extra, log=work / f"gateway-{database}.log"
        ) as gw:
            tokens = issue_tokens(url, args.agents)
            head = httpx.get(gw.url + "/v1/health").json()["head"]
            rows = gw.all_changes(tokens[0])
            ticket_id = next(i for (e, i), d in rows.items() if e == "ticket" and d.get("status") != "closed")
            load = Load(
                gw.url,
                tokens,
                args.agents,
                args.duration,
                args.poll_seconds,
                args.writes_per_second,
                args.pull_on_nudge,
                args.warmup,
            )
            figures = attach(load, gw.url) if attach is not None else None
            assert gw.proc is not None
            snapshot: dict[str, object] = {}

            async def take_snapshot() -> None:  # when the warm-up ends
                await asyncio.sleep(args.warmup)
                snapshot["buckets"] = await asyncio.to_thread(server_buckets, gw.url)
                snapshot["load"] = loadavg()
                snapshot["cpu"] = process_cpu_seconds(gw.proc.pid)  # type: ignore[union-attr]
                snapshot["own"] = process_cpu_seconds(os.getpid())
                snapshot["at"] = time.monotonic()

            load.extra.append(take_snapshot)
            runner = asyncio.run if uvloop is None else uvloop.run
            runner(load.run(head, ticket_id))
            before = cast(dict[float, int], snapshot["buckets"])
            load_before = snapshot["load"]
            cpu_before, own_before = cast(float | None, snapshot["cpu"]), cast(float | None, snapshot["own"])
            started = cast(float, snapshot["at"])
            elapsed = time.monotonic() - started
            cpu_after = process_cpu_seconds(gw.proc.pid)
            own_after = process_cpu_seconds(os.getpid())
            inside = server_percentiles(before, server_buckets(gw.url))
            login_metrics = metric_values(gw.url, "agentdesk_login")
        lat = load.latencies
        result: dict[str, object] = {
            "database": database,
            "agents": args.agents,
            "distinct_tokens": len(set(tokens)),
            "poll_seconds": args.poll_seconds,
            "pull_on_nudge": args.pull_on_nudge,
            "writes_per_second": args.writes_per_second,
            "max_sse_streams": load.max_streams,
            "seconds": round(elapsed, 1),
            "loadavg_before": load_before,
            "loadavg_after": loadavg(),
            "cpus": os.cpu_count(),
            # The gateway's own CPU: cores it used, and per request served (polls, writes, streams).
            "gateway_cpu_cores": (
                round((cpu_after - cpu_before) / elapsed, 2) if cpu_before is not None and cpu_after else None
            ),
            "gateway_cpu_ms_per_change_request": (
                round((cpu_after - cpu_before) * 1000 / len(lat), 3)
                if cpu_before is not None and cpu_after and lat
                else None
            ),
            "generator_cpu_cores": (
                round((own_after - own_before) / elapsed, 2) if own_before is not None and own_after else None
            ),
            "changes_requests": len(lat),
            "changes_per_second": round(len(lat) / elapsed, 1),
            "changes_ms": {
                "p50": _pct(lat, 0.5),
                "p95": _pct(lat, 0.95),
                "p99": _pct(lat, 0.99),
                "mean": round(statistics.fmean(lat) * 1000, 2) if lat else None,
            },
            "changes_ms_inside_gateway_bucket_bounds": inside,
            "generator_lag_ms": {
                "p50": _pct(load.lags, 0.5),
                "p99": _pct(load.lags, 0.99),
                "max": round(max(load.lags) * 1000, 1) if load.lags else None,
            },
            "warmup_seconds": args.warmup,
            "warmup_changes_ms": {
                "requests": len(load.warmup_latencies),
                "p50": _pct(load.warmup_latencies, 0.5),
                "p99": _pct(load.warmup_latencies, 0.99),
            },
            "writes": len(load.write_latencies),
            "write_ms": {"p50": _pct(load.write_latencies, 0.5), "p95": _pct(load.write_latencies, 0.95)},
            "nudges_received": load.nudges,
            "errors": load.errors,
        }
        if figures is not None:
            result["attack"] = {**figures(), "gateway_metrics": login_metrics}
        return result

    if database == "postgresql":
        with postgres_database() as url:
            return measure(url)
    return measure(f"sqlite:///{work / 'gateway.db'}")


def raise_file_limit(agents: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, max(soft, 4 * agents + 256))
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))  # the gateway child inherits it


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agents", type=int, default=1000)
    parser.add_argument("--duration", type=float, default=30.0, help="measured seconds, after the warm-up")
    parser.add_argument(
        "--warmup",
        type=float,
        default=10.0,
        help="seconds of load before measuring: every agent connecting and signing in at once",
    )
    parser.add_argument("--poll-seconds", type=float, default=3.0)
    parser.add_argument("--writes-per-second", type=float, default=2.0)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument(
        "--pull-on-nudge",
        action="store_true",
        help="also pull when an SSE nudge arrives (at most twice per interval)",
    )
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")


def clamp(args: argparse.Namespace) -> list[str]:
    """Bounds the load; returns the databases to run."""
    args.agents = max(1, min(args.agents, MAX_AGENTS))
    args.duration = max(1.0, min(args.duration, 600.0))
    raise_file_limit(args.agents)
    return ["sqlite", "postgresql"] if args.database == "both" else [args.database]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_arguments(parser)
    args = parser.parse_args()
    databases = clamp(args)
    with tempfile.TemporaryDirectory(prefix="gateway-load-") as tmp:
        results = [run_one(db, args, Path(tmp)) for db in databases]
    print(json.dumps({"bench": "gateway_changes_load", "results": results}, indent=2))


if __name__ == "__main__":
    main()
