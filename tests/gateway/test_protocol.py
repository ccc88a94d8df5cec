"""The /v1 protocol on SQLite and PostgreSQL: sessions, changes paging, mutations, duplicates."""

from __future__ import annotations

import uuid

import httpx
import pytest

from agentdesk.sync.protocol import Problems
from tests.gateway.harness import auth, pull_all, sign_in


def mutation(
    kind: str, entity_id: str, payload: dict, entity: str | None = None, mid: str | None = None
) -> dict:
    return {
        "mutation_id": mid or str(uuid.uuid4()),
        "kind": kind,
        "entity": entity or kind.split(".")[0],
        "entity_id": entity_id,
        "base_version": None,
        "payload": payload,
    }


def push(url: str, token: str, *mutations: dict) -> list[dict]:
    response = httpx.post(
        url + "/v1/mutations",
        json={"client_id": "test", "mutations": list(mutations)},
        headers=auth(token),
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()["results"]


def test_session_shape_and_wrong_password(server: str) -> None:
    response = httpx.post(server + "/v1/session", json={"login": "demo.lead", "password": "demo"})
    assert response.status_code == 200
    body = response.json()
    assert body["agent"]["role"] == "team_lead" and body["agent"]["team_ids"] == ["team-billing"]
    assert body["expires_at"].endswith("Z") and len(body["token"]) >= 40
    wrong = httpx.post(server + "/v1/session", json={"login": "demo.lead", "password": "nope"})
    unknown = httpx.post(server + "/v1/session", json={"login": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]  # no account enumeration
    assert wrong.headers["content-type"] == "application/problem+json"
    assert wrong.json()["type"] == Problems.UNAUTHENTICATED


def test_snapshot_pages_are_ascending_and_complete(server: str) -> None:
    token = sign_in(server, "demo.admin")
    whole, head, _ = pull_all(server, token)
    cursor, versions, rows = 0, [], {}
    client = httpx.Client(base_url=server, headers=auth(token))  # one client: no TLS setup per request
    while True:
        page = client.get("/v1/changes", params={"cursor": cursor, "limit": 7}).json()
        versions += [c["version"] for c in page["changes"]]
        rows.update({(c["entity"], c["id"]): c["data"] for c in page["changes"]})
        assert page["cursor"] >= cursor
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert versions == sorted(versions) and len(versions) == len(set(versions))
    assert rows == whole and cursor == head
    assert {"ticket", "customer", "message", "agent", "team"} <= {e for e, _ in rows}
    # Nothing new: an empty page at the same cursor.
    again = client.get("/v1/changes", params={"cursor": cursor}).json()
    client.close()
    assert again == {"changes": [], "cursor": cursor, "has_more": False}


def test_mutations_apply_once_and_reject_without_blocking(server: str) -> None:
    token = sign_in(server, "demo.agent")
    rows, cursor, _ = pull_all(server, token)
    open_tickets = sorted(
        (not d.get("first_response_at"), i)
        for (e, i), d in rows.items()
        if e == "ticket" and d["status"] == "open"
    )
    ticket_id = open_tickets[-1][1]  # one without a first response when the data has one
    original = rows[("ticket", ticket_id)]
    reply = mutation("ticket.reply", ticket_id, {"body": "We are on it."})
    illegal = mutation("ticket.set_status", ticket_id, {"status": "new"})
    tag = mutation("ticket.tag", ticket_id, {"add": ["vip", "urgent"], "remove": []})
    results = push(server, token, reply, illegal, tag, reply)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied", "duplicate"]
    assert results[3]["version"] == results[0]["version"]
    assert results[1]["reason"].startswith("illegal_transition") and results[1]["current"]["status"] == "open"
    # A retry of the whole request changes nothing.
    retry = push(server, token, reply, illegal, tag)
    assert [r["status"] for r in retry] == ["duplicate", "rejected", "duplicate"]
    after, _, changes = pull_all(server, token, cursor)
    messages = [c for c in changes if c["entity"] == "message"]
    assert len(messages) == 1
    message = messages[0]["data"]
    assert (
        message["ticket_id"] == ticket_id and message["public"] is True and message["body"] == "We are on it."
    )
    assert message["author_id"] == "agent-demo-agent" and message["author_kind"] == "agent"
    assert message["mutation_id"] == reply["mutation_id"]
    ticket = after[("ticket", ticket_id)]
    assert ticket["first_response_at"]
    if not original.get("first_response_at"):
        assert ticket["first_response_at"] == message["created_at"]
    assert ticket["tags"] == [t for t in original["tags"] if t not in ("vip", "urgent")] + ["vip", "urgent"]


def test_conflict_rules(server: str) -> None:
    token = sign_in(server, "demo.agent")
    rows, cursor, _ = pull_all(server, token)
    ticket_id = next(i for (e, i), d in rows.items() if e == "ticket" and d["status"] == "open")
    customer_id = rows[("ticket", ticket_id)]["customer_id"]
    results = push(
        server,
        token,
        mutation("ticket.assign", ticket_id, {"agent_id": "agent-demo-lead"}),
        mutation("ticket.assign", ticket_id, {"agent_id": "agent-demo-agent"}),  # last writer wins
        mutation("ticket.tag", ticket_id, {"add": ["a", "b"]}),
        mutation("ticket.tag", ticket_id, {"add": ["c"], "remove": ["a"]}),
        mutation("customer.update", customer_id, {"fields": {"language": "zh"}}),
        mutation("customer.update", customer_id, {"fields": {"name": "Renamed"}}),  # per-field merge
        mutation("ticket.set_status", ticket_id, {"status": "closed"}),
        mutation("ticket.reply", ticket_id, {"body": "too late"}),  # closed: no more replies
        mutation("ticket.note", ticket_id, {"body": "internal"}),
        mutation("ticket.set_status", ticket_id, {"status": "open"}),  # closed is final
    )
    statuses = [r["status"] for r in results]
    assert statuses == ["applied"] * 7 + ["rejected", "applied", "rejected"]
    assert results[7]["reason"].startswith("ticket_closed")
    after, _, changes = pull_all(server, token, cursor)
    ticket = after[("ticket", ticket_id)]
    before = [t for t in rows[("ticket", ticket_id)]["tags"] if t not in ("a", "b", "c")]
    assert ticket["assignee_id"] == "agent-demo-agent" and ticket["tags"] == [*before, "b", "c"]
    assert ticket["status"] == "closed"
    customer = after[("customer", customer_id)]
    assert customer["language"] == "zh" and customer["name"] == "Renamed"
    notes = [c["data"] for c in changes if c["entity"] == "message"]
    assert [n["public"] for n in notes] == [False]


@pytest.mark.parametrize(
    "body, path",
    [
        ({"mutations": []}, "client_id"),
        ({"client_id": "x", "mutations": [{"kind": "ticket.reply"}]}, "mutations[1].mutation_id"),
        (
            {
                "client_id": "x",
                "mutations": [
                    {
                        "mutation_id": "not-a-uuid",
                        "kind": "ticket.reply",
                        "entity": "ticket",
                        "entity_id": "t",
                        "payload": {"body": "x"},
                    }
                ],
            },
            "mutations[1].mutation_id",
        ),
        (
            {
                "client_id": "x",
                "mutations": [
                    {
                        "mutation_id": str(uuid.uuid4()),
                        "kind": "ticket.explode",
                        "entity": "ticket",
                        "entity_id": "t",
                        "payload": {},
                    }
                ],
            },
            "mutations[1].kind",
        ),
        ({"client_id": 5, "mutations": []}, "client_id"),
        (
            {
                "client_id": "x",
                "mutations": [
                    {
                        "mutation_id": str(uuid.uuid4()),
                        "kind": "ticket.reply",
                        "entity": "ticket",
                        "entity_id": "t",
                        "payload": "hi",
                    }
                ],
            },
            "mutations[1].payload",
        ),
        ({"client_id": "x", "mutations": "all"}, "mutations"),
    ],
)
def test_bad_batches_are_422_and_apply_nothing(server: str, body: dict, path: str) -> None:
    token = sign_in(server, "demo.agent")
    rows, cursor, _ = pull_all(server, token)
    ticket_id = next(i for (e, i), d in rows.items() if e == "ticket" and d["status"] == "open")
    good = mutation("ticket.note", ticket_id, {"body": "should not land"})
    if isinstance(body.get("mutations"), list):
        body = {**body, "mutations": [good, *body["mutations"]]}
    response = httpx.post(server + "/v1/mutations", json=body, headers=auth(token))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["type"] == Problems.VALIDATION
    assert path in [e["path"] for e in problem["errors"]]
    _, _, changes = pull_all(server, token, cursor)
    assert changes == []
