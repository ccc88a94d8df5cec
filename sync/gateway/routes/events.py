"""``GET /v1/events``: server-sent events — "changes" nudges with the newest version, presence.

The first event tells the current version, so a client that reconnects pulls at once if it missed
something. A keep-alive comment goes out every ``keepalive_seconds``; at each one the token is
checked again (a revoked or expired sign-in ends the stream) and the agent's presence refreshed.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

import orjson
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

from agentdesk.sync.gateway.deps import Gateway, current_principal, gateway, off_loop
from agentdesk.sync.gateway.events import Subscriber
from agentdesk.sync.gateway.store import audit
from agentdesk.sync.gateway.store.accounts import Principal, authenticate


def _event(name: str, data: object) -> bytes:
    return b"event: " + name.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n"


async def _stream(gw: Gateway, principal: Principal, token: str, sub: Subscriber) -> AsyncIterator[bytes]:
    keepalive = gw.config.keepalive_seconds
    try:
        yield b"retry: 3000\n\n" + _event("changes", {"version": gw.hub.version})
        sub.seen_version = gw.hub.version
        while True:
            try:
                await asyncio.wait_for(sub.wake.wait(), timeout=keepalive)
            except TimeoutError:
                if not await off_loop(_still_valid, gw, token, principal.agent_id, keepalive):
                    return
                yield b": keep-alive\n\n"
                continue
            sub.wake.clear()
            out = []
            if gw.hub.version > sub.seen_version:
                sub.seen_version = gw.hub.version
                out.append(_event("changes", {"version": sub.seen_version}))
            while sub.presence:
                out.append(_event("presence", sub.presence.popleft()))
            if out:
                yield b"".join(out)
    finally:
        gw.hub.unsubscribe(sub)
        gw.metrics.sse_clients -= 1
        with contextlib.suppress(Exception):
            await off_loop(_closed, gw, principal.agent_id)


def _still_valid(gw: Gateway, token: str, agent_id: str, keepalive: float) -> bool:
    with gw.store.read() as conn:
        if authenticate(conn, token) is None:
            return False
    with gw.store.write() as tx:
        audit.streams_open(tx.conn, [agent_id], time.time() + 2.5 * keepalive)
    return True


def _closed(gw: Gateway, agent_id: str) -> None:
    if gw.hub.streams_by_agent.get(agent_id):
        return
    with gw.store.write() as tx:
        audit.end_stream(tx.conn, agent_id)


async def events(request: Request) -> StreamingResponse:
    gw = gateway(request)
    principal = await current_principal(request)
    token = request.headers["authorization"].partition(" ")[2].strip()

    def opened() -> None:
        with gw.store.write() as tx:
            audit.streams_open(tx.conn, [principal.agent_id], time.time() + 2.5 * gw.config.keepalive_seconds)

    await off_loop(opened)
    sub = gw.hub.subscribe(principal.agent_id, principal.role in ("team_lead", "admin"))
    gw.metrics.sse_clients += 1
    return StreamingResponse(
        _stream(gw, principal, token, sub),
        media_type="text/event-stream",
        headers={"X-Accel-Buffering": "no"},
    )


routes = [Route("/v1/events", events, methods=["GET"])]
