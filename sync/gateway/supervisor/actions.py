"""Approvals inbox and bulk ticket actions for team leads, applied through the mutation handlers
(so the business rules — approval limits, team visibility, status transitions — are the same ones
``/v1/mutations`` enforces) with the lead's reason written to the audit log.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import orjson
from sqlalchemy import Connection, select

from agentdesk.domain.enums import ApprovalKind, Priority, Role
from agentdesk.domain.rules import can_approve
from agentdesk.sync.gateway.mutations.apply import apply_one
from agentdesk.sync.gateway.problems import ProblemError
from agentdesk.sync.gateway.store import GatewayStore, audit
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.accounts import Principal
from agentdesk.sync.gateway.store.records import is_visible, load
from agentdesk.sync.protocol import REJECT_FORBIDDEN, REJECT_LIMIT, REJECT_NOT_FOUND

CLIENT_ID = "supervisor-panel"
MAX_TICKETS = 500
MAX_REASON = 2000
BULK_ACTIONS = ("assign", "tag", "priority", "close")


def _invalid(path: str, message: str) -> ProblemError:
    return ProblemError(422, f"{path}: {message}", errors=[{"path": path, "message": message}])


def text_field(body: dict[str, Any], name: str, *, required: bool) -> str | None:
    value = body.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _invalid(name, "say why (a reason is required)")
        return None
    if not isinstance(value, str):
        raise _invalid(name, "must be text")
    if len(value) > MAX_REASON:
        raise _invalid(name, f"at most {MAX_REASON} characters")
    return value.strip()


def decision_fields(body: dict[str, Any]) -> tuple[str, str]:
    decision = body.get("decision")
    if decision not in ("approve", "reject", "escalate"):
        raise _invalid("decision", "one of approve, reject, escalate")
    reason = text_field(body, "reason", required=decision != "approve")
    return decision, reason or "approved within the one-step limit"


def approvals_for(conn: Connection, principal: Principal, status: str) -> list[dict[str, Any]]:
    r = s.records
    out = []
    rows = conn.execute(select(r.c.id, r.c.change).where(r.c.entity == "approval", r.c.deleted.is_(False)))
    for approval_id, change in rows:
        data = orjson.loads(change).get("data") or {}
        if status != "all" and data.get("status") != status:
            continue
        if not principal.sees_all and not is_visible(conn, "approval", approval_id, principal.scope):
            continue
        try:
            within = can_approve(
                Role(principal.role), ApprovalKind(data.get("kind")), Decimal(str(data.get("amount")))
            )
        except (ValueError, InvalidOperation):
            within = False
        ticket = load(conn, "ticket", str(data.get("ticket_id")))
        out.append(
            {
                "id": approval_id,
                **data,
                "ticket_subject": (ticket.data or {}).get("subject") if ticket else None,
                "within_your_limit": within,
            }
        )
    out.sort(key=lambda a: str(a.get("requested_at") or ""))
    return out


def _mutation(kind: str, entity: str, entity_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "mutation_id": str(uuid.uuid4()),
        "kind": kind,
        "entity": entity,
        "entity_id": entity_id,
        "base_version": None,
        "payload": payload,
    }


def decide(
    store: GatewayStore, principal: Principal, approval_id: str, decision: str, reason: str
) -> dict[str, Any]:
    m = _mutation("approval.decide", "approval", approval_id, {"decision": decision, "reason": reason})
    result = apply_one(store, principal, CLIENT_ID, m)
    if result["status"] == "rejected":
        code, _, text = str(result.get("reason") or "").partition(": ")
        status = {REJECT_NOT_FOUND: 404, REJECT_LIMIT: 403, REJECT_FORBIDDEN: 403}.get(code, 409)
        detail = text or code
        if code == REJECT_LIMIT:
            detail += " (send it on with decision 'escalate')"
        raise ProblemError(status, detail[:300], code=code)
    with store.read() as conn:
        record = load(conn, "approval", approval_id)
    return {
        "approval": {"id": approval_id, **((record.data if record else None) or {})},
        "version": result["version"],
    }


@dataclass(frozen=True, slots=True)
class BulkPlan:
    action: str
    ticket_ids: list[str]
    reason: str
    kind: str
    payload: dict[str, Any]


def _tags(body: dict[str, Any], name: str) -> list[str]:
    value = body.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and 0 < len(v) <= 64 for v in value):
        raise _invalid(name, "a list of tags (text, 1-64 characters)")
    return value


def bulk_plan(body: dict[str, Any]) -> BulkPlan:
    action = body.get("action")
    if action not in BULK_ACTIONS:
        raise _invalid("action", "one of " + ", ".join(BULK_ACTIONS))
    ids = body.get("ticket_ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and 0 < len(i) <= 128 for i in ids):
        raise _invalid("ticket_ids", "a non-empty list of ticket ids")
    if len(ids) > MAX_TICKETS:
        raise _invalid("ticket_ids", f"at most {MAX_TICKETS} tickets at once")
    reason = text_field(body, "reason", required=True) or ""
    ids = list(dict.fromkeys(ids))
    if action == "assign":
        agent = body.get("agent_id")
        if agent is not None and (not isinstance(agent, str) or not agent):
            raise _invalid("agent_id", "an agent id, or null to unassign")
        return BulkPlan(action, ids, reason, "ticket.assign", {"agent_id": agent})
    if action == "tag":
        add, remove = _tags(body, "add"), _tags(body, "remove")
        if not add and not remove:
            raise _invalid("add", "give tags to add or to remove")
        return BulkPlan(action, ids, reason, "ticket.tag", {"add": add, "remove": remove})
    if action == "priority":
        if body.get("priority") not in {p.value for p in Priority}:
            raise _invalid("priority", "one of P1, P2, P3")
        return BulkPlan(action, ids, reason, "ticket.set_priority", {"priority": body["priority"]})
    return BulkPlan(action, ids, reason, "ticket.set_status", {"status": "closed"})


def _check_assignee(conn: Connection, principal: Principal, agent_id: str | None) -> None:
    if agent_id is None:
        return
    agent = load(conn, "agent", agent_id)
    if agent is None or agent.deleted:
        raise _invalid("agent_id", f"there is no agent {agent_id}")
    teams = set((agent.data or {}).get("team_ids") or [])
    if not principal.sees_all and not teams & set(principal.team_ids):
        raise ProblemError(403, "You can assign only to agents of your teams.")


def run_bulk(store: GatewayStore, principal: Principal, plan: BulkPlan) -> dict[str, Any]:
    if plan.action == "assign":
        with store.read() as conn:
            _check_assignee(conn, principal, plan.payload["agent_id"])
    results = []
    applied = 0
    for ticket_id in plan.ticket_ids:
        m = _mutation(plan.kind, "ticket", ticket_id, plan.payload)
        result = apply_one(store, principal, CLIENT_ID, m)
        ok = result["status"] == "applied"
        if ok:
            applied += 1
            with store.write() as tx:
                audit.record(
                    tx.conn,
                    principal.agent_id,
                    f"bulk.{plan.action}",
                    entity="ticket",
                    entity_id=ticket_id,
                    reason=plan.reason,
                    detail={"mutation_id": m["mutation_id"], **plan.payload},
                )
        results.append({"ticket_id": ticket_id, "status": result["status"], "reason": result.get("reason")})
    return {"action": plan.action, "applied": applied, "rejected": len(results) - applied, "results": results}
