"""The effect of each mutation kind on the gateway store, with the business rules it must pass.

Conflict rules: status transitions are checked (agentdesk.domain.rules), the assignee is
last-writer-wins, tags are set add/remove, messages are append-only, customer fields merge per
field, a deleted row stays deleted (a mutation on it is rejected as not found).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import orjson
from sqlalchemy import bindparam, select, true

from agentdesk.domain.enums import ApprovalKind, MutationKind, Role, TicketStatus
from agentdesk.domain.rules import can_approve, can_reply, check_approval_amount, check_transition
from agentdesk.errors import PolicyError
from agentdesk.sync.gateway.privacy import is_masked_echo
from agentdesk.sync.gateway.store import audit
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.records import Record, RecordWriter, load
from agentdesk.sync.protocol import (
    PERSONAL_FIELDS,
    REJECT_CLOSED,
    REJECT_FORBIDDEN,
    REJECT_ILLEGAL_TRANSITION,
    REJECT_INVALID,
    REJECT_LIMIT,
    REJECT_NOT_FOUND,
)
from agentdesk.timeutil import to_wire, utcnow

K = MutationKind
Data = dict[str, Any]
# Customer fields an agent may edit (per-field merge); anything else is rejected.
CUSTOMER_EDITABLE = frozenset(
    {"name", "language", "tags", "tier", "contacts", "verified", "verified_at", *PERSONAL_FIELDS}
)
_DECIDED = {"approve": "approved", "reject": "rejected", "escalate": "escalated"}
_r, _g = s.records, s.grants
_ROW_COLUMNS = (
    _r.c.version,
    _r.c.deleted,
    _r.c.scoped,
    _r.c.change,
    _r.c.team_id,
    _r.c.ticket_id,
    _r.c.customer_id,
    _r.c.org_id,
)
_THIS_ROW = (_r.c.entity == bindparam("entity")) & (_r.c.id == bindparam("id"))
# ``is_visible``'s rule in one prebuilt query (this runs for nearly every mutation): a row is
# visible to a scoped agent if it is not scoped or one of the agent's teams holds a grant on it.
_VISIBLE_TO_ALL = select(*_ROW_COLUMNS, true().label("granted")).where(_THIS_ROW)
_VISIBLE_TO_TEAMS = select(
    *_ROW_COLUMNS,
    select(_g.c.team_id)
    .where(
        _g.c.entity == _r.c.entity,
        _g.c.id == _r.c.id,
        _g.c.team_id.in_(bindparam("teams", expanding=True)),
    )
    .exists()
    .label("granted"),
).where(_THIS_ROW)


class Reject(Exception):
    def __init__(self, code: str, text: str, current: Data | None = None) -> None:
        self.code = code
        self.text = text
        self.current = current
        super().__init__(f"{code}: {text}")


class Context:
    def __init__(self, writer: RecordWriter, principal: Principal, mutation: Data) -> None:
        self.w = writer
        self.conn = writer.conn
        self.who = principal
        self.m = mutation
        self.payload: Data = mutation["payload"]
        self.now = to_wire(utcnow())

    def visible(self, entity: str, entity_id: str) -> Record:
        scope = self.who.scope
        key = {"entity": entity, "id": entity_id}
        if scope is None:
            row = self.conn.execute(_VISIBLE_TO_ALL, key).first()
        else:
            row = self.conn.execute(_VISIBLE_TO_TEAMS, {**key, "teams": list(scope)}).first()
        data = None if row is None or row.deleted else orjson.loads(row.change).get("data")
        if row is None or data is None or (row.scoped and not row.granted):
            raise Reject(REJECT_NOT_FOUND, f"no {entity} {entity_id} that you may see")
        return Record(
            entity,
            entity_id,
            row.version,
            False,
            data,
            row.team_id,
            row.ticket_id,
            row.customer_id,
            row.org_id,
        )

    def audit(
        self, action: str, entity: str, entity_id: str, reason: str | None = None, **detail: Any
    ) -> None:
        audit.record(
            self.conn,
            self.who.agent_id,
            action,
            entity=entity,
            entity_id=entity_id,
            reason=reason,
            detail={"mutation_id": self.m["mutation_id"], **detail},
        )


def _status(data: Data) -> TicketStatus | None:
    for key in ("status_group", "status"):
        try:
            return TicketStatus(data.get(key))
        except ValueError:
            continue
    return None


def _message(ctx: Context, ticket: Record, body: str, public: bool) -> int:
    data = {
        "ticket_id": ticket.id,
        "body": body,
        "public": public,
        "author_id": ctx.who.agent_id,
        "author_kind": "agent",
        "author_name": ctx.who.name,
        "created_at": ctx.now,
        "mutation_id": ctx.m["mutation_id"],
    }
    return ctx.w.put("message", "msg-" + ctx.m["mutation_id"], data)


def reply_or_note(ctx: Context) -> int:
    ticket = ctx.visible("ticket", ctx.m["entity_id"])
    assert ticket.data is not None
    public = ctx.m["kind"] == K.TICKET_REPLY
    status = _status(ticket.data)
    if public and status is not None and not can_reply(status):
        raise Reject(REJECT_CLOSED, "a closed ticket takes no more replies", ticket.data)
    version = _message(ctx, ticket, ctx.payload["body"], public)
    data = dict(ticket.data)
    data["updated_at"] = ctx.now
    if public and not data.get("first_response_at"):
        data["first_response_at"] = ctx.now
    ctx.w.put("ticket", ticket.id, data)
    return version


def set_status(ctx: Context) -> int:
    ticket = ctx.visible("ticket", ctx.m["entity_id"])
    assert ticket.data is not None
    target = TicketStatus(ctx.payload["status"])
    current = _status(ticket.data)
    if current is not None:
        try:
            check_transition(current, target)
        except PolicyError as exc:
            raise Reject(REJECT_ILLEGAL_TRANSITION, str(exc), ticket.data) from None
    data = dict(ticket.data)
    data["status"] = target.value
    data.pop("status_group", None)
    data["updated_at"] = ctx.now
    if target == TicketStatus.SOLVED:
        data["solved_at"] = ctx.now
    return ctx.w.put("ticket", ticket.id, data)


def _ticket_edit(ctx: Context, change: Callable[[Data], None]) -> int:
    ticket = ctx.visible("ticket", ctx.m["entity_id"])
    data = dict(ticket.data or {})
    change(data)
    data["updated_at"] = ctx.now
    return ctx.w.put("ticket", ticket.id, data)


def set_priority(ctx: Context) -> int:
    return _ticket_edit(ctx, lambda d: d.__setitem__("priority", ctx.payload["priority"]))


def assign(ctx: Context) -> int:
    agent_id = ctx.payload["agent_id"]
    if agent_id is not None:
        agent = load(ctx.conn, "agent", agent_id)
        if agent is None or agent.deleted:
            raise Reject(REJECT_INVALID, f"there is no agent {agent_id}")
    ticket = ctx.visible("ticket", ctx.m["entity_id"])
    before = (ticket.data or {}).get("assignee_id")
    version = _ticket_edit(ctx, lambda d: d.__setitem__("assignee_id", agent_id))
    if before != agent_id:
        ctx.audit("reassign", "ticket", ticket.id, **{"from": before, "to": agent_id})
    return version


def tag(ctx: Context) -> int:
    remove = set(ctx.payload.get("remove") or ())

    def change(d: Data) -> None:
        tags = [t for t in d.get("tags") or [] if t not in remove]
        for t in ctx.payload.get("add") or ():
            if t not in tags and t not in remove:
                tags.append(t)
        d["tags"] = tags

    return _ticket_edit(ctx, change)


def _team_for_department(ctx: Context, department: str) -> str | None:
    r = s.records
    rows = ctx.conn.execute(select(r.c.id, r.c.change).where(r.c.entity == "team", r.c.deleted.is_(False)))
    for team_id, change in rows:
        data = orjson.loads(change)["data"] or {}
        if data.get("department") == department or team_id == department:
            return str(team_id)
    return None


def transfer(ctx: Context) -> int:
    ticket = ctx.visible("ticket", ctx.m["entity_id"])
    department = ctx.payload["department"]
    team = _team_for_department(ctx, department)
    if team is None:
        raise Reject(REJECT_INVALID, f"no team handles the department {department!r}", ticket.data)
    note = (ctx.payload.get("note") or "").strip()
    if note:
        _message(ctx, ticket, note, False)
    data = dict(ticket.data or {})
    before = data.get("team_id")
    data.update(department=department, team_id=team, updated_at=ctx.now)
    if team != before:
        data["assignee_id"] = None
    version = ctx.w.put("ticket", ticket.id, data)
    ctx.audit("transfer", "ticket", ticket.id, reason=note or None, **{"from": before, "to": team})
    return version


def customer_update(ctx: Context) -> int:
    customer = ctx.visible("customer", ctx.m["entity_id"])
    fields: Data = ctx.payload["fields"]
    unknown = sorted(set(fields) - CUSTOMER_EDITABLE)
    if unknown:
        raise Reject(REJECT_INVALID, "these customer fields cannot be edited: " + ", ".join(unknown)[:200])
    data = dict(customer.data or {})
    changed = []
    for name, value in fields.items():
        if name in PERSONAL_FIELDS and value is not None and not isinstance(value, str):
            raise Reject(REJECT_INVALID, f"{name} must be text")
        if is_masked_echo(name, value, data.get(name)):
            continue  # the client echoed the masked value: keep the real one
        if name == "contacts" and not ctx.who.sees_all:
            continue  # handles arrive masked; a masked client must not overwrite them wholesale
        if data.get(name) != value:
            data[name] = value
            changed.append(name)
    version = ctx.w.put("customer", customer.id, data)
    personal = [f for f in changed if f in PERSONAL_FIELDS]
    if personal:
        ctx.audit("customer.update", "customer", customer.id, fields=personal)
    return version


def approval_request(ctx: Context) -> int:
    m = ctx.m
    if m["entity"] == "ticket":
        ticket_id, approval_id = m["entity_id"], "apr-" + m["mutation_id"]
    else:
        ticket_id, approval_id = ctx.payload.get("ticket_id"), m["entity_id"]
        if not ticket_id:
            raise Reject(REJECT_INVALID, "approval.request on an approval needs payload.ticket_id")
        if load(ctx.conn, "approval", approval_id) is not None:
            raise Reject(REJECT_INVALID, f"approval {approval_id} already exists")
    ticket = ctx.visible("ticket", ticket_id)
    kind = ApprovalKind(ctx.payload["kind"])
    try:
        amount = Decimal(str(ctx.payload["amount"]))
        check_approval_amount(kind, amount)
    except InvalidOperation:
        raise Reject(REJECT_INVALID, "the amount is not a number") from None
    except PolicyError as exc:
        raise Reject(REJECT_INVALID, str(exc)) from None
    data = {
        "ticket_id": ticket.id,
        "team_id": (ticket.data or {}).get("team_id"),
        "kind": kind.value,
        "amount": f"{amount:.2f}",
        "reason": ctx.payload["reason"],
        "status": "pending",
        "requested_by": ctx.who.agent_id,
        "requested_at": ctx.now,
    }
    if isinstance(ctx.payload.get("currency"), str):
        data["currency"] = ctx.payload["currency"][:8]
    version = ctx.w.put("approval", approval_id, data)
    ctx.audit(
        "approval.request",
        "approval",
        approval_id,
        reason=ctx.payload["reason"],
        amount=data["amount"],
        kind=kind.value,
    )
    return version


def approval_decide(ctx: Context) -> int:
    approval = ctx.visible("approval", ctx.m["entity_id"])
    data = dict(approval.data or {})
    decision = ctx.payload["decision"]
    if ctx.who.role not in (Role.TEAM_LEAD, Role.ADMIN):
        raise Reject(REJECT_FORBIDDEN, "only a team lead or an admin decides approvals", data)
    pending = ("pending", "escalated") if ctx.who.role == Role.ADMIN else ("pending",)
    if data.get("status") not in pending:
        raise Reject(REJECT_INVALID, f"this approval is already {data.get('status')}", data)
    if decision != "escalate":
        try:
            kind = ApprovalKind(data.get("kind"))
            amount = Decimal(str(data.get("amount")))
        except (ValueError, InvalidOperation):
            raise Reject(REJECT_INVALID, "this approval has no valid kind or amount", data) from None
        if not can_approve(Role(ctx.who.role), kind, amount):
            raise Reject(REJECT_LIMIT, f"{amount} is over your approval limit: escalate it", data)
    data.update(
        status=_DECIDED[decision],
        decided_by=ctx.who.agent_id,
        decided_at=ctx.now,
        decision_reason=ctx.payload.get("reason"),
    )
    version = ctx.w.put("approval", approval.id, data)
    ctx.audit(
        "approval.decide",
        "approval",
        approval.id,
        reason=ctx.payload.get("reason"),
        decision=decision,
        amount=data.get("amount"),
    )
    return version


HANDLERS: dict[str, Callable[[Context], int]] = {
    K.TICKET_REPLY: reply_or_note,
    K.TICKET_NOTE: reply_or_note,
    K.TICKET_SET_STATUS: set_status,
    K.TICKET_SET_PRIORITY: set_priority,
    K.TICKET_ASSIGN: assign,
    K.TICKET_TAG: tag,
    K.TICKET_TRANSFER: transfer,
    K.CUSTOMER_UPDATE: customer_update,
    K.APPROVAL_REQUEST: approval_request,
    K.APPROVAL_DECIDE: approval_decide,
}
