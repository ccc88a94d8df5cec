"""A person's data on request: export everything held about a customer, or erase it.

Erasure, in one write transaction, through ``RecordWriter`` so every client receives the outcome
on its next ``/v1/changes`` pull:

- deleted (``op: "delete"``): the customer record and their interactions;
- anonymised (re-issued as an upsert): the tickets they requested stay (business records) but their
  ``customer_id`` becomes an erasure reference (``erased-<random>``, unlinkable to the person) and
  the person's name, e-mail, phone, address, ID number and contact handles are cut out of the
  subject and every other text; messages the customer wrote keep only their place in the thread
  (body and author replaced by ``[erased]``); agents' messages and approvals on those tickets lose
  the same personal values;
- remembered in ``gw_erasures`` (the customer's id, and the upstream ``external_ref`` of a mirrored
  customer), so a connector never imports the person again.

The audit entry holds counts and the customer's record id (or the erasure reference when that id
itself carries a personal value, e.g. an e-mail-keyed upstream id), never a personal value.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, and_, delete, insert, or_, select, update

from agentdesk.domain.enums import MutationKind
from agentdesk.sync.gateway.store import GatewayStore, audit
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.records import RecordWriter, load
from agentdesk.sync.protocol import PERSONAL_FIELDS
from agentdesk.timeutil import to_wire

NATIVE_SYSTEM = "agentdesk"
PLACEHOLDER = "[erased]"
# What a message the customer wrote keeps: its place in the thread, nothing they said or are.
_MESSAGE_KEPT = ("ticket_id", "public", "author_kind", "created_at", "external_ref", "channel")
_r = s.records
_e = s.erasures
_a = s.audit


class UnknownCustomer(LookupError):
    def __init__(self, customer_id: str) -> None:
        self.customer_id = customer_id
        super().__init__(f"the gateway holds no customer {customer_id!r}")


@dataclass(slots=True)
class ErasureResult:
    customer_id: str
    reference: str  # the erasure reference tickets now point to ("" when nothing was anonymised)
    already_erased: bool
    erased_at: str | None
    dry_run: bool = False
    customer_deleted: int = 0
    interactions_deleted: int = 0
    tickets_anonymised: int = 0
    messages_anonymised: int = 0
    approvals_anonymised: int = 0
    external_refs: list[dict[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return (
            self.customer_deleted
            + self.interactions_deleted
            + self.tickets_anonymised
            + self.messages_anonymised
            + self.approvals_anonymised
        )

    def counts(self) -> dict[str, int]:
        d = asdict(self)
        return {k: v for k, v in d.items() if isinstance(v, int) and not isinstance(v, bool)}


# -- reading -------------------------------------------------------------------------------------------
def _live(conn: Connection, entity: str, column: Any, values: Iterable[str]) -> list[tuple[str, dict]]:
    """Live rows of ``entity`` whose index ``column`` is one of ``values``, by id.

    The entity is filtered here, not in SQL: with ``entity = ?`` SQLite walks the primary key
    (every row of that entity) instead of the small ``column`` index."""
    values = sorted(set(values))
    out: list[tuple[str, dict]] = []
    for start in range(0, len(values), 500):
        rows = conn.execute(
            select(_r.c.entity, _r.c.id, _r.c.change).where(
                column.in_(values[start : start + 500]), _r.c.deleted.is_(False)
            )
        )
        out.extend((row.id, orjson.loads(row.change)["data"]) for row in rows if row.entity == entity)
    return sorted(out, key=lambda item: item[0])


def _erasure_rows(conn: Connection, refs: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    wanted = [and_(_e.c.system == system, _e.c.external_id == ext) for system, ext in refs]
    if not wanted:
        return []
    rows = conn.execute(select(_e).where(or_(*wanted)).order_by(_e.c.erased_at))
    return [{"system": r.system, "external_id": r.external_id, "erased_at": _wire(r.erased_at)} for r in rows]


def _wire(at: float) -> str:
    return to_wire(datetime.fromtimestamp(at, UTC))


def _external_ref(data: dict[str, Any] | None) -> tuple[str, str] | None:
    ref = (data or {}).get("external_ref")
    if isinstance(ref, dict) and ref.get("system") and ref.get("id"):
        return str(ref["system"]), str(ref["id"])
    return None


def _refs(customer_id: str, data: dict[str, Any] | None) -> list[tuple[str, str]]:
    refs = [(NATIVE_SYSTEM, customer_id)]
    ext = _external_ref(data)
    if ext is not None:
        refs.append(ext)
    return refs


def _audit_about(conn: Connection, keys: dict[str, list[str]]) -> list[dict[str, Any]]:
    wanted = [and_(_a.c.entity == entity, _a.c.entity_id.in_(ids)) for entity, ids in keys.items() if ids]
    rows = conn.execute(select(_a).where(or_(*wanted)).order_by(_a.c.id)) if wanted else []
    return [audit.entry(row) for row in rows]


def export_customer(conn: Connection, customer_id: str) -> dict[str, Any]:
    """Everything the gateway holds about one customer, values in clear (for the DPO)."""
    customer = load(conn, "customer", customer_id)
    data = customer.data if customer is not None else None
    erasures = _erasure_rows(conn, _refs(customer_id, data))
    tickets = _live(conn, "ticket", _r.c.customer_id, [customer_id])
    interactions = _live(conn, "interaction", _r.c.customer_id, [customer_id])
    if customer is None and not erasures and not tickets and not interactions:
        raise UnknownCustomer(customer_id)
    ticket_ids = [tid for tid, _ in tickets]
    messages = _live(conn, "message", _r.c.ticket_id, ticket_ids)
    approvals = _live(conn, "approval", _r.c.ticket_id, ticket_ids)
    org_id = (data or {}).get("organization_id")
    org = load(conn, "organization", org_id) if isinstance(org_id, str) and org_id else None
    about = {
        "customer": [customer_id],
        "ticket": ticket_ids,
        "interaction": [i for i, _ in interactions],
        "message": [i for i, _ in messages],
        "approval": [i for i, _ in approvals],
    }
    if org is not None:
        about["organization"] = [org.id]

    def rows(items: list[tuple[str, dict]]) -> list[dict[str, Any]]:
        return [{"id": i, "data": d} for i, d in items]

    return {
        "customer_id": customer_id,
        "customer": data,
        "customer_deleted": bool(customer is not None and customer.deleted),
        "organization": None if org is None else {"id": org.id, "deleted": org.deleted, "data": org.data},
        "interactions": rows(interactions),
        "tickets": rows(tickets),
        "messages": rows(messages),
        "approvals": rows(approvals),
        "audit": _audit_about(conn, about),
        "erasure": {"erased": bool(erasures), "records": erasures},
    }


# -- anonymising ---------------------------------------------------------------------------------------
def personal_values(data: dict[str, Any] | None) -> list[str]:
    """The person's identifying values as they may appear in free text (longest first)."""
    if not data:
        return []
    values: set[str] = set()
    for key in ("name", *PERSONAL_FIELDS):
        value = data.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            values.add(str(value).strip())
    for contact in data.get("contacts") or []:
        if isinstance(contact, dict) and isinstance(contact.get("handle"), str):
            values.add(contact["handle"].strip())
    # Short Latin values ("Li") would cut random words; CJK names are often two characters.
    kept = [v for v in values if len(v) >= 3 or (len(v) == 2 and not v.isascii())]
    return sorted(kept, key=len, reverse=True)


def _pattern(values: list[str]) -> re.Pattern[str] | None:
    if not values:
        return None
    # Latin values only at word edges ("Customer 1" must not cut "Customer 12"); CJK text has none.
    parts = [re.escape(v) if not v.isascii() else rf"(?<!\w){re.escape(v)}(?!\w)" for v in values]
    return re.compile("|".join(parts), re.IGNORECASE)


def _scrub(value: Any, pattern: re.Pattern[str] | None) -> Any:
    if pattern is None:
        return value
    if isinstance(value, str):
        return pattern.sub(PLACEHOLDER, value)
    if isinstance(value, list):
        return [_scrub(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: (v if k == "external_ref" else _scrub(v, pattern)) for k, v in value.items()}
    return value


def _anonymised_message(
    data: dict[str, Any], customer_id: str, reference: str, pattern: re.Pattern[str] | None
) -> dict[str, Any]:
    if data.get("author_kind") == "customer" or data.get("author_id") == customer_id:
        kept = {k: data[k] for k in _MESSAGE_KEPT if k in data}
        return {**kept, "body": PLACEHOLDER, "author_id": reference, "author_name": PLACEHOLDER}
    return _scrub(data, pattern)


# -- erasing -------------------------------------------------------------------------------------------
def erase_customer(
    store: GatewayStore, customer_id: str, *, actor_id: str, dry_run: bool = False
) -> ErasureResult:
    """Erase one customer (see the module docstring); idempotent. Raises ``UnknownCustomer``."""
    if dry_run:
        with store.read() as conn:
            return _erase(conn, None, customer_id, actor_id)
    with store.write() as tx:
        return _erase(tx.conn, RecordWriter(tx), customer_id, actor_id)


def _erase(conn: Connection, writer: RecordWriter | None, customer_id: str, actor_id: str) -> ErasureResult:
    customer = load(conn, "customer", customer_id)
    data = customer.data if customer is not None else None
    refs = _refs(customer_id, data)
    before = _erasure_rows(conn, refs)
    tickets = _live(conn, "ticket", _r.c.customer_id, [customer_id])
    interactions = _live(conn, "interaction", _r.c.customer_id, [customer_id])
    if customer is None and not before and not tickets and not interactions:
        raise UnknownCustomer(customer_id)
    values = personal_values(data)
    pattern = _pattern(values)
    reference = "erased-" + secrets.token_hex(6) if tickets else ""
    ticket_ids = [tid for tid, _ in tickets]
    messages = _live(conn, "message", _r.c.ticket_id, ticket_ids)
    approvals = _live(conn, "approval", _r.c.ticket_id, ticket_ids)
    result = ErasureResult(
        customer_id=customer_id,
        reference=reference,
        already_erased=bool(before),
        erased_at=before[0]["erased_at"] if before else None,
        dry_run=writer is None,
        customer_deleted=int(customer is not None and not customer.deleted),
        interactions_deleted=len(interactions),
        tickets_anonymised=len(tickets),
        external_refs=[{"system": sys, "external_id": ext} for sys, ext in refs if sys != NATIVE_SYSTEM],
    )
    changed_messages = [
        (mid, new)
        for mid, old in messages
        if (new := _anonymised_message(old, customer_id, reference, pattern)) != old
    ]
    changed_approvals = [(aid, new) for aid, old in approvals if (new := _scrub(old, pattern)) != old]
    result.messages_anonymised = len(changed_messages)
    result.approvals_anonymised = len(changed_approvals)
    if writer is None:
        return result
    for iid, _ in interactions:
        writer.delete("interaction", iid)
    if result.customer_deleted:  # first: the tombstone reaches every team that held the customer
        writer.delete("customer", customer_id)
    for mid, new in changed_messages:
        writer.put("message", mid, new)
    for aid, new in changed_approvals:
        writer.put("approval", aid, new)
    for tid, old in tickets:
        writer.put("ticket", tid, {**_scrub(old, pattern), "customer_id": reference})
    now = time.time()
    known = {(r["system"], r["external_id"]) for r in before}
    new_refs = [
        {"system": sys, "external_id": ext, "erased_at": now} for sys, ext in refs if (sys, ext) not in known
    ]
    if new_refs:
        conn.execute(insert(_e), new_refs)
    _forget_side_tables(conn, customer_id, refs)
    if result.erased_at is None:
        result.erased_at = _wire(now)
    shown_id = customer_id
    if any(v.lower() in customer_id.lower() for v in values):
        shown_id = reference or "erased-" + secrets.token_hex(6)
    audit.record(
        conn,
        actor_id,
        "privacy_erase",
        entity="customer",
        entity_id=shown_id,
        detail={**result.counts(), "already_erased": result.already_erased, "reference": reference or None},
    )
    return result


def _forget_side_tables(conn: Connection, customer_id: str, refs: list[tuple[str, str]]) -> None:
    """Copies of the person's values outside gw_records: a rejected mutation's ``current`` record,
    and customer updates waiting for (or done with) their upstream system."""
    m = s.mutations
    conn.execute(update(m).where(m.c.entity == "customer", m.c.entity_id == customer_id).values(current=None))
    o = s.upstream_outbox
    for system, ext in refs:
        if system == NATIVE_SYSTEM:
            continue
        conn.execute(
            delete(o).where(
                o.c.system == system, o.c.external_id == ext, o.c.kind == MutationKind.CUSTOMER_UPDATE
            )
        )
