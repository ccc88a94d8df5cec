"""``GET /v1/events``: server-sent events — "changes" nudges with the newest version, presence.

The first event tells the current version, so a client that reconnects pulls at once if it missed
something. A keep-alive comment goes out every ``keepalive_seconds``; at each one the token is
checked again (a revoked or expired sign-in ends the stream) and the agent's presence refreshed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import orjson
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

from agentdesk.sync.gateway.deps import Gateway, current_principal, gateway, token_principal
from agentdesk.sync.gateway.events import Subscriber
from agentdesk.sync.gateway.problems import ProblemError
from agentdesk.sync.gateway.store.accounts import Principal


def _event(name: str, data: object) -> bytes:
    return b"event: " + name.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n"


async def _stream(gw: Gateway, principal: Principal, token: str, sub: Subscriber) -> AsyncIterator[bytes]:
    gw.hub.keepalive_seconds = gw.config.keepalive_seconds
    try:
        yield b"retry: 3000\n\n" + _event("changes", {"version": gw.hub.version})
        sub.seen_version = gw.hub.version
        while True:
            # No timer per wait: each commit wakes every stream of the teams concerned (a thousand
            # at peak), and the hub's one ticker wakes the idle ones for their keep-alive.
            await sub.wake.wait()
            sub.wake.clear()
            if sub.keepalive_due:
                sub.keepalive_due = False
                if not await _still_valid(gw, token):
                    return
                yield b": keep-alive\n\n"
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


async def _still_valid(gw: Gateway, token: str) -> bool:
    try:
        await token_principal(gw, token)  # the token cache: see tokencache.py for how fresh
    except ProblemError:
        return False
    return True


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
