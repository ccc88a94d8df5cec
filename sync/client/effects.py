"""Local effects of mutations: what the agent sees at once, before the gateway answers.

Each effect is a pure function of the server's wire ``data`` and a mutation payload, so the
overlay can always be rebuilt as "server data, then the pending mutations in queue order".
``ticket.reply`` / ``ticket.note`` instead add a placeholder message (see ``placeholder_message``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from agentdesk.domain.enums import ApprovalKind, Entity, MutationKind, Priority, TicketStatus
from agentdesk.errors import InputError
from agentdesk.timeutil import to_wire, utcnow

K = MutationKind
Data = dict[str, Any]

PLACEHOLDER_PREFIX = "local:"
# The gateway names the approval an ``approval.request`` on a ticket creates "apr-<mutation id>", so
# the local placeholder carries the final id and the server's row simply replaces it.
APPROVAL_PREFIX = "apr-"
_DECIDED = {"approve": "approved", "reject": "rejected", "escalate": "escalated"}


def _set_status(data: Data, payload: Data) -> None:
    data["status"] = payload["status"]
    data.pop("status_group", None)  # ours now: the codec derives the group from it


def _set_priority(data: Data, payload: Data) -> None:
    data["priority"] = payload["priority"]


def _assign(data: Data, payload: Data) -> None:
    data["assignee_id"] = payload.get("agent_id")


def _tag(data: Data, payload: Data) -> None:
    remove = set(payload.get("remove") or ())
    tags = [t for t in data.get("tags") or [] if t not in remove]
    for tag in payload.get("add") or ():
        if tag not in tags and tag not in remove:
            tags.append(tag)
    data["tags"] = tags


def _transfer(data: Data, payload: Data) -> None:
    data["department"] = payload["department"]


def _customer_update(data: Data, payload: Data) -> None:
    data.update(payload["fields"])  # per-field merge, as the server does


def _decide(data: Data, payload: Data) -> None:
    data["status"] = _DECIDED[payload["decision"]]
    if payload.get("reason"):
        data["decision_reason"] = payload["reason"]


ROW_EFFECTS: dict[str, Callable[[Data, Data], None]] = {
    K.TICKET_SET_STATUS: _set_status,
    K.TICKET_SET_PRIORITY: _set_priority,
    K.TICKET_ASSIGN: _assign,
    K.TICKET_TAG: _tag,
    K.TICKET_TRANSFER: _transfer,
    K.CUSTOMER_UPDATE: _customer_update,
    K.APPROVAL_DECIDE: _decide,
}
MESSAGE_KINDS = frozenset({K.TICKET_REPLY.value, K.TICKET_NOTE.value})


def apply_effect(kind: str, data: Data, payload: Data) -> Data:
    """``data`` with the local effect of one mutation (a new dict; kinds without one: unchanged)."""
    effect = ROW_EFFECTS.get(kind)
    if effect is None:
        return data
    result = dict(data)
    effect(result, payload)
    return result


def wire_entity(kind: MutationKind) -> str:
    """The entity a mutation is sent on: an approval request is made on its ticket."""
    return Entity.TICKET.value if kind == K.APPROVAL_REQUEST else kind.entity.value


def placeholder_approval(mutation_id: str, ticket_id: str, team_id: str | None, payload: Data,
                         author: Data | None) -> Data:
    """Wire data of the approval a request will create, pending until the server's arrives."""
    return {
        "ticket_id": ticket_id,
        "team_id": team_id or "",
        "kind": payload["kind"],
        "amount": str(payload["amount"]),
        "reason": payload["reason"],
        "status": "pending",
        "requested_by": (author or {}).get("id") or "",
        "requested_at": to_wire(utcnow()),
        "pending": True,
        "mutation_id": mutation_id,
    }


def placeholder_id(mutation_id: str) -> str:
    return PLACEHOLDER_PREFIX + mutation_id


def placeholder_message(mutation_id: str, kind: str, ticket_id: str, payload: Data,
                        author: Data | None) -> Data:
    """Wire data of the message a reply/note will create, marked pending until the server's arrives."""
    author = author or {}
    return {
        "ticket_id": ticket_id,
        "body": payload["body"],
        "public": kind == K.TICKET_REPLY,
        "author_id": author.get("id"),
        "author_kind": "agent",
        "author_name": author.get("name"),
        "created_at": to_wire(utcnow()),
        "pending": True,
        "mutation_id": mutation_id,
    }


def _require(payload: Data, key: str, kinds: type, kind: str) -> None:
    if not isinstance(payload.get(key), kinds):
        raise InputError(f"{kind}: payload needs {key!r} ({kinds.__name__})")


def check_mutation(kind: str, entity_id: str, payload: Any) -> MutationKind:
    """Refuse a malformed mutation before it is queued (the gateway would answer 422)."""
    try:
        mkind = MutationKind(kind)
    except ValueError:
        raise InputError(f"unknown mutation kind {kind!r}") from None
    if not isinstance(entity_id, str) or not entity_id or len(entity_id) > 64:
        raise InputError(f"{kind}: entity_id must be a non-empty string of at most 64 characters")
    if not isinstance(payload, dict):
        raise InputError(f"{kind}: payload must be an object")
    if mkind in (K.TICKET_REPLY, K.TICKET_NOTE):
        _require(payload, "body", str, kind)
        if not payload["body"].strip():
            raise InputError(f"{kind}: the message body is empty")
    elif mkind == K.TICKET_SET_STATUS:
        if payload.get("status") not in {s.value for s in TicketStatus}:
            raise InputError(f"{kind}: unknown status {payload.get('status')!r}")
    elif mkind == K.TICKET_SET_PRIORITY:
        if payload.get("priority") not in {p.value for p in Priority}:
            raise InputError(f"{kind}: unknown priority {payload.get('priority')!r}")
    elif mkind == K.TICKET_ASSIGN:
        if "agent_id" not in payload or not isinstance(payload["agent_id"], str | None):
            raise InputError(f"{kind}: payload needs 'agent_id' (string or null)")
    elif mkind == K.TICKET_TAG:
        for key in ("add", "remove"):
            value = payload.get(key, [])
            if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                raise InputError(f"{kind}: {key!r} must be a list of strings")
    elif mkind == K.TICKET_TRANSFER:
        _require(payload, "department", str, kind)
    elif mkind == K.CUSTOMER_UPDATE:
        _require(payload, "fields", dict, kind)
    elif mkind == K.APPROVAL_REQUEST:
        if payload.get("kind") not in {k.value for k in ApprovalKind}:
            raise InputError(f"{kind}: kind must be refund or compensation")
        try:
            amount = Decimal(str(payload.get("amount")))
        except InvalidOperation:
            raise InputError(f"{kind}: amount must be a number") from None
        if not amount.is_finite() or amount <= 0:
            raise InputError(f"{kind}: amount must be positive")
        if not isinstance(payload.get("reason"), str) or not payload["reason"].strip():
            raise InputError(f"{kind}: say why (reason)")
    elif mkind == K.APPROVAL_DECIDE and payload.get("decision") not in _DECIDED:
        raise InputError(f"{kind}: decision must be approve, reject or escalate")
    return mkind
