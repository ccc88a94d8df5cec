"""``GET /v1/events``: server-sent events — "changes" nudges with the newest version, presence.

The first event tells the current version, so a client that reconnects pulls at once if it missed
something. A keep-alive comment goes out every ``keepalive_seconds``; at each one the token is
checked again (a revoked or expired sign-in ends the stream) and the agent's presence refreshed.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import orjson
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

from agentdesk.sync.gateway.deps import Gateway, current_principal, gateway, off_loop
from agentdesk.sync.gateway.events import Subscriber
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
                if not await off_loop(_still_valid, gw, token):
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


def _still_valid(gw: Gateway, token: str) -> bool:
    with gw.store.read() as conn:
        return authenticate(conn, token) is not None


async def events(request: Request) -> StreamingResponse:
    gw = gateway(request)
    principal = await current_principal(request)
    token = request.headers["authorization"].partition(" ")[2].strip()
    teams = None if principal.scope is None else frozenset(principal.scope)
    sub = gw.hub.subscribe(principal.agent_id, principal.role in ("team_lead", "admin"), teams)
    gw.metrics.sse_clients += 1
    return StreamingResponse(
        _stream(gw, principal, token, sub),
        media_type="text/event-stream",
        headers={"X-Accel-Buffering": "no"},
    )


routes = [Route("/v1/events", events, methods=["GET"])]
