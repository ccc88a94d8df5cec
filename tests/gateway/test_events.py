"""``/v1/events``: a nudge within a second of a commit, presence, and LISTEN/NOTIFY fan-out across
two gateway processes on one PostgreSQL database."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.gateway.harness import auth, pull_all, sign_in
from tests.gateway.sse import SseReader
from tests.gateway.test_protocol import mutation, push
from tests.sync.gatewayproc import GatewayProcess


def _nudged_after_mutation(stream_url: str, write_url: str) -> tuple[float, int, int]:
    token = sign_in(stream_url)
    writer = token if write_url == stream_url else sign_in(write_url)
    reader = SseReader(stream_url, token)
    try:
        first, _ = reader.next("changes")
        rows, _, _ = pull_all(write_url, writer)
        ticket_id = next(i for (e, i), d in rows.items() if e == "ticket" and d["status"] == "open")
        sent = time.monotonic()
        [result] = push(write_url, writer, mutation("ticket.note", ticket_id, {"body": "nudge"}))
        while True:
            data, at = reader.next("changes", timeout=3)
            if data["version"] >= result["version"]:
                return at - sent, first["version"], data["version"]
    finally:
        reader.close()


def test_sse_nudge_within_a_second(server: str) -> None:
    delay, first, nudged = _nudged_after_mutation(server, server)
    assert nudged > first
    assert delay < 1.0


def test_nudges_go_only_to_the_teams_concerned(gateway_url: str) -> None:
    agent, admin = sign_in(gateway_url), sign_in(gateway_url, "demo.admin")
    everything, _, _ = pull_all(gateway_url, admin)
    foreign = next(i for (e, i), d in everything.items() if e == "ticket" and d["team_id"] != "team-billing")
    own = next(i for (e, i), d in everything.items() if e == "ticket" and d["team_id"] == "team-billing")
    reader = SseReader(gateway_url, agent)
    try:
        reader.next("changes")
        push(gateway_url, admin, mutation("ticket.note", foreign, {"body": "other team"}))
        with pytest.raises(TimeoutError):
            reader.next("changes", timeout=1.0)
        [result] = push(gateway_url, admin, mutation("ticket.note", own, {"body": "our team"}))
        data, _ = reader.next("changes", timeout=2.0)
        assert data["version"] >= result["version"]
    finally:
        reader.close()


def test_presence_for_supervisors(gateway_url: str) -> None:
    lead = sign_in(gateway_url, "demo.lead")
    watcher = SseReader(gateway_url, lead)
    try:
        watcher.next("changes")
        agent = SseReader(gateway_url, sign_in(gateway_url))
        event, _ = watcher.next("presence")
        assert event == {"agent_id": "agent-demo-agent", "state": "online"}
        # Presence is written in batches: the listing follows the event within a moment.
        deadline = time.monotonic() + 5
        while True:
            listed = httpx.get(gateway_url + "/v1/supervisor/presence", headers=auth(lead)).json()["agents"]
            row = next(a for a in listed if a["agent_id"] == "agent-demo-agent")
            if row["state"] == "online" or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert {"agent_id": "agent-demo-agent", "state": "online"}.items() <= row.items()
        agent.close()
        event, _ = watcher.next("presence")
        assert event["state"] == "offline"
    finally:
        watcher.close()


def test_sse_needs_a_token(gateway_url: str) -> None:
    response = httpx.get(gateway_url + "/v1/events")
    assert response.status_code == 401


@pytest.mark.postgres
@pytest.mark.slow
def test_listen_notify_across_two_gateway_processes(pg_url: str, tmp_path) -> None:
    first = GatewayProcess(pg_url, seed_demo=True, log=tmp_path / "a.log").start()
    second = GatewayProcess(pg_url, seed_demo=False, log=tmp_path / "b.log").start()
    try:
        delay, first_version, nudged = _nudged_after_mutation(second.url, first.url)
        assert nudged > first_version
        assert delay < 1.0
    finally:
        first.stop()
        second.stop()
