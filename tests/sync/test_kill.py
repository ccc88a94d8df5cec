"""SIGKILL of the client during an outbox flush and of the gateway mid-commit: none lost, none twice."""

from __future__ import annotations

import collections
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from agentdesk.store.models import OutboxMutation
from agentdesk.sync.client import Replicator
from agentdesk.sync.client.backoff import Backoff
from tests.sync.conftest import open_ticket_ids, start_gateway
from tests.sync.faultproxy import FaultProxy
from tests.sync.gatewayproc import GatewayProcess

pytestmark = pytest.mark.slow
CLIENT = (sys.executable, "-m", "tests.sync.client_proc")


def _with_token(token: str) -> dict[str, str]:
    return {**os.environ, "AGENTDESK_TOKEN": token}


def _enqueue_offline(store: Path, tickets: list[str], marker: str, count: int) -> None:
    rep = Replicator(store, "http://127.0.0.1:9", None, events=False)
    try:
        for n in range(count):
            rep.enqueue("ticket.note", tickets[n % len(tickets)], {"body": f"{marker} {n}"})
    finally:
        rep.stop()


def _bodies(gateway: GatewayProcess, token: str, marker: str) -> collections.Counter[str]:
    rows = gateway.all_changes(token)
    return collections.Counter(
        d["body"] for (e, _), d in rows.items() if e == "message" and marker in d["body"])


def _outbox_rows(store: Path) -> int:
    rep = Replicator(store, "http://127.0.0.1:9", None, events=False)
    try:
        with rep.store.connect() as conn:
            return len(conn.execute(OutboxMutation.__table__.select()).all())
    finally:
        rep.stop()


def test_client_killed_during_outbox_flush(tmp_path: Path, gateway: GatewayProcess, agent_token: str,
                                           open_tickets: list[str]) -> None:
    marker, count = uuid.uuid4().hex[:8], 120
    store = tmp_path / "agent.db"
    _enqueue_offline(store, open_tickets[:5], marker, count)
    rng = random.Random(5)
    # Every mutation answer is held back 0.4 s: the gateway has committed, the client has not heard.
    with FaultProxy(gateway.url, fault_rate=1.0, random_faults=("delay",),
                    random_paths=("/v1/mutations",), delay=0.4) as proxy:
        kills = 0
        for _ in range(4):
            posts_before = sum(1 for m, p, _ in proxy.log if m == "POST")
            child = subprocess.Popen([*CLIENT, str(store), proxy.url, "--batch", "10"],
                                     stdout=subprocess.DEVNULL, env=_with_token(agent_token))
            deadline = time.monotonic() + 20
            while sum(1 for m, p, _ in proxy.log if m == "POST") == posts_before:
                assert time.monotonic() < deadline and child.poll() is None, "the client never pushed"
                time.sleep(0.01)
            time.sleep(rng.uniform(0.05, 0.35))  # inside the held-back answer
            child.send_signal(signal.SIGKILL)
            child.wait(10)
            kills += 1
        proxy.fault_rate = 0.0
        done = subprocess.run([*CLIENT, str(store), proxy.url], capture_output=True, timeout=120,
                              env=_with_token(agent_token))
        assert done.returncode == 0, done.stdout + done.stderr
    assert kills == 4
    assert _bodies(gateway, agent_token, marker) == {f"{marker} {n}": 1 for n in range(count)}
    assert _outbox_rows(store) == 0


def test_gateway_killed_mid_commit(tmp_path: Path) -> None:
    gateway = start_gateway(tmp_path / "gw.db")
    marker, count = uuid.uuid4().hex[:8], 300
    rng = random.Random(9)
    try:
        token = gateway.sign_in("demo.agent")
        open_tickets = open_ticket_ids(gateway, token)
        rep = Replicator(tmp_path / "agent.db", gateway.url, token, batch_size=10, events=False,
                         backoff=lambda: Backoff(base=0.02, cap=0.3))
        with rep:
            for n in range(count):
                rep.enqueue("ticket.note", open_tickets[n % 5], {"body": f"{marker} {n}"})
            for _ in range(4):
                time.sleep(rng.uniform(0.05, 0.4))
                gateway.kill()
                time.sleep(0.2)
                gateway.start()
            assert rep.wait_synced(90), rep.status()
        assert _bodies(gateway, token, marker) == {f"{marker} {n}": 1 for n in range(count)}
    finally:
        gateway.stop()
