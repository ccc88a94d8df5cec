"""``create_app(config)``: the gateway's Starlette application."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from agentdesk.sync.gateway.config import GatewayConfig
from agentdesk.sync.gateway.deps import Gateway
from agentdesk.sync.gateway.events import EventHub, PgListener, PresenceWriter, SqlitePoller
from agentdesk.sync.gateway.metrics import Metrics
from agentdesk.sync.gateway.middleware import EdgeMiddleware
from agentdesk.sync.gateway.problems import ProblemError, from_error, problem_response
from agentdesk.sync.gateway.retention import purge_job
from agentdesk.sync.gateway.routes import changes, events, meta, mutations, reveal, session, supervisor
from agentdesk.sync.gateway.store import GatewayStore

log = logging.getLogger(__name__)
# Hook for later areas (connectors, more supervisor endpoints): extra routes and startup tasks.
StartupHook = Callable[[Gateway], Any]


def build_routes() -> list[BaseRoute]:
    return [
        *meta.routes,
        *session.routes,
        *changes.routes,
        *mutations.routes,
        *events.routes,
        *reveal.routes,
        *supervisor.routes,
        supervisor.fallback,
    ]


def create_app(
    config: GatewayConfig,
    *,
    extra_routes: list[BaseRoute] | None = None,
    on_startup: list[StartupHook] | None = None,
    store: GatewayStore | None = None,
) -> Starlette:
    store = store or GatewayStore(config.database_url)
    store.create_schema()
    if config.seed_demo:
        from agentdesk.sync.gateway.seed import seed_demo

        seed_demo(store, customers=config.demo_customers, seed=config.demo_seed)
    hub = EventHub()
    store.add_listener(hub.publish_threadsafe)
    gw = Gateway(config, store, hub, Metrics())

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        hub.bind(asyncio.get_running_loop())
        with store.read() as conn:
            hub.version = store.head(conn)
        watcher = (
            PgListener(store, hub) if store.is_pg else SqlitePoller(store, hub, config.sqlite_poll_seconds)
        )
        watcher.start()
        presence = PresenceWriter(store, hub, config.keepalive_seconds)
        presence.start()
        retention = dict(config.retention_days)
        tasks = [asyncio.create_task(purge_job(store, retention, config.purge_interval_seconds))]
        for hook in on_startup or ():
            result = hook(gw)
            if asyncio.iscoroutine(result):
                tasks.append(asyncio.create_task(result))
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await watcher.stop()
            await presence.stop()
            store.dispose()

    middleware = [
        Middleware(EdgeMiddleware, metrics=gw.metrics, max_body=config.max_body_bytes, tls=config.tls)
    ]
    if config.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(config.cors_origins),
                allow_methods=["GET", "POST", "DELETE"],
                allow_headers=["authorization", "content-type"],
            )
        )
    routes = [*(extra_routes or []), *build_routes()]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={ProblemError: _problem, HTTPException: _http, Exception: _crash},
    )
    app.state.gateway = gw
    return app


async def _problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProblemError)
    return from_error(exc, instance=request.url.path)


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = {404: "There is nothing at this address.", 405: "This address does not take that method."}.get(
        exc.status_code, str(exc.detail)
    )
    response = problem_response(exc.status_code, detail, instance=request.url.path)
    if exc.status_code == 405 and exc.headers and "Allow" in exc.headers:
        response.headers["Allow"] = exc.headers["Allow"]
    return response


async def _crash(request: Request, exc: Exception) -> Response:
    from sqlalchemy.exc import OperationalError

    if isinstance(exc, OperationalError):
        log.error("database unavailable on %s: %s", request.url.path, type(exc).__name__)
        return problem_response(
            503, "The gateway's database is busy or unreachable; try again.", retry_after=2
        )
    log.exception("server error on %s", request.url.path)
    return problem_response(500, "The gateway failed on this request; it may be retried.")
