"""Pushing the outbox in batches: requests stay under the gateway's body limit, and a gateway
SIGKILLed in the middle of a batch has applied all of it or none of it, each mutation once."""

from __future__ import annotations

import random
import time
import uuid
from pathlib import Path

import httpx
import pytest

from agentdesk.sync.client import Replicator
from agentdesk.sync.client.backoff import Backoff
from tests.sync.conftest import open_ticket_ids, start_gateway
from tests.sync.faultproxy import FaultProxy
from tests.sync.gatewayproc import GatewayProcess
from tests.sync.test_kill import _bodies

FAST = {"backoff": lambda: Backoff(base=0.02, cap=0.3, max_retry_after=1.0), "events": False}


def _posts(proxy: FaultProxy) -> int:
    return sum(1 for method, path, _ in proxy.log if method == "POST" and path.startswith("/v1/mutations"))


def _too_large(gateway: GatewayProcess) -> int:
    """413 answers the gateway has given to /v1/mutations (from its Prometheus counters)."""
    text = httpx.get(gateway.url + "/metrics", timeout=10).text
    return sum(
        int(float(line.rsplit(" ", 1)[1]))
        for line in text.splitlines()
        if line.startswith("agentdesk_http_requests_total") and "mutations" in line and 'status="413"' in line
    )


def test_large_mutations_are_sent_in_requests_under_the_body_limit(
    tmp_path: Path, gateway: GatewayProcess, agent_token: str, open_tickets: list[str]
) -> None:
    marker, count = uuid.uuid4().hex[:8], 24
    body = "退款处理中" * 12_000  # 60,000 characters, 180 KB of UTF-8: five fit in one request
    refused_before = _too_large(gateway)
    with FaultProxy(gateway.url) as proxy:
        proxy.set_offline(True)
        with Replicator(tmp_path / "a.db", proxy.url, agent_token, batch_size=200, **FAST) as rep:
            for n in range(count):
                rep.enqueue("ticket.note", open_tickets[n % 5], {"body": f"{marker} {n} {body}"})
            proxy.set_offline(False)
            rep.sync_now()
            assert rep.wait_synced(120), rep.status()
            assert rep.status().rejected == ()
        assert _posts(proxy) >= count // 5
    assert _too_large(gateway) == refused_before, "a push went over the gateway's body limit"
    seen = _bodies(gateway, agent_token, marker)
    assert sorted(seen.values()) == [1] * count
    assert {b.split(" ", 2)[1] for b in seen} == {str(n) for n in range(count)}


def test_a_mutation_over_the_body_limit_is_rejected_and_blocks_nothing(
    tmp_path: Path, gateway: GatewayProcess, agent_token: str, open_tickets: list[str]
) -> None:
    marker = uuid.uuid4().hex[:8]
    huge = [f"{marker}-{n:05d}-" + "x" * 70 for n in range(15_000)]  # 1.2 MB of tags in one mutation
    with Replicator(tmp_path / "a.db", gateway.url, agent_token, batch_size=200, **FAST) as rep:
        assert rep.wait_synced(60)
        rep.enqueue("ticket.note", open_tickets[0], {"body": f"{marker} before"})
        big = rep.enqueue("ticket.tag", open_tickets[1], {"add": huge})
        rep.enqueue("ticket.note", open_tickets[2], {"body": f"{marker} after"})
        rep.sync_now()
        assert rep.wait_synced(60), rep.status()
        (rejected,) = rep.status().rejected
    assert rejected.mutation_id == big and rejected.reason.startswith("invalid")
    assert "413" in rejected.reason
    assert _bodies(gateway, agent_token, marker) == {f"{marker} before": 1, f"{marker} after": 1}


@pytest.mark.slow
def test_gateway_killed_in_the_middle_of_a_batch_applies_all_of_it_or_none(tmp_path: Path) -> None:
    gateway = start_gateway(tmp_path / "gw.db")
    marker, batch, count = uuid.uuid4().hex[:8], 200, 800
    rng = random.Random(17)
    try:
        token = gateway.sign_in("demo.agent")
        tickets = open_ticket_ids(gateway, token)[:5]
        with FaultProxy(gateway.url) as proxy:
            proxy.set_offline(True)
            with Replicator(tmp_path / "agent.db", proxy.url, token, batch_size=batch, **FAST) as rep:
                for n in range(count):
                    rep.enqueue("ticket.note", tickets[n % 5], {"body": f"{marker} {n}"})
                proxy.set_offline(False)
                rep.sync_now()
                kills = 0
                for _ in range(3):
                    posts = _posts(proxy)
                    deadline = time.monotonic() + 30
                    while _posts(proxy) == posts and rep.status().pending:
                        assert time.monotonic() < deadline, "the client never pushed"
                        time.sleep(0.005)
                    if not rep.status().pending:
                        break
                    time.sleep(rng.uniform(0.01, 0.2))  # the gateway is applying the batch
                    gateway.kill()
                    kills += 1
                    proxy.set_offline(True)  # hold the client back while the server's state is read
                    gateway.start()
                    held = sum(_bodies(gateway, token, marker).values())
                    assert held % batch == 0, f"{held} of {count} applied: a batch was half-applied"
                    proxy.set_offline(False)
                    rep.sync_now()
                assert rep.wait_synced(120), rep.status()
        assert kills >= 1
        assert _bodies(gateway, token, marker) == {f"{marker} {n}": 1 for n in range(count)}
    finally:
        gateway.stop()
