"""The Zendesk connector against a fake Zendesk on loopback (documented API shapes)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from agentdesk.domain.enums import MutationKind
from agentdesk.sync.gateway.connectors.base import PushItem, UpstreamRecord
from agentdesk.sync.gateway.connectors.errors import UpstreamAuthError, UpstreamMalformed
from agentdesk.sync.gateway.connectors.zendesk import ZendeskConnector, ZendeskSettings
from agentdesk.timeutil import utcnow
from tests.connectors.fake_zendesk import FakeZendesk, Fault
from tests.support.asgi_server import serve_in_thread

pytestmark = pytest.mark.anyio


@pytest.fixture()
def fake() -> FakeZendesk:
    zd = FakeZendesk(window_seconds=1.0, export_per_window=1000)
    org = zd.add_organization("Acme Hotels", tags=["vip"], organization_fields={"industry": "hospitality"})
    zd.staff = zd.add_user("Ava Agent", "ava@northwind.example", role="agent")  # type: ignore[attr-defined]
    zd.alice = zd.add_user(  # type: ignore[attr-defined]
        "Alice Chen", "alice@example.com", organization_id=org["id"], tags=["vip"], phone="+1 555 0100"
    )
    zd.wang = zd.add_user("王芳", "wang@example.cn", locale="zh-CN")  # type: ignore[attr-defined]
    zd.t1 = zd.add_ticket(
        zd.alice["id"],
        "Fridge is leaking",
        "Water all over the floor",
        priority="urgent",  # type: ignore[attr-defined]
        group_id=77,
        custom_fields=[{"id": 555, "value": "technical"}],
    )
    zd.t2 = zd.add_ticket(zd.wang["id"], "退款进度", "退款什么时候到账？", priority="low")  # type: ignore[attr-defined]
    zd.add_comment(zd.t1["id"], zd.staff["id"], "Please switch off the water supply.", public=True)  # type: ignore[attr-defined]
    return zd


@pytest.fixture()
def server(fake: FakeZendesk) -> Iterator[str]:
    with serve_in_thread(fake.app()) as url:
        yield url


def make(url: str, fake: FakeZendesk, **overrides: Any) -> ZendeskConnector:
    settings = ZendeskSettings(
        base_url=url,
        email=fake.email,
        token=fake.token,
        default_team_id="team-general",
        group_teams={"77": "team-tech"},
        custom_fields={"555": "category"},
        agent_ids_by_email={"ava@northwind.example": "agent-ava"},
        exports_per_minute=6000,
        **overrides,
    )
    return ZendeskConnector(settings)


async def pull_all(conn: ZendeskConnector, checkpoint: dict[str, Any] | None = None):  # type: ignore[no-untyped-def]
    records: list[UpstreamRecord] = []
    skipped = []
    for _ in range(50):
        result = await conn.pull(checkpoint)
        records.extend(result.records)
        skipped.extend(result.skipped)
        checkpoint = result.checkpoint
        if not result.more:
            return records, skipped, checkpoint
    raise AssertionError("the pull never finished")


def by(records: list[UpstreamRecord], entity: str) -> dict[str, UpstreamRecord]:
    return {r.external_id: r for r in records if r.entity == entity}


async def test_full_pull_maps_every_entity_with_external_refs(server: str, fake: FakeZendesk) -> None:
    conn = make(server, fake)
    records, skipped, _ = await pull_all(conn)
    assert not skipped
    orgs, customers = by(records, "organization"), by(records, "customer")
    tickets, messages = by(records, "ticket"), by(records, "message")
    assert orgs[str(next(iter(fake.organizations)))].data["tier"] == "VIP"  # type: ignore[index]
    assert set(customers) == {str(fake.alice["id"]), str(fake.wang["id"])}  # staff are not customers
    alice = customers[str(fake.alice["id"])].data
    assert alice is not None and alice["tier"] == "VIP" and alice["phone"] == "+1 555 0100"
    assert alice["organization_id"].startswith("zendesk:organization:")
    assert customers[str(fake.wang["id"])].data["language"] == "zh"  # type: ignore[index]
    t1 = tickets[str(fake.t1["id"])].data
    assert t1 is not None
    assert t1["priority"] == "P1" and t1["team_id"] == "team-tech" and t1["category"] == "technical"
    assert t1["external_ref"] == {"system": "zendesk", "id": str(fake.t1["id"])}
    assert t1["customer_id"] == f"zendesk:customer:{fake.alice['id']}"
    assert tickets[str(fake.t2["id"])].data["priority"] == "P3"  # type: ignore[index]
    bodies = {m.data["body"]: m.data for m in messages.values()}  # type: ignore[index]
    assert bodies["Please switch off the water supply."]["author_kind"] == "agent"
    assert bodies["Please switch off the water supply."]["author_id"] == "agent-ava"
    assert bodies["退款什么时候到账？"]["author_kind"] == "customer"


async def test_checkpoint_resumes_with_only_the_changes_and_deletions(server: str, fake: FakeZendesk) -> None:
    conn = make(server, fake)
    _, _, checkpoint = await pull_all(conn)
    fake.update_ticket(fake.t2["id"], status="hold")
    fake.delete_ticket(fake.t1["id"])
    records, _, _ = await pull_all(conn, checkpoint)
    tickets = by(records, "ticket")
    assert set(tickets) == {str(fake.t1["id"]), str(fake.t2["id"])}
    assert tickets[str(fake.t1["id"])].deleted
    t2 = tickets[str(fake.t2["id"])].data
    assert t2 is not None and t2["status"] == "hold" and t2["status_group"] == "on_hold"


async def test_rate_limits_are_respected_and_the_pull_still_completes(server: str, fake: FakeZendesk) -> None:
    fake.export_per_window = 2
    for i in range(30):
        fake.add_ticket(fake.alice["id"], f"t{i}", "b")
    conn = make(server, fake, page_size=10)
    records, _, _ = await pull_all(conn)
    assert len(by(records, "ticket")) == 32
    health = conn.health()
    assert fake.rate_limited > 0 or health.rate_limit_waits > 0
    assert health.rate_limit_waits >= 1


async def test_bad_records_are_skipped_counted_and_the_rest_continues(server: str, fake: FakeZendesk) -> None:
    fake.add_ticket(fake.alice["id"], "weird", "b", status="escalated-to-mars")
    broken = fake.add_ticket(fake.alice["id"], "no requester", "b")
    del broken["requester_id"]
    conn = make(server, fake)
    records, skipped, _ = await pull_all(conn)
    assert {s.reason.split(":")[0] for s in skipped} == {"unreadable"}
    assert len(skipped) == 2 and conn.health().skipped == 2
    assert str(fake.t1["id"]) in by(records, "ticket")


async def test_server_errors_on_reads_are_retried(server: str, fake: FakeZendesk) -> None:
    fake.fail_next("/api/v2/incremental/tickets", Fault(503, retry_after=0), Fault(500))
    conn = make(server, fake)
    conn.http.sleep = _no_sleep
    records, _, _ = await pull_all(conn)
    assert str(fake.t1["id"]) in by(records, "ticket")
    assert conn.health().errors == 2


async def test_malformed_json_and_bad_credentials_are_typed_errors(server: str, fake: FakeZendesk) -> None:
    fake.fail_next("/api/v2/incremental/organizations", Fault(200, body="{not json"))
    with pytest.raises(UpstreamMalformed):
        await make(server, fake).pull(None)
    wrong = make(server, fake)
    wrong.http.client.auth = ("x/token", "nope")  # type: ignore[assignment]
    with pytest.raises(UpstreamAuthError):
        await wrong.pull(None)


def _reply(fake: FakeZendesk, body: str, **extra: Any) -> PushItem:
    return PushItem(
        push_id="m-1",
        kind=MutationKind.TICKET_REPLY,
        external_id=str(fake.t1["id"]),
        payload={"body": body},
        author_email="ava@northwind.example",
        **extra,
    )


async def _push_with_staff(conn: ZendeskConnector, *items: PushItem):  # type: ignore[no-untyped-def]
    await pull_all(conn)  # learns which Zendesk users are staff
    return [await conn.push(item) for item in items]


async def test_reply_is_written_once_even_when_retried_after_a_crash(server: str, fake: FakeZendesk) -> None:
    conn = make(server, fake)
    body = "We are sending a technician tomorrow."
    first, again = await _push_with_staff(
        conn, _reply(fake, body), _reply(fake, body, maybe_sent_at=utcnow())
    )
    assert first.status == "done" and first.upstream_ref
    assert again.status == "done" and again.found_existing and again.upstream_ref == first.upstream_ref
    written = [c for c in fake.comments[fake.t1["id"]] if c["body"] == body]
    assert len(written) == 1 and written[0]["author_id"] == fake.staff["id"] and written[0]["public"] is True


async def test_status_change_survives_a_conflict_and_refuses_closed_tickets(
    server: str, fake: FakeZendesk
) -> None:
    conn = make(server, fake)
    fake.fail_next("/api/v2/tickets/", Fault(409, body='{"error": "UpdateConflict"}', method="PUT"))
    item = PushItem(
        push_id="m-2",
        kind=MutationKind.TICKET_SET_STATUS,
        external_id=str(fake.t1["id"]),
        payload={"status": "on_hold"},
    )
    outcome = await conn.push(item)
    assert outcome.status == "done", outcome.detail
    assert fake.tickets[fake.t1["id"]]["status"] == "hold"
    fake.update_ticket(fake.t2["id"], status="closed")
    reopen = PushItem(
        push_id="m-3",
        kind=MutationKind.TICKET_SET_STATUS,
        external_id=str(fake.t2["id"]),
        payload={"status": "open"},
    )
    refused = await conn.push(reopen)
    assert refused.status == "failed" and "closed" in refused.detail
    assert fake.tickets[fake.t2["id"]]["status"] == "closed"


async def test_tags_assignee_and_rate_limited_push(server: str, fake: FakeZendesk) -> None:
    conn = make(server, fake)
    tag = PushItem(
        push_id="m-4",
        kind=MutationKind.TICKET_TAG,
        external_id=str(fake.t1["id"]),
        payload={"add": ["leak", "vip"], "remove": []},
    )
    assign = PushItem(
        push_id="m-5",
        kind=MutationKind.TICKET_ASSIGN,
        external_id=str(fake.t1["id"]),
        payload={"agent_id": "agent-ava"},
    )
    tagged, assigned = await _push_with_staff(conn, tag, assign)
    assert tagged.status == assigned.status == "done"
    assert fake.tickets[fake.t1["id"]]["tags"] == ["leak", "vip"]
    assert fake.tickets[fake.t1["id"]]["assignee_id"] == fake.staff["id"]
    fake.fail_next("/api/v2/tickets/", Fault(429, retry_after=7, method="PUT"))
    conn.http.max_attempts = 1
    limited = await conn.push(tag)
    assert limited.status == "retry" and limited.retry_after == 7


async def _no_sleep(_seconds: float) -> None:
    return None


async def test_credentials_never_reach_the_logs(
    server: str, fake: FakeZendesk, caplog: pytest.LogCaptureFixture
) -> None:
    import base64
    import logging

    caplog.set_level(logging.DEBUG)
    conn = make(server, fake)
    fake.fail_next("/api/v2/incremental/tickets", Fault(500))
    conn.http.sleep = _no_sleep
    await pull_all(conn)
    await conn.push(_reply(fake, "hello"))
    await conn.aclose()
    basic = base64.b64encode(f"{fake.email}/token:{fake.token}".encode()).decode()
    assert caplog.records  # something was logged...
    assert fake.token not in caplog.text and basic not in caplog.text  # ...but never the secret
