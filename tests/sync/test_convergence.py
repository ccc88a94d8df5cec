"""Hypothesis state machine: three clients edit offline and reconnect in random orders.

Each step either queues an edit on one client (offline: nothing is sent) or lets one client
reconnect (one push + pull round). At the end every client syncs until quiet, and then every
client's rows for the tickets and the customer in play equal the server's (per-field merge for the
customer), no placeholder or pending entry is
left, and every note that was not rejected exists on the server exactly once.
"""

from __future__ import annotations

import collections
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from sqlalchemy import select

from agentdesk.store.models import Customer, Message, Ticket
from agentdesk.sync.client import Replicator, outbox, state, storeio
from tests.sync.conftest import open_ticket_ids, start_gateway
from tests.sync.gatewayproc import GatewayProcess

pytestmark = pytest.mark.slow
CLIENTS = 3
STATUSES = ("open", "pending", "on_hold", "solved")  # "closed" is final: it would freeze a ticket for good
TAGS = ("billing", "vip", "callback")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    base = tmp_path_factory.mktemp("convergence")
    gateway = start_gateway(base / "gateway.db")
    token = gateway.sign_in("demo.agent")
    template = base / "template.db"
    rep = Replicator(template, gateway.url, token, events=False)
    rep.sync_once()
    rep.stop()
    tickets = open_ticket_ids(gateway, token)[:4]
    customer = gateway.all_changes(token)[("ticket", tickets[0])]["customer_id"]
    yield {"gateway": gateway, "token": token, "template": template, "tickets": tickets, "customer": customer}
    gateway.stop()


class Clients(RuleBasedStateMachine):
    world: ClassVar[dict[str, Any]] = {}

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="clients-"))
        self.gateway: GatewayProcess = self.world["gateway"]
        self.token: str = self.world["token"]
        self.clients = [self._client(n) for n in range(CLIENTS)]
        self.notes: dict[str, str] = {}  # mutation id -> body

    def _client(self, n: int) -> Replicator:
        path = self.dir / f"client{n}.db"
        shutil.copy(self.world["template"], path)  # the snapshot is already there: start from it
        store = storeio.open_writer_store(path)
        with store.connect() as conn:
            state.delete(conn, state.CLIENT_ID)  # each copy is its own client
        store.close()
        return Replicator(path, self.gateway.url, self.token, events=False)

    tickets = st.sampled_from(range(4))
    clients = st.integers(0, CLIENTS - 1)

    def _ticket(self, index: int) -> str:
        return str(self.world["tickets"][index])

    @rule(c=clients, t=tickets, status=st.sampled_from(STATUSES))
    def set_status(self, c: int, t: int, status: str) -> None:
        self.clients[c].enqueue("ticket.set_status", self._ticket(t), {"status": status})

    @rule(c=clients, t=tickets, priority=st.sampled_from(("P1", "P2", "P3")))
    def set_priority(self, c: int, t: int, priority: str) -> None:
        self.clients[c].enqueue("ticket.set_priority", self._ticket(t), {"priority": priority})

    @rule(c=clients, t=tickets, tag=st.sampled_from(TAGS), add=st.booleans())
    def tag(self, c: int, t: int, tag: str, add: bool) -> None:
        payload = {"add": [tag], "remove": []} if add else {"add": [], "remove": [tag]}
        self.clients[c].enqueue("ticket.tag", self._ticket(t), payload)

    @rule(c=clients, t=tickets, agent=st.sampled_from((None, "agent-demo-agent", "agent-demo-lead")))
    def assign(self, c: int, t: int, agent: str | None) -> None:
        self.clients[c].enqueue("ticket.assign", self._ticket(t), {"agent_id": agent})

    @rule(c=clients, field=st.sampled_from(("tier", "language")), value=st.integers(0, 1))
    def edit_customer(self, c: int, field: str, value: int) -> None:
        choice = {"tier": ("VIP", "standard"), "language": ("en", "zh")}[field][value]
        self.clients[c].enqueue("customer.update", self.world["customer"], {"fields": {field: choice}})

    @rule(c=clients, t=tickets)
    def note(self, c: int, t: int) -> None:
        body = f"note {uuid.uuid4().hex}"
        self.notes[self.clients[c].enqueue("ticket.note", self._ticket(t), {"body": body})] = body

    @rule(c=clients)
    def reconnect(self, c: int) -> None:
        self.clients[c].sync_once()

    def teardown(self) -> None:
        try:
            for _ in range(2):
                for client in self.clients:
                    client.sync_once()
            self._check()
        finally:
            for client in self.clients:
                client.stop()
            shutil.rmtree(self.dir, ignore_errors=True)

    def _check(self) -> None:
        truth = self.gateway.all_changes(self.token)
        ids = {self._ticket(i) for i in range(4)}
        server_tickets = {i: truth[("ticket", i)] for i in ids}
        server_messages = {k[1] for k, d in truth.items() if k[0] == "message" and d.get("ticket_id") in ids}
        rejected: set[str] = set()
        for client in self.clients:
            status = client.status()
            assert status.pending == 0
            rejected |= {r.mutation_id for r in status.rejected}
            with client.store.connect() as conn:
                left = outbox.next_batch(conn, 10**6) + outbox.acked_through(conn, 10**12)
                assert left == [], "entries other than rejected ones are left in the outbox"
                tickets = {r.id: r for r in conn.execute(select(Ticket.__table__).where(
                    Ticket.__table__.c.id.in_(ids))).all()}
                messages = {r.id for r in conn.execute(select(Message.__table__.c.id).where(
                    Message.__table__.c.ticket_id.in_(ids))).all()}
            for ticket_id, server in server_tickets.items():
                local = tickets[ticket_id]
                mine = (local.status, local.priority, sorted(local.tags), local.assignee_id,
                        local.server_version)
                theirs = (server["status"], server["priority"], sorted(server.get("tags") or []),
                          server.get("assignee_id"), server["version"])
                assert mine == theirs, f"client {client.client_id} differs on ticket {ticket_id}"
            assert messages == server_messages
            with client.store.connect() as conn:
                customer = conn.execute(select(Customer.__table__).where(
                    Customer.__table__.c.id == self.world["customer"])).one()
            server_customer = truth[("customer", self.world["customer"])]
            assert (customer.tier, customer.language, customer.server_version) == (
                server_customer.get("tier"), server_customer.get("language"), server_customer["version"])
        bodies = collections.Counter(d["body"] for k, d in truth.items() if k[0] == "message")
        for mutation_id, body in self.notes.items():
            assert bodies[body] == (0 if mutation_id in rejected else 1), body


def test_clients_editing_offline_converge(world: dict[str, Any]) -> None:
    Clients.world = world
    run_state_machine_as_test(
        Clients,
        settings=settings(max_examples=12, stateful_step_count=15, deadline=None,
                          suppress_health_check=list(HealthCheck)),
    )
