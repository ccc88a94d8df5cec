"""What every route needs: the gateway state, the caller, the JSON body, off-loop store calls."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

import anyio
import anyio.to_thread
import orjson
from sqlalchemy import Connection
from starlette.requests import Request

from agentdesk.sync.gateway.config import GatewayConfig
from agentdesk.sync.gateway.events import EventHub
from agentdesk.sync.gateway.metrics import Metrics
from agentdesk.sync.gateway.pagecache import SharedPages
from agentdesk.sync.gateway.problems import ProblemError
from agentdesk.sync.gateway.store import GatewayStore, audit
from agentdesk.sync.gateway.store.accounts import Principal, authenticate_with_head, hash_token, valid_tokens
from agentdesk.sync.gateway.store.changes import Page
from agentdesk.sync.gateway.tokencache import TokenCache

T = TypeVar("T")
MAX_JSON_DEPTH = 64
TOUCH_EVERY = 30.0


# Worker threads for store calls, per event loop. Fewer than anyio's default 40: more threads than
# pooled connections made the pools open and close a connection per request (every PRAGMA again on
# SQLite, a backend fork on PostgreSQL), and forty threads queueing for the GIL stretch the tail.
DB_THREADS = 12
_background: set[asyncio.Task[None]] = set()
_limiters: WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = WeakKeyDictionary()


@dataclass
class Gateway:
    config: GatewayConfig
    store: GatewayStore
    hub: EventHub
    metrics: Metrics
    last_touch: dict[str, float] = field(default_factory=dict)
    tokens: TokenCache = field(default_factory=TokenCache)
    pages: SharedPages[Page] = field(default_factory=SharedPages)
    # Login throttle locks this process set (key -> locked until): repeated attempts from a locked
    # address are refused without a database read. The database stays the shared truth.
    login_locks: dict[str, float] = field(default_factory=dict)
    # Throttle keys that failed in this process (key -> when): their attempts are "suspect" (kdf.py).
    login_failed_at: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.hub.auth_listeners.append(self.tokens.invalidate)


def gateway(request: Request) -> Gateway:
    return request.app.state.gateway  # type: ignore[no-any-return]


async def off_loop(fn: Callable[..., T], *args: Any) -> T:
    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = anyio.CapacityLimiter(DB_THREADS)
    return await anyio.to_thread.run_sync(fn, *args, limiter=limiter)


def bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        raise ProblemError(401, "Sign in first: this call needs a bearer token.")
    return token


def check_principal(conn: Connection, token: str, roles: tuple[str, ...] = ()) -> Principal:
    """The caller behind ``token`` on an open connection (401/403 as ProblemError)."""
    return check_principal_head(conn, token, roles)[0]


def check_principal_head(conn: Connection, token: str, roles: tuple[str, ...] = ()) -> tuple[Principal, int]:
    """``check_principal`` plus the committed head version, in one query."""
    principal, head = authenticate_with_head(conn, token)
    if principal is None:
        raise ProblemError(401, "This sign-in is not valid any more (expired, signed out or unknown).")
    if roles and principal.role not in roles:
        raise ProblemError(403, "Your role does not allow this.")
    return principal, head


async def current_principal(request: Request, *roles: str) -> Principal:
    """The signed-in caller (401 otherwise); with ``roles``, one of them (403 otherwise)."""
    gw = gateway(request)
    principal = await token_principal(gw, bearer(request))
    if roles and principal.role not in roles:
        raise ProblemError(403, "Your role does not allow this.")
    await note_seen(gw, principal)
    return principal


def cached_principal(gw: Gateway, token: str) -> Principal | None:
    """The principal behind ``token`` if the token cache holds it (and starts its batch check when
    due: tokencache.py)."""
    now = time.time()
    if gw.tokens.due(now):
        checked = gw.tokens.start_sweep(now)
        task = asyncio.create_task(_sweep_tokens(gw, checked, now))
        _background.add(task)
        task.add_done_callback(_background.discard)
    return gw.tokens.get(hash_token(token), now)


async def _sweep_tokens(gw: Gateway, checked: list[str], at: float) -> None:
    def valid() -> set[str]:
        with gw.store.read() as conn:
            return valid_tokens(conn, checked, at)

    try:
        gw.tokens.confirm(checked, await off_loop(valid), at)
    except Exception:  # the entries age out by themselves; try again next time
        gw.tokens.sweeping = False
        raise


async def token_principal(gw: Gateway, token: str) -> Principal:
    """The principal behind ``token``: from the token cache, else from the store (401 if none)."""
    principal = cached_principal(gw, token)
    if principal is not None:
        return principal
    generation = gw.tokens.generation

    def lookup() -> Principal:
        with gw.store.read() as conn:
            return check_principal(conn, token)

    principal = await off_loop(lookup)
    gw.tokens.put(principal, generation)
    return principal


async def note_seen(gw: Gateway, principal: Principal) -> None:
    """Presence: remember the caller was active (written at most every TOUCH_EVERY seconds)."""
    now = time.time()
    if now - gw.last_touch.get(principal.agent_id, 0.0) <= TOUCH_EVERY:
        return
    gw.last_touch[principal.agent_id] = now

    def touch() -> None:
        with gw.store.write() as tx:
            audit.touch(tx.conn, [principal.agent_id], now)

    await off_loop(touch)


def _depth(value: Any, limit: int) -> bool:
    """True when ``value`` nests no deeper than ``limit`` (iterative: no recursion on hostile input)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


async def json_body(request: Request) -> Any:
    ctype = request.headers.get("content-type", "application/json").split(";", 1)[0].strip().lower()
    if ctype != "application/json" and not ctype.endswith("+json"):
        raise ProblemError(415, "Send the body as application/json.")
    raw = await request.body()
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise ProblemError(400, "The body is not valid JSON.") from None
    if not _depth(value, MAX_JSON_DEPTH):
        raise ProblemError(400, f"The JSON nests deeper than {MAX_JSON_DEPTH} levels.")
    return value


def object_body(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProblemError(
            422, "The body must be a JSON object.", errors=[{"path": "", "message": "not an object"}]
        )
    return value
