"""``/v1/session``: sign in (throttled), sign out, sign out everywhere."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import NoReturn

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentdesk.sync.gateway import kdf
from agentdesk.sync.gateway.deps import Gateway, current_principal, gateway, json_body, object_body, off_loop
from agentdesk.sync.gateway.middleware import client_address
from agentdesk.sync.gateway.problems import ProblemError
from agentdesk.sync.gateway.store import accounts
from agentdesk.sync.gateway.store.accounts import ThrottleRule
from agentdesk.timeutil import to_wire

log = logging.getLogger(__name__)
WRONG = "The sign-in name or the password is wrong."  # one message: no account enumeration


async def sign_in(request: Request) -> Response:
    gw = gateway(request)
    body = object_body(await json_body(request))
    login, password = body.get("login"), body.get("password")
    errors = [
        {"path": k, "message": f"{k} must be a non-empty string of at most 200 characters"}
        for k, v in (("login", login), ("password", password))
        if not isinstance(v, str) or not v or len(v) > 200
    ]
    if errors:
        raise ProblemError(422, "Give a sign-in name and a password.", errors=errors)
    assert isinstance(login, str) and isinstance(password, str)
    cfg = gw.config
    keys = {"account": f"account:{login.lower()}", "address": f"address:{client_address(request.scope)}"}
    rules = {
        "account": ThrottleRule(
            cfg.login_window_seconds,
            cfg.login_failures_per_account,
            cfg.login_lock_seconds,
            cfg.login_lock_max_seconds,
        ),
        "address": ThrottleRule(
            cfg.login_window_seconds,
            cfg.login_failures_per_address,
            cfg.login_lock_seconds,
            cfg.login_lock_max_seconds,
        ),
    }

    # A lock this process set is refused without a read; otherwise the shared one in the database.
    now = time.time()
    row: accounts.LoginRow | None = None
    wait = max(gw.login_locks.get(key, 0.0) for key in keys.values()) - now
    if wait <= 0:

        def read() -> tuple[float, accounts.LoginRow | None]:
            with gw.store.read() as conn:
                return accounts.locked_for(conn, list(keys.values()), now), accounts.login_row(conn, login)

        wait, row = await off_loop(read)
    if wait > 0:
        _throttled(gw, wait)

    def verify() -> tuple[str, str] | float | None:
        # Checked again once the KDF worker is ours: attempts queued before a lock cost nothing.
        wait = max(gw.login_locks.get(key, 0.0) for key in keys.values()) - time.time()
        if wait > 0:
            return wait
        gw.metrics.count_login_kdf()
        return accounts.check_password(row, password)

    window = time.time() - cfg.login_window_seconds
    suspect = any(gw.login_failed_at.get(key, 0.0) > window for key in keys.values())
    try:
        found = await kdf.runner.run(verify, suspect=suspect)  # no connection held while it runs
    except kdf.KdfBusy:
        gw.metrics.count_login("busy")
        raise ProblemError(
            429, "The gateway is checking many sign-ins; try again in a moment.", retry_after=1
        ) from None
    if isinstance(found, float):
        _throttled(gw, found)
    if found is None:

        def fail() -> dict[str, float]:
            with gw.store.write() as tx:
                now = time.time()
                return {
                    key: accounts.record_failure(tx.conn, key, rules[name], now) for name, key in keys.items()
                }

        failed_at = time.time()
        for key, until in (await off_loop(fail)).items():
            gw.login_failed_at[key] = failed_at
            if until:
                gw.login_locks[key] = until
        gw.metrics.count_login("failed")
        log.info("sign-in failed from %s", client_address(request.scope))
        raise ProblemError(401, WRONG)
    agent_id, account_login = found

    def issue() -> tuple[str, float, dict[str, object]]:
        with gw.store.write() as tx:
            accounts.clear_failures(tx.conn, keys["account"])
            principal = accounts.principal_for(tx.conn, agent_id, account_login)
            if principal is None:
                raise ProblemError(401, WRONG)
            token, expires = accounts.issue_token(tx.conn, agent_id, cfg.token_ttl_seconds)
            return token, expires, principal.session_agent()

    token, expires, agent = await off_loop(issue)
    gw.login_locks.pop(keys["account"], None)
    gw.metrics.count_login("ok")
    log.info("agent %s signed in", agent_id)
    body_out = {"token": token, "expires_at": to_wire(datetime.fromtimestamp(expires, UTC)), "agent": agent}
    return Response(orjson.dumps(body_out), media_type="application/json")


def _throttled(gw: Gateway, wait: float) -> NoReturn:
    gw.metrics.count_login("throttled")
    _forget_expired_locks(gw)
    raise ProblemError(429, "Too many failed sign-ins. Wait a little and try again.", retry_after=wait)


def _forget_expired_locks(gw: Gateway) -> None:
    now = time.time()
    if len(gw.login_locks) > 10_000:
        for key in [k for k, until in gw.login_locks.items() if until <= now]:
            del gw.login_locks[key]
    if len(gw.login_failed_at) > 10_000:
        window = now - gw.config.login_window_seconds
        for key in [k for k, at in gw.login_failed_at.items() if at <= window]:
            del gw.login_failed_at[key]


async def sign_out(request: Request) -> Response:
    gw = gateway(request)
    principal = await current_principal(request)

    def revoke() -> None:
        with gw.store.write() as tx:
            accounts.revoke(tx.conn, principal.token_hash)

    await off_loop(revoke)
    gw.tokens.drop_token(principal.token_hash)
    log.info("agent %s signed out", principal.agent_id)
    return Response(status_code=204)


async def revoke_all(request: Request) -> Response:
    gw = gateway(request)
    principal = await current_principal(request)

    def revoke() -> int:
        with gw.store.write() as tx:
            return accounts.revoke_all(tx.conn, principal.agent_id)

    count = await off_loop(revoke)
    gw.tokens.drop_agent(principal.agent_id)
    log.info("agent %s signed out everywhere (%d sessions)", principal.agent_id, count)
    return Response(orjson.dumps({"revoked": count}), media_type="application/json")


async def session(request: Request) -> Response:
    # One route for both methods, so a 405 lists them both in Allow.
    return await (sign_in(request) if request.method == "POST" else sign_out(request))


routes = [
    Route("/v1/session", session, methods=["POST", "DELETE"]),
    Route("/v1/session/revoke-all", revoke_all, methods=["POST"]),
]
