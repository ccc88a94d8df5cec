"""The poll hot path and sign-in under attack: the token cache honours sign-out and expiry at once
(and, across processes, within its stated bound), "nothing new" answers stay correct, and throttled
or queued sign-ins never run the KDF."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx
import pytest

from agentdesk.sync.gateway import tokencache
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store.accounts import issue_token
from tests.gateway.harness import auth, gateway_server, pull_all, sign_in
from tests.gateway.test_protocol import mutation, push


def _poll(url: str, token: str, cursor: int) -> httpx.Response:
    return httpx.get(url + "/v1/changes", params={"cursor": cursor}, headers=auth(token), timeout=30)


def _metric(url: str, name: str) -> float:
    for line in httpx.get(url + "/metrics", timeout=30).text.splitlines():
        if line.startswith(name + " "):
            return float(line.rpartition(" ")[2])
    return 0.0


def test_cached_tokens_honour_sign_out_and_expiry_at_once(
    db_url: str, gateway_factory: Callable[..., str]
) -> None:
    url = gateway_factory(db_url, seed_demo=True)
    one, two, three = sign_in(url), sign_in(url), sign_in(url)
    _, cursor, _ = pull_all(url, one)
    for token in (one, two, three):  # cursor > 0: the cached path
        assert _poll(url, token, cursor).status_code == 200
        assert _poll(url, token, cursor).status_code == 200
    assert httpx.delete(url + "/v1/session", headers=auth(one)).status_code == 204
    assert _poll(url, one, cursor).status_code == 401
    assert _poll(url, two, cursor).status_code == 200
    assert httpx.post(url + "/v1/session/revoke-all", headers=auth(two)).status_code == 200
    assert _poll(url, two, cursor).status_code == 401
    assert _poll(url, three, cursor).status_code == 401
    store = GatewayStore(db_url, pool_size=1)
    try:
        with store.write() as tx:
            short, expires = issue_token(tx.conn, "agent-demo-agent", 2.0)
    finally:
        store.dispose()
    assert _poll(url, short, cursor).status_code == 200
    time.sleep(max(0.0, expires - time.time()) + 0.05)
    assert _poll(url, short, cursor).status_code == 401  # expired, though cached a moment ago


def test_sign_out_reaches_another_process_within_the_bound(db_url: str) -> None:
    """Two gateways on one database: PostgreSQL tells the other at once (NOTIFY); on SQLite it
    drops its cached copy within tokencache.TTL seconds."""
    with gateway_server(db_url, seed_demo=True) as a, gateway_server(db_url, seed_demo=False) as b:
        token = sign_in(a)
        _, cursor, _ = pull_all(b, token)
        assert _poll(b, token, cursor).status_code == 200  # cached by b
        assert httpx.delete(a + "/v1/session", headers=auth(token)).status_code == 204
        started = time.monotonic()
        while _poll(b, token, cursor).status_code == 200:
            assert time.monotonic() - started < tokencache.TTL + 2, "b kept serving a signed-out token"
            time.sleep(0.1)
        if db_url.startswith("postgresql"):
            assert time.monotonic() - started < 2.0


def test_polls_see_every_write_at_once(db_url: str, gateway_factory: Callable[..., str]) -> None:
    """The answers that skip the database: up to date with this process's commits the moment they
    return, for the writer and for a teammate; a poll whose cursor is current moves nothing."""
    url = gateway_factory(db_url, seed_demo=True)
    agent, lead, admin = sign_in(url), sign_in(url, "demo.lead"), sign_in(url, "demo.admin")
    rows, cursor, _ = pull_all(url, agent)
    _, lead_cursor, _ = pull_all(url, lead)
    _, admin_cursor, _ = pull_all(url, admin)
    quiet = _poll(url, agent, cursor).json()
    assert quiet == {"changes": [], "cursor": cursor, "has_more": False}
    ticket_id = next(i for (e, i), d in rows.items() if e == "ticket" and d["status"] == "open")
    for n in range(5):
        [result] = push(url, agent, mutation("ticket.note", ticket_id, {"body": f"note {n}"}))
        assert result["status"] == "applied"
        for token, start in ((agent, cursor), (lead, lead_cursor), (admin, admin_cursor)):
            page = _poll(url, token, start).json()
            bodies = [c["data"].get("body") for c in page["changes"] if c["entity"] == "message"]
            assert f"note {n}" in bodies, (n, page)
        cursor = _poll(url, agent, cursor).json()["cursor"]
        lead_cursor = _poll(url, lead, lead_cursor).json()["cursor"]
        admin_cursor = _poll(url, admin, admin_cursor).json()["cursor"]
    assert _poll(url, agent, cursor).json()["changes"] == []
    assert _poll(url, agent, 10**12).status_code == 410  # ahead of the server: still refused


def test_throttled_sign_ins_do_not_run_the_kdf(gateway_factory: Callable[..., str]) -> None:
    url = gateway_factory(login_failures_per_account=100, login_failures_per_address=3, login_lock_seconds=60)
    for n in range(3):
        assert (
            httpx.post(url + "/v1/session", json={"login": f"ghost{n}", "password": "x"}).status_code == 401
        )
    assert _metric(url, "agentdesk_login_kdf_total") == 3
    for n in range(10):
        response = httpx.post(url + "/v1/session", json={"login": f"other{n}", "password": "x"})
        assert response.status_code == 429 and int(response.headers["retry-after"]) >= 1
    response = httpx.post(url + "/v1/session", json={"login": "demo.agent", "password": "demo"})
    assert response.status_code == 429  # the address is locked, even for a right password
    assert _metric(url, "agentdesk_login_kdf_total") == 3


def test_a_burst_of_sign_ins_is_bounded_and_leaves_polls_fast(gateway_factory: Callable[..., str]) -> None:
    """Forty wrong passwords at once: a few run the KDF (one at a time, at a lower priority), the
    rest are refused at once; meanwhile polls are answered without waiting for them."""
    url = gateway_factory(login_failures_per_account=1000, login_failures_per_address=1000)
    token = sign_in(url)
    _, cursor, _ = pull_all(url, token)
    kdf_before = _metric(url, "agentdesk_login_kdf_total")

    async def burst() -> tuple[list[int], list[float]]:
        async with httpx.AsyncClient(base_url=url, timeout=60) as client:
            attempts = [
                client.post("/v1/session", json={"login": f"ghost{n}", "password": "x"}) for n in range(40)
            ]
            tasks = [asyncio.create_task(a) for a in attempts]
            await asyncio.sleep(0.05)
            poll_times = []
            for _ in range(5):
                started = time.perf_counter()
                r = await client.get("/v1/changes", params={"cursor": cursor}, headers=auth(token))
                assert r.status_code == 200
                poll_times.append(time.perf_counter() - started)
            return [r.status_code for r in await asyncio.gather(*tasks)], poll_times

    statuses, poll_times = asyncio.run(burst())
    assert set(statuses) <= {401, 429} and statuses.count(429) >= 20, statuses
    ran = _metric(url, "agentdesk_login_kdf_total") - kdf_before
    assert ran == statuses.count(401) and ran <= 20
    assert sorted(poll_times)[2] < 1.0, poll_times  # median of five polls, on a shared machine


def test_a_quiet_team_moves_its_cursor_without_rows(db_url: str, gateway_factory: Callable[..., str]) -> None:
    """A write another team alone may see: the agent's poll advances past it, with no rows."""
    url = gateway_factory(db_url, seed_demo=True)
    agent, admin = sign_in(url), sign_in(url, "demo.admin")
    rows, cursor, _ = pull_all(url, admin)
    agent_rows, agent_cursor, _ = pull_all(url, agent)
    agent_tickets = {i for (e, i) in agent_rows if e == "ticket"}
    other = next(
        (
            i
            for (e, i), d in rows.items()
            if e == "ticket" and i not in agent_tickets and d["status"] == "open"
        ),
        None,
    )
    if other is None:
        pytest.skip("the demo data has no ticket outside the agent's teams")
    [result] = push(url, admin, mutation("ticket.note", other, {"body": "for the other team"}))
    assert result["status"] == "applied"
    page = _poll(url, agent, agent_cursor).json()
    assert page["changes"] == [] and page["cursor"] > agent_cursor
    admin_page = _poll(url, admin, cursor).json()
    assert any(c["data"].get("body") == "for the other team" for c in admin_page["changes"])


def test_shared_pages_are_per_scope(db_url: str, gateway_factory: Callable[..., str]) -> None:
    """Pages are shared by callers asking the same question at the same head, never across scopes:
    an agent and an admin at one cursor get their own pages, two agents of one team the same bytes."""
    url = gateway_factory(db_url, seed_demo=True)
    agent, agent2, admin = sign_in(url), sign_in(url), sign_in(url, "demo.admin")
    rows, cursor, _ = pull_all(url, admin)
    agent_rows, _, _ = pull_all(url, agent)
    _poll(url, agent2, cursor)  # cached sign-ins: the shared path
    mine = next(i for (e, i), d in agent_rows.items() if e == "ticket" and d["status"] == "open")
    other = next(
        (
            i
            for (e, i), d in rows.items()
            if e == "ticket" and (e, i) not in agent_rows and d["status"] == "open"
        ),
        None,
    )
    if other is None:
        pytest.skip("the demo data has no ticket outside the agent's teams")
    push(url, admin, mutation("ticket.note", other, {"body": "theirs"}))
    push(url, admin, mutation("ticket.note", mine, {"body": "ours"}))
    first, second = _poll(url, agent, cursor), _poll(url, agent2, cursor)
    admin_page = _poll(url, admin, cursor).json()
    assert first.content == second.content
    bodies = {c["data"].get("body") for c in first.json()["changes"] if c["entity"] == "message"}
    admin_bodies = {c["data"].get("body") for c in admin_page["changes"] if c["entity"] == "message"}
    assert bodies == {"ours"} and admin_bodies == {"ours", "theirs"}
