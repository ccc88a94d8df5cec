"""The replicator against a real gateway process over loopback HTTP, with and without injected faults."""

from __future__ import annotations

import collections
import json
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from agentdesk.errors import SignedOut
from agentdesk.store.models import Approval, Message, Ticket
from agentdesk.sync.client import Changes, Replicator
from agentdesk.sync.client.backoff import Backoff
from agentdesk.sync.client.bulk import upsert_records
from tests.support.cli import run_agentdesk
from tests.sync.faultproxy import FaultProxy
from tests.sync.gatewayproc import GatewayProcess
from tests.sync.records import ticket

FAST = {"backoff": lambda: Backoff(base=0.02, cap=0.3, max_retry_after=1.0)}


@pytest.fixture()
def proxy(gateway: GatewayProcess) -> Iterator[FaultProxy]:
    with FaultProxy(gateway.url, seed=11, delay=0.2) as p:
        yield p


def replicator(path: Path, url: str, token: str, **kwargs: Any) -> Replicator:
    return Replicator(path, url, token, **{**FAST, **kwargs})


def local_rows(rep: Replicator, model: Any) -> dict[str, Any]:
    table = model.__table__
    with rep.store.connect() as conn:
        return {r.id: r for r in conn.execute(select(table)).all()}


def server_messages(gateway: GatewayProcess, token: str) -> list[dict[str, Any]]:
    return [d for (e, _), d in gateway.all_changes(token).items() if e == "message"]


def bodies_count(gateway: GatewayProcess, token: str, marker: str) -> collections.Counter[str]:
    return collections.Counter(m["body"] for m in server_messages(gateway, token) if marker in m["body"])


def test_snapshot_then_a_change_by_agent_a_shows_in_b(tmp_path: Path, gateway: GatewayProcess,
                                                      agent_token: str, open_tickets: list[str]) -> None:
    truth = gateway.all_changes(agent_token)
    with replicator(tmp_path / "a.db", gateway.url, agent_token, page_size=50) as a, \
            replicator(tmp_path / "b.db", gateway.url, agent_token) as b:
        assert a.wait_synced(30) and b.wait_synced(30)
        tickets = local_rows(a, Ticket)
        assert set(tickets) == {i for (e, i) in truth if e == "ticket"}
        assert a.status().state == "online" and a.status().cursor > 0
        target = open_tickets[0]
        seen = threading.Event()
        b.subscribe(lambda c: seen.set() if target in c.ids("ticket") else None)
        new_priority = "P1" if tickets[target].priority != "P1" else "P3"
        a.enqueue("ticket.set_priority", target, {"priority": new_priority})
        assert local_rows(a, Ticket)[target].priority == new_priority  # at once, before any network
        assert seen.wait(10), "B never heard of A's change"
        assert b.wait_synced(10)
        assert local_rows(b, Ticket)[target].priority == new_priority


def test_offline_edits_reach_the_server_exactly_once_after_reconnect(
        tmp_path: Path, gateway: GatewayProcess, proxy: FaultProxy, agent_token: str,
        open_tickets: list[str]) -> None:
    marker = uuid.uuid4().hex[:8]
    with replicator(tmp_path / "a.db", proxy.url, agent_token) as rep:
        assert rep.wait_synced(30)
        proxy.set_offline(True)
        ids = [rep.enqueue("ticket.note", open_tickets[n % 3 + 1], {"body": f"{marker} note {n}"})
               for n in range(20)]
        assert not rep.wait_synced(1.0)
        status = rep.status()
        assert status.state == "offline" and status.pending == 20 and status.last_error
        placeholders = [m for m in local_rows(rep, Message).values() if m.id.startswith("local:")]
        assert len(placeholders) == 20 and all((m.extra or {}).get("pending") for m in placeholders)
        proxy.set_offline(False)
        assert rep.wait_synced(30)
        assert rep.status().pending == 0 and rep.status().state == "online"
        local = [m for m in local_rows(rep, Message).values() if marker in m.body]
        assert len(local) == 20 and not any(m.id.startswith("local:") for m in local)
    assert bodies_count(gateway, agent_token, marker) == {f"{marker} note {n}": 1 for n in range(20)}
    assert len(set(ids)) == 20


def test_every_kind_of_fault_and_still_exactly_once(
        tmp_path: Path, gateway: GatewayProcess, proxy: FaultProxy, agent_token: str,
        open_tickets: list[str]) -> None:
    marker = uuid.uuid4().hex[:8]
    proxy.retry_after = 0  # 429s and 503s still come, without slowing the test down
    proxy.script("drop_response", "truncate", "503", "drop_request", "429", "drop_response",
                 path_prefix="/v1/mutations")
    proxy.script("truncate", "503", "drop_response", path_prefix="/v1/changes")
    proxy.fault_rate = 0.3
    with replicator(tmp_path / "a.db", proxy.url, agent_token, batch_size=5, page_size=20) as rep:
        for n in range(40):
            rep.enqueue("ticket.note", open_tickets[n % 4], {"body": f"{marker} n{n}"})
        assert rep.wait_synced(60), rep.status()
    faults = {f for _, _, f in proxy.log}
    assert {"drop_response", "drop_request", "truncate", "503", "429"} <= faults
    assert bodies_count(gateway, agent_token, marker) == {f"{marker} n{n}": 1 for n in range(40)}


def test_a_rejected_edit_is_shown_with_the_reason_and_never_blocks(
        tmp_path: Path, gateway: GatewayProcess, proxy: FaultProxy, agent_token: str,
        open_tickets: list[str]) -> None:
    closed, other = open_tickets[-1], open_tickets[-2]
    marker = uuid.uuid4().hex[:8]
    changes: list[Changes] = []
    with replicator(tmp_path / "a.db", proxy.url, agent_token) as rep:
        rep.subscribe(changes.append)
        assert rep.wait_synced(30)
        rep.enqueue("ticket.set_status", closed, {"status": "closed"})
        assert rep.wait_synced(30)
        proxy.set_offline(True)
        bad = rep.enqueue("ticket.set_status", closed, {"status": "open"})  # closed is final
        rep.enqueue("ticket.note", other, {"body": f"{marker} behind the rejected one"})
        assert local_rows(rep, Ticket)[closed].status == "open"  # shown at once...
        proxy.set_offline(False)
        assert rep.wait_synced(30)
        status = rep.status()
        assert [r.mutation_id for r in status.rejected] == [bad]
        assert status.rejected[0].code == "illegal_transition" and status.pending == 0
        assert local_rows(rep, Ticket)[closed].status == "closed"  # ...and reverted when refused
        assert any(c.outbox for c in changes)
        rep.discard(bad)
        assert rep.status().rejected == ()
    assert bodies_count(gateway, agent_token, marker) == {f"{marker} behind the rejected one": 1}


def test_signed_out_keeps_the_outbox_until_a_new_sign_in(
        tmp_path: Path, gateway: GatewayProcess, agent_token: str, open_tickets: list[str]) -> None:
    marker = uuid.uuid4().hex[:8]
    with replicator(tmp_path / "a.db", gateway.url, "not-a-token") as rep:
        rep.enqueue("ticket.note", open_tickets[5], {"body": f"{marker} kept"})
        assert not rep.wait_synced(1)
        assert rep.status().state == "signed_out" and rep.status().pending == 1
        with pytest.raises(SignedOut):
            rep.sign_in("demo.agent", "wrong password")
        session = rep.sign_in("demo.agent", "demo")
        assert session["agent"]["login"] == "demo.agent"
        assert rep.wait_synced(30)
        delivered = [m for m in local_rows(rep, Message).values() if marker in m.body]
        assert [m.id.startswith("local:") for m in delivered] == [False]
    assert bodies_count(gateway, agent_token, marker) == {f"{marker} kept": 1}


def test_a_forgotten_cursor_takes_a_fresh_snapshot_and_keeps_the_outbox(
        tmp_path: Path, gateway: GatewayProcess, proxy: FaultProxy, agent_token: str,
        open_tickets: list[str]) -> None:
    marker = uuid.uuid4().hex[:8]
    with replicator(tmp_path / "a.db", proxy.url, agent_token, events=False, page_size=7) as rep:
        assert rep.wait_synced(30)
        with rep.store.connect() as conn:  # a row the agent may no longer see
            upsert_records(conn, "ticket", [("ghost", 1, ticket(999999))])
            conn.exec_driver_sql("UPDATE sync_state SET value = '3' WHERE key = 'cursor'")
        proxy.set_offline(True)
        rep.enqueue("ticket.note", open_tickets[6], {"body": f"{marker} survives"})
        proxy.script("ok", "410", path_prefix="/v1/changes")  # refused on the second page
        proxy.set_offline(False)
        assert rep.wait_synced(30)
        tickets = local_rows(rep, Ticket)
        assert "ghost" not in tickets and open_tickets[0] in tickets
    assert bodies_count(gateway, agent_token, marker) == {f"{marker} survives": 1}


def test_server_clock_offset_and_drift_warning(tmp_path: Path, proxy: FaultProxy, agent_token: str) -> None:
    proxy.date_shift = -600
    with replicator(tmp_path / "a.db", proxy.url, agent_token, events=False) as rep:
        assert rep.wait_synced(30)
        status = rep.status()
    assert status.clock_offset is not None and abs(status.clock_offset + 600) < 3
    assert status.clock_drift_warning


@pytest.mark.slow
def test_sync_once_command_prints_counts(tmp_path: Path, gateway: GatewayProcess, agent_token: str) -> None:
    command = ["sync", "--once", "--server", gateway.url, "--store", str(tmp_path / "cli.db"), "--json"]
    done = run_agentdesk(*command, env={**os.environ, "AGENTDESK_TOKEN": agent_token})
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    assert counts["pulled"] == len(gateway.all_changes(agent_token)) and counts["pending"] == 0
    again = run_agentdesk(*command, "--token", "wrong")
    assert again.returncode != 0 and "sign" in again.stderr.lower()
    # The active profile's store and the configured server, as the console would use them.
    env = {**os.environ, "AGENTDESK_HOME": str(tmp_path / "home"), "AGENTDESK_SERVER_URL": gateway.url,
           "AGENTDESK_TOKEN": agent_token}
    profile = run_agentdesk("--profile", "dana", "sync", "--once", env=env)
    assert profile.returncode == 0, profile.stderr
    assert "pulled" in profile.stdout
    assert (tmp_path / "home" / "data" / "profiles" / "dana" / "store.sqlite3").is_file()


def test_an_approval_request_shows_pending_then_becomes_the_servers(
        tmp_path: Path, gateway: GatewayProcess, agent_token: str, open_tickets: list[str]) -> None:
    with replicator(tmp_path / "a.db", gateway.url, agent_token) as rep:
        assert rep.wait_synced(30)
        mid = rep.enqueue("approval.request", open_tickets[7],
                          {"kind": "refund", "amount": "80.00", "reason": "parcel lost"})
        assert rep.wait_synced(30) and rep.status().rejected == ()
        approval = local_rows(rep, Approval)[f"apr-{mid}"]
    assert approval.server_version > 0 and approval.status == "pending"
    assert approval.ticket_id == open_tickets[7]
    assert gateway.all_changes(agent_token)[("approval", f"apr-{mid}")]["reason"] == "parcel lost"


def test_enqueue_from_many_threads_while_syncing(tmp_path: Path, gateway: GatewayProcess, agent_token: str,
                                                 open_tickets: list[str]) -> None:
    marker = uuid.uuid4().hex[:8]
    errors: list[BaseException] = []
    with replicator(tmp_path / "a.db", gateway.url, agent_token, batch_size=7) as rep:

        def worker(w: int) -> None:
            try:
                for n in range(25):
                    rep.enqueue("ticket.note", open_tickets[(w + n) % 6], {"body": f"{marker} {w}-{n}"})
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=(w,)) for w in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert rep.wait_synced(60)
    expected = {f"{marker} {w}-{n}": 1 for w in range(4) for n in range(25)}
    assert bodies_count(gateway, agent_token, marker) == expected
