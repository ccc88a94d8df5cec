"""``/v1/health``, ``/metrics`` and ``/openapi.json``: no token needed."""

from __future__ import annotations

import orjson
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from agentdesk import __version__
from agentdesk.sync.gateway.deps import gateway, off_loop
from agentdesk.sync.gateway.openapi import openapi_document
from agentdesk.sync.gateway.problems import ProblemError
from agentdesk.sync.protocol import PROTOCOL_VERSION


async def health(request: Request) -> Response:
    gw = gateway(request)

    def head() -> int:
        with gw.store.read() as conn:
            return gw.store.head(conn)

    try:
        version = await off_loop(head)
    except Exception:
        raise ProblemError(503, "The gateway cannot reach its database.", retry_after=5) from None
    body = {
        "status": "ok",
        "version": __version__,
        "protocol": PROTOCOL_VERSION,
        "head": version,
        "database": "postgresql" if gw.store.is_pg else "sqlite",
    }
    return Response(orjson.dumps(body), media_type="application/json")


async def metrics(request: Request) -> Response:
    return PlainTextResponse(gateway(request).metrics.render(), media_type="text/plain; version=0.0.4")


async def openapi(request: Request) -> Response:
    return Response(orjson.dumps(openapi_document()), media_type="application/json")


routes = [
    Route("/v1/health", health, methods=["GET"]),
    Route("/metrics", metrics, methods=["GET"]),
    Route("/openapi.json", openapi, methods=["GET"]),
]
