"""A small SSE reader for tests over a raw socket (so ``close`` really hangs up at once); events go
into a queue from a background thread."""

from __future__ import annotations

import contextlib
import json
import queue
import socket
import threading
import time
from typing import Any
from urllib.parse import urlsplit


class SseReader:
    def __init__(self, url: str, token: str) -> None:
        self.events: queue.Queue[tuple[str, Any, float]] = queue.Queue()
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=30)
        request = (
            f"GET /v1/events HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept: text/event-stream\r\n"
            f"Authorization: Bearer {token}\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.status: int | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _lines(self) -> Any:
        buffer = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                yield line.rstrip(b"\r").decode()

    def _run(self) -> None:
        lines = self._lines()
        for line in lines:  # status line and headers
            if self.status is None:
                self.status = int(line.split()[1])
            elif not line:
                break
        event, data = "message", []
        for line in lines:
            # chunked transfer encoding: size lines are hex numbers alone on a line; skip them
            if line and all(c in "0123456789abcdefABCDEF" for c in line):
                continue
            if not line:
                if data:
                    self.events.put((event, json.loads("\n".join(data)), time.monotonic()))
                event, data = "message", []
            elif line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())

    def next(self, name: str = "changes", timeout: float = 5.0) -> tuple[Any, float]:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {name!r} event within {timeout}s")
            try:
                event, data, at = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if event == name:
                return data, at

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
