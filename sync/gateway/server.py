"""Run the gateway under uvicorn (``agentdesk gateway serve``)."""

from __future__ import annotations

import logging
from typing import Any

from agentdesk.errors import ConfigError
from agentdesk.sync.gateway.config import GatewayConfig

log = logging.getLogger(__name__)


def serve(
    config: GatewayConfig,
    *,
    host: str,
    port: int,
    tls_cert: str | None = None,
    tls_key: str | None = None,
    log_level: str = "info",
    **app_options: Any,
) -> None:
    import uvicorn

    from agentdesk.sync.gateway.app import create_app

    if bool(tls_cert) != bool(tls_key):
        raise ConfigError("TLS needs both --tls-cert and --tls-key")
    app = create_app(config, **app_options)
    # Access log off: it is per-request noise; our own log lines carry ids only, never tokens.
    uvicorn.run(
        app,
        host=host,
        port=port,
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
        log_level=log_level,
        access_log=False,
        server_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=3,
        timeout_keep_alive=75,  # clients poll every few seconds: keep their connections
    )
