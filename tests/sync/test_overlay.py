"""Outbox + overlay on a real store file: local edits show at once and never flicker back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from agentdesk.errors import InputError
from agentdesk.store import Store
from agentdesk.store.models import Approval, Message, SyncShadow, Ticket
from agentdesk.sync.client import actions, outbox, state, storeio
from agentdesk.sync.client.changes import ChangesBuilder
from agentdesk.sync.client.planner import plan_page
from tests.sync.records import change, message, ticket


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = storeio.open_writer_store(tmp_path / "agent.db")
    yield s
    s.close()


def pull(store: Store, changes: list[dict[str, Any]], cursor: int) -> ChangesBuilder:
    built = ChangesBuilder()
    with store.connect() as conn:
        actions.apply_page(conn, plan_page(changes, cursor, outbox.overlay_keys(conn)), built)  # type: ignore[arg-type]
    return built


def enqueue(store: Store, kind: str, entity_id: str, payload: dict[str, Any]) -> str:
    with store.connect() as conn:
        return actions.enqueue(conn, kind, entity_id, payload, None, ChangesBuilder()).mutation_id


def answer(store: Store, results: list[dict[str, Any]]) -> dict[str, int]:
    with store.connect() as conn:
        sent = outbox.next_batch(conn, 100)
        return actions.record_results(conn, sent, results, ChangesBuilder())  # type: ignore[arg-type]


def row(store: Store, ticket_id: str = "1") -> Any:
    with store.connect() as conn:
        return conn.execute(select(Ticket.__table__).where(Ticket.__table__.c.id == ticket_id)).first()


def entries(store: Store) -> list[outbox.OutboxEntry]:
    with store.connect() as conn:
        return outbox.next_batch(conn, 100) + outbox.rejected(conn) + outbox.acked_through(conn, 10**9)


def test_edit_shows_at_once_and_survives_older_server_data(store: Store) -> None:
    pull(store, [change("ticket", "1", 5, ticket(1, status="open", tags=["a"]))], 5)
    mid = enqueue(store, "ticket.set_status", "1", {"status": "pending"})
    enqueue(store, "ticket.tag", "1", {"add": ["vip"], "remove": ["a"]})
    r = row(store)
    assert (r.status, r.status_group, r.tags, r.server_version) == ("pending", "pending", ["vip"], 5)
    with store.connect() as conn:
        assert [e.base_version for e in outbox.next_batch(conn, 10)] == [5, 5]
    # Another agent changed the priority meanwhile: the server's row arrives without our edits.
    pull(store, [change("ticket", "1", 6, ticket(1, status="open", tags=["a", "b"], priority="P1"))], 6)
    r = row(store)
    assert (r.status, r.tags, r.priority, r.server_version) == ("pending", ["b", "vip"], "P1", 6)
    # Acknowledged at version 9: the overlay stays until the pull reaches version 9.
    assert answer(store, [{"mutation_id": mid, "status": "applied", "version": 9}])["applied"] == 1
    pull(store, [change("ticket", "1", 7, ticket(1, status="open", tags=["a", "b"], priority="P1"))], 7)
    assert row(store).status == "pending"
    pull(store, [change("ticket", "1", 9, ticket(1, status="pending", tags=["a", "b"], priority="P1"))], 9)
    r = row(store)
    assert (r.status, r.tags) == ("pending", ["b", "vip"])  # the tag edit is still pending
    assert [e.kind for e in entries(store)] == ["ticket.tag"]


def test_caught_up_row_is_the_server_row_and_the_shadow_goes(store: Store) -> None:
    pull(store, [change("ticket", "1", 5, ticket(1))], 5)
    mid = enqueue(store, "ticket.set_priority", "1", {"priority": "P1"})
    answer(store, [{"mutation_id": mid, "status": "applied", "version": 8}])
    pull(store, [change("ticket", "1", 8, ticket(1, priority="P1", subject="renamed"))], 8)
    r = row(store)
    assert (r.priority, r.subject, r.server_version) == ("P1", "renamed", 8)
    assert entries(store) == []
    with store.connect() as conn:
        assert conn.execute(select(SyncShadow.__table__)).all() == []


def test_rejected_edit_reverts_and_never_blocks_the_ones_behind(store: Store) -> None:
    pull(store, [change("ticket", "1", 5, ticket(1, status="closed"))], 5)
    bad = enqueue(store, "ticket.set_status", "1", {"status": "open"})
    good = enqueue(store, "ticket.tag", "1", {"add": ["x"]})
    assert row(store).status == "open"
    counts = answer(store, [
        {"mutation_id": bad, "status": "rejected", "reason": "illegal_transition: closed is final",
         "version": None},
        {"mutation_id": good, "status": "applied", "version": 6},
    ])
    assert counts == {"applied": 1, "duplicate": 0, "rejected": 1}
    r = row(store)
    assert (r.status, r.tags) == ("closed", ["x"])
    with store.connect() as conn:
        rejected = outbox.rejected(conn)
        assert [(e.mutation_id, e.rejected_reason) for e in rejected] == [
            (bad, "illegal_transition: closed is final")]
        assert outbox.pending_count(conn) == 0


def test_retry_is_a_new_mutation_and_discard_drops_the_effect(store: Store) -> None:
    pull(store, [change("ticket", "1", 5, ticket(1))], 5)
    mid = enqueue(store, "ticket.assign", "1", {"agent_id": "a7"})
    answer(store, [{"mutation_id": mid, "status": "rejected", "reason": "forbidden: no", "version": None}])
    assert row(store).assignee_id is None
    with store.connect() as conn:
        new = actions.retry(conn, mid, ChangesBuilder())
    assert new.mutation_id != mid and new.state == "pending" and new.payload == {"agent_id": "a7"}
    assert row(store).assignee_id == "a7"
    answer(store, [{"mutation_id": new.mutation_id, "status": "rejected", "reason": "forbidden: no",
                    "version": None}])
    with store.connect() as conn:
        actions.discard(conn, new.mutation_id, ChangesBuilder())
        with pytest.raises(InputError):
            actions.discard(conn, new.mutation_id, ChangesBuilder())
    assert entries(store) == [] and row(store).assignee_id is None


def test_reply_placeholder_until_the_server_message_arrives(store: Store) -> None:
    pull(store, [change("ticket", "1", 5, ticket(1))], 5)
    with store.connect() as conn:
        state.put(conn, state.AGENT, {"id": "a1", "name": "Ann"})
    mid = enqueue(store, "ticket.reply", "1", {"body": "On its way"})
    table = Message.__table__
    with store.connect() as conn:
        local = conn.execute(select(table)).one()
    assert local.id == f"local:{mid}" and local.body == "On its way" and local.public
    assert local.author_id == "a1" and local.extra == {"pending": True, "mutation_id": mid}
    answer(store, [{"mutation_id": mid, "status": "applied", "version": 12}])
    built = pull(store, [change("message", "m77", 12, message("1", "On its way", mutation_id=mid))], 12)
    with store.connect() as conn:
        assert [r.id for r in conn.execute(select(table)).all()] == ["m77"]
    assert built.build().ids("message") == {"m77", f"local:{mid}"}
    assert entries(store) == []


def test_server_delete_wins_over_local_edits(store: Store) -> None:
    pull(store, [change("ticket", "1", 5, ticket(1))], 5)
    enqueue(store, "ticket.set_priority", "1", {"priority": "P1"})
    pull(store, [change("ticket", "1", 6, op="delete")], 6)
    assert row(store) is None
    with store.connect() as conn:
        assert conn.execute(select(SyncShadow.__table__)).all() == []
        assert outbox.pending_count(conn) == 1  # the server will reject it and say why


def test_malformed_mutations_are_refused_before_anything_is_written(store: Store) -> None:
    for kind, payload in [("ticket.explode", {}), ("ticket.set_status", {"status": "done"}),
                          ("ticket.reply", {"body": "  "}), ("ticket.tag", {"add": "x"}),
                          ("customer.update", {"fields": []})]:
        with pytest.raises(InputError):
            enqueue(store, kind, "1", payload)
    assert entries(store) == []


def test_a_row_the_store_refuses_is_skipped_and_the_pull_moves_on(store: Store) -> None:
    partial = {"number": 9, "subject": "no team, no customer, no dates"}  # a partial upstream record
    mid = enqueue(store, "ticket.set_priority", "2", {"priority": "P1"})
    assert mid
    with store.connect() as conn:
        refused = actions.apply_page(conn, plan_page(
            [change("ticket", "1", 5, ticket(1)), change("ticket", "9", 6, partial),
             change("ticket", "2", 7, {"number": 2}), change("ticket", "3", 8, ticket(3))],
            8, outbox.overlay_keys(conn)), ChangesBuilder())  # type: ignore[arg-type]
        assert sorted(refused) == [("ticket", "2"), ("ticket", "9")]
        assert state.cursor(conn) == 8
    assert row(store, "1") is not None and row(store, "3") is not None and row(store, "9") is None


def test_approval_request_shows_a_pending_approval_under_the_gateways_id(store: Store) -> None:
    pull(store, [change("ticket", "1", 5, ticket(1, team="team-billing"))], 5)
    payload = {"kind": "refund", "amount": "120.50", "reason": "parcel lost"}
    first = enqueue(store, "approval.request", "1", payload)
    second = enqueue(store, "approval.request", "1", {**payload, "amount": 99})
    with store.connect() as conn:
        sent = outbox.next_batch(conn, 10)
        approvals = {r.id: r for r in conn.execute(select(Approval.__table__)).all()}
    assert [(e.entity, e.entity_id) for e in sent] == [("ticket", "1"), ("ticket", "1")]
    assert set(approvals) == {f"apr-{first}", f"apr-{second}"}
    pending = approvals[f"apr-{first}"]
    assert (pending.team_id, pending.status, pending.server_version) == ("team-billing", "pending", 0)
    answer(store, [{"mutation_id": first, "status": "applied", "version": 9},
                   {"mutation_id": second, "status": "rejected", "reason": "over_limit: no",
                    "version": None}])
    with store.connect() as conn:
        assert [r.id for r in conn.execute(select(Approval.__table__)).all()] == [f"apr-{first}"]
    server = {**payload, "ticket_id": "1", "team_id": "team-billing", "status": "pending",
              "requested_by": "a1", "requested_at": "2026-11-23T08:00:00Z"}
    pull(store, [change("approval", f"apr-{first}", 9, server)], 9)
    with store.connect() as conn:
        (only,) = conn.execute(select(Approval.__table__)).all()
    assert only.server_version == 9 and only.requested_by == "a1"
    with pytest.raises(InputError):
        enqueue(store, "approval.request", "1", {**payload, "amount": "-3"})
