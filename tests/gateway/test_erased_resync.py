"""A connector re-sync after an erasure: nothing about the erased person comes back.

The customer record, their interactions and their messages are not re-imported; a ticket the
gateway still holds takes the upstream's workflow changes (status) but keeps its anonymised
requester and text. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from agentdesk.sync.gateway.connectors.base import UpstreamRecord, local_id
from agentdesk.sync.gateway.connectors.sink import GatewaySink
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store.erasure import PLACEHOLDER, erase_customer
from agentdesk.sync.gateway.store.records import load

SYSTEM = "zendesk"
MESSAGES = ("m-1", "m-2", "m-3")
PERSON = {"name": "Mirrored Person", "email": "mirrored.person@example.org", "phone": "13900001111"}


def _upstream(status: str, comments: list[tuple[str, str, str]]) -> list[UpstreamRecord]:
    cid = local_id(SYSTEM, "customer", "501")
    tid = local_id(SYSTEM, "ticket", "77")
    records = [
        UpstreamRecord("customer", "501", {**PERSON, "external_ref": {"system": SYSTEM, "id": "501"}}),
        UpstreamRecord(
            "ticket",
            "77",
            {
                "number": 77,
                "subject": "Refund for Mirrored Person",
                "status": status,
                "priority": "P2",
                "team_id": "team-billing",
                "customer_id": cid,
                "external_ref": {"system": SYSTEM, "id": "77"},
            },
        ),
        UpstreamRecord(
            "interaction",
            "i-1",
            {"customer_id": cid, "channel": "email", "direction": "inbound", "summary": "mail"},
        ),
    ]
    for comment_id, kind, body in comments:
        author = cid if kind == "customer" else local_id(SYSTEM, "agent", "9")
        records.append(
            UpstreamRecord(
                "message",
                comment_id,
                {"ticket_id": tid, "body": body, "author_kind": kind, "author_id": author, "public": True},
            )
        )
    return records


def test_resync_after_erasure_brings_nothing_back(db_url: str) -> None:
    store = GatewayStore(db_url, pool_size=1)
    try:
        store.create_schema()
        sink = GatewaySink(store)
        first = [("m-1", "customer", "My phone is 13900001111"), ("m-2", "agent", "Hello Mirrored Person")]
        assert sink.apply(SYSTEM, SYSTEM, _upstream("open", first), {"page": 1}) == 5
        cid = local_id(SYSTEM, "customer", "501")
        tid = local_id(SYSTEM, "ticket", "77")

        erase_customer(store, cid, actor_id="test")

        later = [*first, ("m-3", "customer", "Me again, 13900001111")]
        sink.apply(SYSTEM, SYSTEM, _upstream("solved", later), {"page": 2})
        with store.read() as conn:
            customer = load(conn, "customer", cid)
            ticket = load(conn, "ticket", tid)
            interaction = load(conn, "interaction", local_id(SYSTEM, "interaction", "i-1"))
            m1, m2, m3 = (load(conn, "message", local_id(SYSTEM, "message", m)) for m in MESSAGES)
        assert customer is not None and customer.deleted
        assert interaction is not None and interaction.deleted
        assert ticket is not None and not ticket.deleted
        assert ticket.data["status"] == "solved"  # the workflow change arrived
        assert ticket.data["customer_id"].startswith("erased-")
        assert "Mirrored Person" not in ticket.data["subject"] and PLACEHOLDER in ticket.data["subject"]
        assert m1 is not None and m1.data["body"] == PLACEHOLDER
        assert m2 is not None and "Mirrored Person" not in m2.data["body"]
        assert m3 is None  # a new message from the erased person is not imported
    finally:
        store.dispose()


def test_records_of_other_people_still_flow(db_url: str) -> None:
    store = GatewayStore(db_url, pool_size=1)
    try:
        store.create_schema()
        sink = GatewaySink(store)
        sink.apply(SYSTEM, SYSTEM, _upstream("open", []), {"page": 1})
        other = UpstreamRecord("customer", "502", {"name": "Someone Else", "email": "else@example.org"})
        erase_customer(store, local_id(SYSTEM, "customer", "501"), actor_id="test")
        assert sink.apply(SYSTEM, SYSTEM, [other], {"page": 2}) == 1
    finally:
        store.dispose()
