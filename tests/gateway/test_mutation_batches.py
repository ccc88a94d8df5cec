"""A batch of mutations is one transaction with a savepoint per mutation (SQLite and PostgreSQL):
a rejection or an unexpected failure in the middle undoes only that mutation, the rest apply in
order at consecutive versions, and the failed one is left unrecorded for the client to send again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from agentdesk.sync.gateway.mutations.kinds import HANDLERS, Context
from tests.gateway.harness import auth, pull_all, sign_in
from tests.gateway.test_protocol import mutation, push

BOOM = "boom: fail after writing"


def _open_tickets(server: str, token: str) -> tuple[list[str], int]:
    rows, cursor, _ = pull_all(server, token)
    tickets = sorted(i for (e, i), d in rows.items() if e == "ticket" and d["status"] == "open")
    assert len(tickets) >= 3
    return tickets, cursor


def _head(server: str, token: str, cursor: int) -> int:
    return pull_all(server, token, cursor)[1]


def _bodies(changes: list[dict[str, Any]]) -> list[str]:
    return [c["data"]["body"] for c in changes if c["entity"] == "message"]


@pytest.fixture
def failing_note(monkeypatch: pytest.MonkeyPatch) -> None:
    """``ticket.note`` with the body BOOM writes its message and ticket, then fails unexpectedly
    (the gateway runs in this process, so the handler table can be patched)."""
    original: Callable[[Context], int] = HANDLERS["ticket.note"]

    def note(ctx: Context) -> int:
        version = original(ctx)
        if ctx.payload["body"] == BOOM:
            raise RuntimeError("a bug after the writes")
        return version

    monkeypatch.setitem(HANDLERS, "ticket.note", note)


def test_a_rejection_in_the_middle_keeps_order_and_applies_the_rest(server: str) -> None:
    token = sign_in(server, "demo.agent")
    (first, second, *_), cursor = _open_tickets(server, token)
    batch = [
        mutation("ticket.note", first, {"body": "before the rejection"}),
        mutation("ticket.tag", first, {"add": ["batch-a"]}),
        mutation("ticket.set_status", first, {"status": "new"}),  # open -> new: illegal
        mutation("ticket.reply", "no-such-ticket", {"body": "nobody reads this"}),  # not found
        mutation("ticket.set_priority", second, {"priority": "P1"}),
        mutation("ticket.note", second, {"body": "after the rejection"}),
    ]
    results = push(server, token, *batch)
    assert [r["mutation_id"] for r in results] == [m["mutation_id"] for m in batch]
    assert [r["status"] for r in results] == [
        "applied",
        "applied",
        "rejected",
        "rejected",
        "applied",
        "applied",
    ]
    assert results[2]["reason"].startswith("illegal_transition") and results[2]["current"]["status"] == "open"
    assert results[3]["reason"].startswith("not_found")
    applied = [r["version"] for r in results if r["status"] == "applied"]
    assert applied == sorted(applied) and len(set(applied)) == len(applied)
    rows, head, changes = pull_all(server, token, cursor)
    assert head == applied[-1] + 1  # the last note's message, then its ticket: nothing in between
    assert rows[("ticket", first)]["status"] == "open" and "batch-a" in rows[("ticket", first)]["tags"]
    assert rows[("ticket", second)]["priority"] == "P1"
    assert _bodies(changes) == ["before the rejection", "after the rejection"]
    # The same request again: answered from what was recorded, nothing applied twice.
    again = push(server, token, *batch)
    assert [r["status"] for r in again] == ["duplicate", "duplicate", "rejected", "rejected"] + [
        "duplicate"
    ] * 2
    assert [r["version"] for r in again if r["status"] == "duplicate"] == applied
    assert again[2]["reason"] == results[2]["reason"]
    assert _head(server, token, head) == head


def test_an_unexpected_failure_undoes_only_that_mutation(server: str, failing_note: None) -> None:
    token = sign_in(server, "demo.agent")
    (first, second, *_), cursor = _open_tickets(server, token)
    before = mutation("ticket.tag", first, {"add": ["before-boom"]})
    boom = mutation("ticket.note", first, {"body": BOOM})
    after = mutation("ticket.note", second, {"body": "after the failure"})
    results = push(server, token, before, boom, after)
    # The failed mutation is left out (not recorded): the others are answered, in order.
    assert [(r["mutation_id"], r["status"]) for r in results] == [
        (before["mutation_id"], "applied"),
        (after["mutation_id"], "applied"),
    ]
    # Its writes were rolled back to its savepoint, and so were the versions it had taken.
    assert results[1]["version"] == results[0]["version"] + 1
    rows, head, changes = pull_all(server, token, cursor)
    assert head == results[1]["version"] + 1
    assert _bodies(changes) == ["after the failure"]
    assert "before-boom" in rows[("ticket", first)]["tags"]
    # Sent again once the fault is gone, it applies (it was never recorded), exactly once.
    retried = {**boom, "payload": {"body": "boom: fixed"}}
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(HANDLERS, "ticket.note", _unpatched_note())
        again = push(server, token, before, retried, after)
    assert [r["status"] for r in again] == ["duplicate", "applied", "duplicate"]
    _, _, changes = pull_all(server, token, head)
    assert _bodies(changes) == ["boom: fixed"]


def test_a_batch_that_only_fails_is_a_server_error_and_applies_nothing(
    server: str, failing_note: None
) -> None:
    token = sign_in(server, "demo.agent")
    (first, *_), cursor = _open_tickets(server, token)
    body = {"client_id": "test", "mutations": [mutation("ticket.note", first, {"body": BOOM})]}
    response = httpx.post(server + "/v1/mutations", json=body, headers=auth(token), timeout=30)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert pull_all(server, token, cursor)[2] == []


def _unpatched_note() -> Callable[[Context], int]:
    from agentdesk.sync.gateway.mutations import kinds

    return kinds.reply_or_note
