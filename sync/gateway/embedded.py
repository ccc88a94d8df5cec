"""A gateway inside this process, on loopback, in a background thread (``agentdesk demo``)."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

from agentdesk.errors import AgentDeskError
from agentdesk.sync.gateway.config import GatewayConfig


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EmbeddedGateway:
    def __init__(self, config: GatewayConfig, *, port: int = 0) -> None:
        self.config = config
        self.port = port or free_port()
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> EmbeddedGateway:
        import uvicorn

        from agentdesk.sync.gateway.app import create_app

        app = create_app(self.config)
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            access_log=False,
            server_header=False,
            timeout_graceful_shutdown=2,
            timeout_keep_alive=75,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="agentdesk-gateway", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                raise AgentDeskError(f"the embedded gateway could not start on 127.0.0.1:{self.port}")
            if time.monotonic() > deadline:
                raise AgentDeskError("the embedded gateway did not start in time")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)

    def wait(self) -> None:
        """Block until the server stops (Ctrl+C stops it)."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.5)

    def __enter__(self) -> EmbeddedGateway:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
