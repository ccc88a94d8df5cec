"""A fault-injecting HTTP proxy on loopback, between a client and a real gateway.

Each client connection carries one request (the proxy makes both sides ``Connection: close``),
so a fault hits exactly one request:

  refuse         close the connection before reading anything (connection reset)
  drop_request   read the request, close without forwarding it (the server never sees it)
  drop_response  forward it, wait for the whole answer, close without sending it (the server
                 applied it; the client does not know) -- the case idempotency exists for
  truncate       forward it, send the head and half of the body, then close
  delay          forward it after ``delay`` seconds
  503, 500, 502  answer that status (problem+json) without forwarding
  410            answer 410 Gone (a cursor the server no longer keeps) without forwarding
  429            answer 429 with ``Retry-After: <retry_after>`` without forwarding

Faults come from a script (``proxy.script("ok", "429")``: the next matching requests, in order;
"ok" lets one through) or at random (``proxy.fault_rate = 0.1`` with a seeded RNG).
``proxy.offline = True`` refuses everything (the network is down); streams already open are cut.
``proxy.date_shift`` (seconds) moves the Date header of every answer, as a server clock that is
off would. ``proxy.log`` records (method, path, fault) for every request.

    with FaultProxy(upstream_url) as proxy:
        client = Replicator(store, proxy.url, token)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import urlsplit

FAULTS = ("ok", "refuse", "drop_request", "drop_response", "truncate", "delay",
          "503", "500", "502", "429", "410")
RANDOM_FAULTS = ("refuse", "drop_request", "drop_response", "truncate", "delay", "503", "429")


@dataclass
class _Script:
    fault: str
    path_prefix: str


@dataclass
class FaultProxy:
    upstream: str
    fault_rate: float = 0.0
    seed: int = 0
    delay: float = 0.3
    retry_after: int = 1
    random_paths: tuple[str, ...] = ("/v1/changes", "/v1/mutations")  # never /v1/events by default
    random_faults: tuple[str, ...] = RANDOM_FAULTS
    offline: bool = False
    date_shift: float = 0.0
    log: list[tuple[str, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        parts = urlsplit(self.upstream)
        self._up_host = parts.hostname or "127.0.0.1"
        self._up_port = parts.port or 80
        self._scripted: deque[_Script] = deque()
        self._lock = threading.Lock()
        self._rng = random.Random(self.seed)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._thread: threading.Thread | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def script(self, *faults: str, path_prefix: str = "/") -> None:
        for fault in faults:
            if fault not in FAULTS:
                raise ValueError(f"unknown fault {fault!r}")
            with self._lock:
                self._scripted.append(_Script(fault, path_prefix))

    def set_offline(self, offline: bool) -> None:
        """Down: refuse new connections and cut the open ones (event streams included)."""
        self.offline = offline
        if offline and self._loop is not None:
            self._loop.call_soon_threadsafe(self._cut_all)

    def faults_injected(self) -> int:
        return sum(1 for _, _, f in self.log if f != "ok")

    # ---- lifecycle -------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._server = loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            loop.run_forever()
            self._server.close()
            loop.run_until_complete(self._server.wait_closed())
            loop.close()

        self._thread = threading.Thread(target=run, name="faultproxy", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._cut_all)
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # ---- per connection ----------------------------------------------------------------------

    def _cut_all(self) -> None:
        for writer in list(self._open):
            with contextlib.suppress(Exception):
                writer.transport.abort()
        self._open.clear()

    def _choose(self, path: str) -> str:
        with self._lock:
            for item in list(self._scripted):
                if path.startswith(item.path_prefix):
                    self._scripted.remove(item)
                    return item.fault
            if self.fault_rate and any(path.startswith(p) for p in self.random_paths) and \
                    self._rng.random() < self.fault_rate:
                return self._rng.choice(self.random_faults)
        return "ok"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._open.add(writer)
        try:
            if self.offline:
                writer.transport.abort()
                return
            head, body = await _read_request(reader)
            if head is None:
                return
            method, path = _request_line(head)
            fault = self._choose(path)
            if fault == "refuse" or self.offline:
                self.log.append((method, path, "refuse"))
                writer.transport.abort()
                return
            self.log.append((method, path, fault))
            if fault == "drop_request":
                writer.transport.abort()
                return
            if fault in ("500", "502", "503", "429", "410"):
                writer.write(_problem_response(int(fault), self.retry_after))
                await writer.drain()
                return
            await self._forward(head, body, writer, fault)
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            pass
        finally:
            self._open.discard(writer)
            with contextlib.suppress(Exception):
                writer.close()

    async def _forward(self, head: bytes, body: bytes, writer: asyncio.StreamWriter, fault: str) -> None:
        up_reader, up_writer = await asyncio.open_connection(self._up_host, self._up_port)
        self._open.add(up_writer)
        try:
            up_writer.write(_close_header(head) + body)
            await up_writer.drain()
            if fault == "ok" or fault == "delay":
                if fault == "delay":
                    await asyncio.sleep(self.delay)
                if self.date_shift:
                    writer.write(_shift_date(await up_reader.readuntil(b"\r\n\r\n"), self.date_shift))
                while chunk := await up_reader.read(65536):  # streams (SSE) pass through as they come
                    writer.write(chunk)
                    await writer.drain()
                return
            answer = await up_reader.read(-1)
            if fault == "drop_response":
                writer.transport.abort()
            elif fault == "truncate":
                split = answer.find(b"\r\n\r\n") + 4
                cut = split + max(1, (len(answer) - split) // 2)
                writer.write(answer[:cut])
                await writer.drain()
                writer.transport.abort()
        finally:
            self._open.discard(up_writer)
            with contextlib.suppress(Exception):
                up_writer.close()


async def _read_request(reader: asyncio.StreamReader) -> tuple[bytes | None, bytes]:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        return None, b""
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip() or 0)
    body = await reader.readexactly(length) if length else b""
    return head, body


def _request_line(head: bytes) -> tuple[str, str]:
    parts = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
    path = parts[1] if len(parts) > 1 else "/"
    return parts[0], path


def _close_header(head: bytes) -> bytes:
    lines = [line for line in head.split(b"\r\n") if line and not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n"


def _problem_response(status: int, retry_after: int) -> bytes:
    names = {410: "bad-cursor", 429: "rate-limited", 500: "internal", 502: "bad-gateway", 503: "unavailable"}
    body = json.dumps({"type": f"https://agentdesk.dev/problems/{names[status]}", "title": "injected fault",
                       "status": status, "detail": "injected by the test proxy"}).encode()
    headers = [f"HTTP/1.1 {status} Injected", "Content-Type: application/problem+json",
               f"Content-Length: {len(body)}", "Connection: close"]
    if status in (429, 503):
        headers.append(f"Retry-After: {retry_after}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body


def _shift_date(head: bytes, seconds: float) -> bytes:
    lines = head.split(b"\r\n")
    for n, line in enumerate(lines):
        if line.lower().startswith(b"date:"):
            when = parsedate_to_datetime(line[5:].strip().decode()) + timedelta(seconds=seconds)
            lines[n] = b"Date: " + format_datetime(when, usegmt=True).encode()
    return b"\r\n".join(lines)


def count_faults(log: Iterable[tuple[str, str, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, _, fault in log:
        counts[fault] = counts.get(fault, 0) + 1
    return counts
