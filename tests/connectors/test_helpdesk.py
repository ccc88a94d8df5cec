"""The django-helpdesk connector against a real django-helpdesk 2.6.1 started on loopback."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from agentdesk.domain.enums import MutationKind
from agentdesk.sync.gateway.connectors.base import PushItem, UpstreamRecord
from agentdesk.sync.gateway.connectors.errors import UpstreamAuthError
from agentdesk.sync.gateway.connectors.helpdesk import HelpdeskConnector, HelpdeskSettings, escape_comment
from agentdesk.timeutil import utcnow
from tests.peers.helpdesk_instance import HelpdeskInstance

pytestmark = pytest.mark.anyio

TRICKY = [
    "your total is {{ total }} and 100% {% done %}",
    "50% off {% oops",
    "{# x #}",
    "}} %} {%% and a lone { brace",
    '退款已处理 {{ "quoted" }} <b>&amp;</b>',
]


def make(hd: HelpdeskInstance, **overrides: Any) -> HelpdeskConnector:
    options: dict[str, Any] = {
        "token": hd.token,
        "queue_teams": {str(hd.queue_id): "team-support"},
        "agent_ids_by_user": {"1": "agent-hd-admin"},
        "page_size": 5,
        **overrides,
    }
    return HelpdeskConnector(HelpdeskSettings(base_url=hd.url, **options))


def new_ticket(hd: HelpdeskInstance, title: str, email: str = "cust@example.com", priority: int = 3) -> int:
    with hd.client() as client:
        answer = client.post(
            "/api/tickets/",
            json={
                "queue": hd.queue_id,
                "title": title,
                "description": f"{title} - details",
                "priority": priority,
                "submitter_email": email,
            },
        )
        answer.raise_for_status()
        return int(answer.json()["id"])


def upstream_ticket(hd: HelpdeskInstance, ticket_id: int) -> dict[str, Any]:
    with hd.client() as client:
        return client.get(f"/api/tickets/{ticket_id}/").json()


async def pull_all(conn: HelpdeskConnector, checkpoint: dict[str, Any] | None = None):  # type: ignore[no-untyped-def]
    records: list[UpstreamRecord] = []
    for _ in range(200):
        result = await conn.pull(checkpoint)
        records.extend(result.records)
        checkpoint = result.checkpoint
        if not result.more:
            return records, checkpoint
    raise AssertionError("the pull never finished")


def of(records: list[UpstreamRecord], entity: str) -> dict[str, UpstreamRecord]:
    return {r.external_id: r for r in records if r.entity == entity}


def test_escape_is_plain_text_for_plain_text() -> None:
    assert escape_comment("no braces, 100% plain") == "no braces, 100% plain"
    assert "{%" not in escape_comment("{% x %}") and "%}" not in escape_comment("{% x %}")


async def test_pull_mirrors_tickets_customers_and_followups_then_only_changes(
    helpdesk: HelpdeskInstance,
) -> None:
    first = new_ticket(helpdesk, "Washer will not drain", "li.na@example.com", priority=1)
    second = new_ticket(helpdesk, "Invoice copy", "bob@example.com", priority=4)
    conn = make(helpdesk)
    records, checkpoint = await pull_all(conn)
    tickets = of(records, "ticket")
    assert {str(first), str(second)} <= set(tickets)
    data = tickets[str(first)].data
    assert data is not None
    assert data["status"] == "Open" and data["status_group"] == "open" and data["priority"] == "P1"
    assert data["team_id"] == "team-support" and data["external_ref"] == {
        "system": "django-helpdesk",
        "id": str(first),
    }
    assert data["customer_id"] == "django-helpdesk:customer:li.na@example.com"
    assert "li.na@example.com" in of(records, "customer")
    opened = [
        m.data for m in of(records, "message").values() if m.data and m.data["body"].startswith("Washer")
    ]
    assert opened and opened[0]["ticket_id"] == f"django-helpdesk:ticket:{first}"

    with helpdesk.client() as client:
        client.post("/api/followups/", json={"ticket": second, "comment": "Any news?", "public": True})
        client.delete(f"/api/tickets/{first}/").raise_for_status()
    again, _ = await pull_all(conn, checkpoint)
    changed = of(again, "ticket")
    assert changed[str(first)].deleted
    assert str(second) not in changed or changed[str(second)].data is not None
    bodies = [m.data["body"] for m in of(again, "message").values() if m.data]
    assert bodies == ["Any news?"]
    await conn.aclose()


async def test_replies_arrive_exactly_as_typed_and_exactly_once(helpdesk: HelpdeskInstance) -> None:
    ticket = new_ticket(helpdesk, "Braces everywhere")
    conn = make(helpdesk)
    for i, text in enumerate(TRICKY):
        item = PushItem(
            push_id=f"r{i}", kind=MutationKind.TICKET_REPLY, external_id=str(ticket), payload={"body": text}
        )
        outcome = await conn.push(item)
        assert outcome.status == "done", outcome.detail
        # The gateway crashed after sending: the retry must find the reply rather than send it again.
        retry = await conn.push(
            PushItem(item.push_id, item.kind, item.external_id, item.payload, maybe_sent_at=utcnow())
        )
        assert retry.found_existing and retry.upstream_ref == outcome.upstream_ref
    followups = upstream_ticket(helpdesk, ticket)["followup_set"]
    comments = [f["comment"] for f in followups if f["public"] and f["comment"] in TRICKY]
    assert sorted(comments) == sorted(TRICKY)
    note = PushItem("n1", MutationKind.TICKET_NOTE, str(ticket), {"body": "internal: {{ secret }}"})
    assert (await conn.push(note)).status == "done"
    notes = [
        f
        for f in upstream_ticket(helpdesk, ticket)["followup_set"]
        if f["comment"] == "internal: {{ secret }}"
    ]
    assert len(notes) == 1 and notes[0]["public"] is False
    await conn.aclose()


async def test_status_changes_go_through_audited_followups_once(helpdesk: HelpdeskInstance) -> None:
    ticket = new_ticket(helpdesk, "Please close")
    conn = make(helpdesk)
    solve = PushItem("s1", MutationKind.TICKET_SET_STATUS, str(ticket), {"status": "solved"})
    assert (await conn.push(solve)).status == "done"
    again = await conn.push(solve)
    assert again.status == "done" and again.found_existing
    upstream = upstream_ticket(helpdesk, ticket)
    assert upstream["status"] == 3
    assert [f["new_status"] for f in upstream["followup_set"] if f["new_status"]] == [3]
    reopen = PushItem("s2", MutationKind.TICKET_SET_STATUS, str(ticket), {"status": "open"})
    assert (await conn.push(reopen)).status == "done"
    assert upstream_ticket(helpdesk, ticket)["status"] == 2  # "Reopened"
    hold = await conn.push(PushItem("s3", MutationKind.TICKET_SET_STATUS, str(ticket), {"status": "pending"}))
    assert hold.status == "failed" and "no status" in hold.detail
    await conn.aclose()


async def test_wrong_credentials_and_missing_tickets_are_clear(helpdesk: HelpdeskInstance) -> None:
    wrong = make(helpdesk, token="not-a-token")
    with pytest.raises(UpstreamAuthError):
        await wrong.pull(None)
    await wrong.aclose()
    conn = make(helpdesk)
    gone = await conn.push(PushItem("x", MutationKind.TICKET_REPLY, "999999", {"body": "hello"}))
    assert gone.status == "failed"
    await conn.aclose()
    with httpx.Client(base_url=helpdesk.url) as anonymous:
        assert anonymous.get("/api/tickets/").status_code in (401, 403)
