"""``/v1/session``: sign in (throttled), sign out, sign out everywhere."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentdesk.sync.gateway.deps import current_principal, gateway, json_body, object_body, off_loop
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

    def locked() -> float:
        with gw.store.read() as conn:
            return accounts.locked_for(conn, list(keys.values()), time.time())

    wait = await off_loop(locked)
    if wait > 0:
        gw.metrics.count_login("throttled")
        raise ProblemError(429, "Too many failed sign-ins. Wait a little and try again.", retry_after=wait)

    def verify() -> tuple[str, str] | None:
        with gw.store.read() as conn:
            return accounts.verify_login(conn, login, password)

    found = await off_loop(verify)  # argon2: slow on purpose, so off the event loop
    if found is None:

        def fail() -> None:
            with gw.store.write() as tx:
                now = time.time()
                for name, key in keys.items():
                    accounts.record_failure(tx.conn, key, rules[name], now)

        await off_loop(fail)
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
    gw.metrics.count_login("ok")
    log.info("agent %s signed in", agent_id)
    body_out = {"token": token, "expires_at": to_wire(datetime.fromtimestamp(expires, UTC)), "agent": agent}
    return Response(orjson.dumps(body_out), media_type="application/json")


async def sign_out(request: Request) -> Response:
    gw = gateway(request)
    principal = await current_principal(request)

    def revoke() -> None:
        with gw.store.write() as tx:
            accounts.revoke(tx.conn, principal.token_hash)

    await off_loop(revoke)
    log.info("agent %s signed out", principal.agent_id)
    return Response(status_code=204)


async def revoke_all(request: Request) -> Response:
    gw = gateway(request)
    principal = await current_principal(request)

    def revoke() -> int:
        with gw.store.write() as tx:
            return accounts.revoke_all(tx.conn, principal.agent_id)

    count = await off_loop(revoke)
    log.info("agent %s signed out everywhere (%d sessions)", principal.agent_id, count)
    return Response(orjson.dumps({"revoked": count}), media_type="application/json")


async def session(request: Request) -> Response:
    # One route for both methods, so a 405 lists them both in Allow.
    return await (sign_in(request) if request.method == "POST" else sign_out(request))


routes = [
    Route("/v1/session", session, methods=["POST", "DELETE"]),
    Route("/v1/session/revoke-all", revoke_all, methods=["POST"]),
]
