"""Hardening: 401/403/404/405/410/413/415/422/429 as problem+json, token expiry and revocation,
login throttling, security headers, and logs free of secrets and personal values."""

from __future__ import annotations

import logging
import time

import httpx
import pytest

from agentdesk.sync.protocol import MAX_PAGE, Problems
from tests.gateway.harness import auth, pull_all, sign_in
from tests.gateway.test_protocol import mutation, push


def _problem(response: httpx.Response, status: int, type_: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["detail"] and body["type"].startswith("https://")
    if type_:
        assert body["type"] == type_
    return body


def test_tokens_are_required_expire_and_revoke(gateway_factory) -> None:
    url = gateway_factory(token_ttl_seconds=1.5)
    _problem(httpx.get(url + "/v1/changes"), 401, Problems.UNAUTHENTICATED)
    _problem(httpx.get(url + "/v1/changes", headers=auth("forged-token")), 401)
    _problem(httpx.get(url + "/v1/changes", headers={"authorization": "Basic abc"}), 401)
    short = sign_in(url)
    assert httpx.get(url + "/v1/changes", headers=auth(short)).status_code == 200
    time.sleep(1.6)
    assert (
        httpx.get(url + "/v1/changes", headers=auth(short)).headers["www-authenticate"].startswith("Bearer")
    )
    _problem(httpx.get(url + "/v1/changes", headers=auth(short)), 401)
    one, two = sign_in(url), sign_in(url)
    assert httpx.delete(url + "/v1/session", headers=auth(one)).status_code == 204
    _problem(httpx.get(url + "/v1/changes", headers=auth(one)), 401)
    assert httpx.get(url + "/v1/changes", headers=auth(two)).status_code == 200
    three = sign_in(url)
    revoked = httpx.post(url + "/v1/session/revoke-all", headers=auth(three))
    assert revoked.status_code == 200 and revoked.json()["revoked"] >= 2
    for token in (two, three):
        _problem(httpx.get(url + "/v1/changes", headers=auth(token)), 401)


def test_roles_and_unknown_paths(gateway_url: str) -> None:
    agent, lead = sign_in(gateway_url), sign_in(gateway_url, "demo.lead")
    for path in ("/v1/supervisor/audit", "/v1/supervisor/presence", "/v1/supervisor/dashboard"):
        _problem(httpx.get(gateway_url + path, headers=auth(agent)), 403, Problems.FORBIDDEN)
    assert httpx.get(gateway_url + "/v1/supervisor/presence", headers=auth(lead)).status_code == 200
    _problem(httpx.get(gateway_url + "/v1/supervisor/no-such-panel", headers=auth(lead)), 404)
    _problem(httpx.get(gateway_url + "/v1/nothing-here"), 404, Problems.NOT_FOUND)
    _problem(httpx.put(gateway_url + "/v1/changes", headers=auth(agent)), 405)


def test_malformed_input_is_4xx(gateway_url: str) -> None:
    token = sign_in(gateway_url)
    headers = {**auth(token), "content-type": "application/json"}
    post = lambda content, h=headers: httpx.post(gateway_url + "/v1/mutations", content=content, headers=h)  # noqa: E731
    _problem(post(b"{not json"), 400, Problems.MALFORMED)
    _problem(post(b"[" * 100_000 + b"]" * 100_000), 400)
    _problem(post(b'{"a":' * 200 + b"1" + b"}" * 200), 400)
    _problem(post(b"[]"), 422, Problems.VALIDATION)
    _problem(post(b"\xff\xfe"), 400)
    _problem(post(b"client_id=x", {**auth(token), "content-type": "application/x-www-form-urlencoded"}), 415)
    _problem(post(b"x" * (1024 * 1024 + 1)), 413, Problems.TOO_LARGE)
    chunks = (b"x" * 65536 for _ in range(20))  # no Content-Length: counted while reading
    _problem(httpx.post(gateway_url + "/v1/mutations", content=chunks, headers=headers), 413)
    for cursor in ("abc", "-1", "1.5", "9" * 40):
        _problem(
            httpx.get(gateway_url + "/v1/changes", params={"cursor": cursor}, headers=auth(token)),
            422,
            Problems.BAD_CURSOR,
        )
    _problem(
        httpx.get(gateway_url + "/v1/changes", params={"cursor": 10**15}, headers=auth(token)),
        410,
        Problems.BAD_CURSOR,
    )
    huge = httpx.get(gateway_url + "/v1/changes", params={"limit": 10**9}, headers=auth(token))
    assert huge.status_code == 200 and len(huge.json()["changes"]) <= MAX_PAGE
    _problem(httpx.post(gateway_url + "/v1/session", json={"login": ["x"], "password": 1}), 422)
    script = "<script>alert(1)</script>'; DROP TABLE gw_records; --"
    rows, _, _ = pull_all(gateway_url, token)
    ticket_id = next(i for (e, i), d in rows.items() if e == "ticket" and d["status"] == "open")
    [r] = push(gateway_url, token, mutation("ticket.note", ticket_id, {"body": script}))
    assert r["status"] == "applied"
    assert any(
        d.get("body") == script for (e, _), d in pull_all(gateway_url, token)[0].items() if e == "message"
    )


def test_login_throttling_per_account_and_address(gateway_factory) -> None:
    url = gateway_factory(login_failures_per_account=3, login_failures_per_address=6, login_lock_seconds=30)
    wrong = {"login": "demo.agent", "password": "guess"}
    for _ in range(3):
        _problem(httpx.post(url + "/v1/session", json=wrong), 401)
    locked = _problem(
        httpx.post(url + "/v1/session", json={"login": "demo.agent", "password": "demo"}),
        429,
        Problems.RATE_LIMITED,
    )
    assert "demo.agent" not in locked["detail"]
    assert 1 <= int(httpx.post(url + "/v1/session", json=wrong).headers["retry-after"]) <= 30
    # Unknown accounts count the same way, so the answers do not tell which logins exist.
    for n in range(3):
        _problem(httpx.post(url + "/v1/session", json={"login": f"ghost{n}", "password": "x"}), 401)
    _problem(httpx.post(url + "/v1/session", json={"login": "demo.lead", "password": "demo"}), 429)  # address


def test_security_headers_and_no_cors(gateway_url: str) -> None:
    response = httpx.get(gateway_url + "/v1/health", headers={"origin": "https://evil.example"})
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "access-control-allow-origin" not in response.headers


def test_metrics_and_openapi(gateway_url: str) -> None:
    token = sign_in(gateway_url)
    httpx.get(gateway_url + "/v1/changes", headers=auth(token))
    text = httpx.get(gateway_url + "/metrics").text
    assert 'agentdesk_http_requests_total{route="/v1/changes",method="GET",status="200"}' in text
    assert "agentdesk_http_request_duration_seconds_bucket" in text and "agentdesk_sse_clients" in text
    assert 'agentdesk_mutations_total{status="applied"}' in text
    spec = httpx.get(gateway_url + "/openapi.json").json()
    assert spec["openapi"].startswith("3.1") and "/v1/changes" in spec["paths"]


def test_logs_hold_no_secrets_or_personal_values(
    gateway_factory, tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    from agentdesk.sync.gateway.seed import seed_demo
    from agentdesk.sync.gateway.store import GatewayStore
    from agentdesk.sync.gateway.store.accounts import create_account
    from agentdesk.sync.gateway.store.records import RecordWriter

    caplog.set_level(logging.DEBUG)
    password = "Tr0ub4dor&3-unique"
    db_url = f"sqlite:///{tmp_path / 'logs.db'}"
    store = GatewayStore(db_url)  # an administrator's tool adds an account with its own password
    store.create_schema()
    seed_demo(store)
    with store.write() as tx:
        RecordWriter(tx).put(
            "agent",
            "agent-x",
            {"login": "x.agent", "name": "X", "role": "agent", "team_ids": ["team-billing"], "skills": []},
        )
        create_account(tx.conn, "agent-x", "x.agent", password)
    store.dispose()
    url = gateway_factory(db_url, seed_demo=False)
    admin = sign_in(url, "demo.admin")
    clear, _, _ = pull_all(url, admin)
    token = sign_in(url, "x.agent", password)
    rows, _, _ = pull_all(url, token)
    cid = next(i for (e, i) in rows if e == "customer" and clear[(e, i)].get("national_id"))
    revealed = httpx.post(
        url + "/v1/reveal",
        json={"entity": "customer", "id": cid, "field": "national_id", "reason": "identity check"},
        headers=auth(token),
    ).json()["value"]
    ticket_id = next(i for (e, i), d in rows.items() if e == "ticket" and d["status"] == "open")
    push(
        url,
        token,
        mutation("ticket.reply", ticket_id, {"body": "Hello"}),
        mutation("customer.update", cid, {"fields": {"email": "new.address@example.org"}}),
    )
    httpx.post(url + "/v1/session", json={"login": "x.agent", "password": password + "x"})
    httpx.delete(url + "/v1/session", headers=auth(token))
    logged = caplog.text
    assert "agent-x signed in" in logged and "revealed national_id" in logged  # the capture works
    secrets = [
        token,
        admin,
        password,
        revealed,
        "new.address@example.org",
        *(clear[("customer", cid)].get(f) for f in ("phone", "email", "address", "national_id")),
    ]
    for secret in secrets:
        assert not secret or secret not in logged
