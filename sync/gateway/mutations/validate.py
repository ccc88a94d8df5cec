"""Schema validation of a mutation batch. Any error: 422 listing all of them, nothing applied."""

from __future__ import annotations

import math
import re
import uuid
from typing import Any

from agentdesk.domain.enums import ApprovalDecision, ApprovalKind, MutationKind, Priority, TicketStatus
from agentdesk.sync.protocol import ENTITIES, MAX_MUTATIONS_PER_REQUEST, MUTATION_KINDS

K = MutationKind
MAX_ID = 128
MAX_TEXT = 64 * 1024
_STATUSES = {s.value for s in TicketStatus}
_PRIORITIES = {p.value for p in Priority}
_DECISIONS = {d.value for d in ApprovalDecision}
_APPROVAL_KINDS = {k.value for k in ApprovalKind}
_AMOUNT = re.compile(r"^[0-9]{1,9}(\.[0-9]{1,2})?$")


def _one_of(value: Any, allowed: set[str]) -> bool:
    return isinstance(value, str) and value in allowed  # (a dict or list is not hashable)


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID


def _text(payload: dict[str, Any], key: str, errors: list[str], *, required: bool = True) -> None:
    value = payload.get(key)
    if value is None and not required:
        return
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > MAX_TEXT:
        errors.append(
            f"payload.{key} must be a non-empty string of at most {MAX_TEXT} characters"
            if required
            else f"payload.{key} must be a string"
        )


def _payload_errors(kind: str, payload: dict[str, Any]) -> list[str]:
    errors: list[str] = []
    if kind in (K.TICKET_REPLY, K.TICKET_NOTE):
        _text(payload, "body", errors)
    elif kind == K.TICKET_SET_STATUS:
        if not _one_of(payload.get("status"), _STATUSES):
            errors.append("payload.status must be one of " + ", ".join(sorted(_STATUSES)))
    elif kind == K.TICKET_SET_PRIORITY:
        if not _one_of(payload.get("priority"), _PRIORITIES):
            errors.append("payload.priority must be P1, P2 or P3")
    elif kind == K.TICKET_ASSIGN:
        if "agent_id" not in payload or not (payload["agent_id"] is None or _is_id(payload["agent_id"])):
            errors.append("payload.agent_id must be an agent id or null")
    elif kind == K.TICKET_TAG:
        for key in ("add", "remove"):
            value = payload.get(key, [])
            if not isinstance(value, list) or not all(
                isinstance(t, str) and 0 < len(t) <= 100 for t in value
            ):
                errors.append(f"payload.{key} must be a list of tags (strings)")
    elif kind == K.TICKET_TRANSFER:
        if not _is_id(payload.get("department")):
            errors.append("payload.department must be a non-empty string")
        _text(payload, "note", errors, required=False)
    elif kind == K.CUSTOMER_UPDATE:
        if not isinstance(payload.get("fields"), dict) or not payload["fields"]:
            errors.append("payload.fields must be a non-empty object")
    elif kind == K.APPROVAL_REQUEST:
        if not _one_of(payload.get("kind"), _APPROVAL_KINDS):
            errors.append("payload.kind must be refund or compensation")
        amount = payload.get("amount")
        if not (isinstance(amount, str) and _AMOUNT.match(amount)) and (
            isinstance(amount, bool) or not isinstance(amount, int | float) or not math.isfinite(amount)
        ):
            errors.append('payload.amount must be a decimal string like "129.90" or a number')
        _text(payload, "reason", errors)
        if "ticket_id" in payload and not _is_id(payload["ticket_id"]):
            errors.append("payload.ticket_id must be a ticket id")
    elif kind == K.APPROVAL_DECIDE:
        if not _one_of(payload.get("decision"), _DECISIONS):
            errors.append("payload.decision must be approve, reject or escalate")
        _text(payload, "reason", errors, required=False)
    return errors


def _entity_matches(kind: str, entity: str) -> bool:
    if kind == K.APPROVAL_REQUEST:
        return entity in ("ticket", "approval")
    return entity == MutationKind(kind).entity


def validate_batch(body: Any) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """(normalized mutations, errors). Each error: {"path", "message"}."""
    errors: list[dict[str, str]] = []

    def err(path: str, message: str) -> None:
        errors.append({"path": path, "message": message})

    if not isinstance(body, dict):
        err("", "the body must be a JSON object")
        return [], errors
    if not _is_id(body.get("client_id")):
        err("client_id", "client_id must be a non-empty string of at most 128 characters")
    items = body.get("mutations")
    if not isinstance(items, list):
        err("mutations", "mutations must be a list")
        return [], errors
    if len(items) > MAX_MUTATIONS_PER_REQUEST:
        err("mutations", f"at most {MAX_MUTATIONS_PER_REQUEST} mutations per request")
        return [], errors
    out: list[dict[str, Any]] = []
    for i, m in enumerate(items):
        at = f"mutations[{i}]"
        if not isinstance(m, dict):
            err(at, "a mutation must be an object")
            continue
        mutation_id = m.get("mutation_id")
        try:
            mutation_id = (
                str(uuid.UUID(mutation_id))
                if isinstance(mutation_id, str) and len(mutation_id) <= 64
                else None
            )
        except ValueError:
            mutation_id = None
        if mutation_id is None:
            err(f"{at}.mutation_id", "mutation_id must be a UUID")
        kind = m.get("kind")
        if not isinstance(kind, str) or kind not in MUTATION_KINDS:
            err(f"{at}.kind", f"unknown mutation kind {str(kind)[:40]!r}")
        entity = m.get("entity")
        if not isinstance(entity, str) or entity not in ENTITIES:
            err(f"{at}.entity", f"unknown entity {str(entity)[:40]!r}")
        elif kind in MUTATION_KINDS and not _entity_matches(kind, entity):
            err(f"{at}.entity", f"{kind} does not apply to a {entity}")
        if not _is_id(m.get("entity_id")):
            err(f"{at}.entity_id", "entity_id must be a non-empty string of at most 128 characters")
        base = m.get("base_version")
        if base is not None and (isinstance(base, bool) or not isinstance(base, int)):
            err(f"{at}.base_version", "base_version must be an integer or null")
        payload = m.get("payload")
        if not isinstance(payload, dict):
            err(f"{at}.payload", "payload must be an object")
        elif kind in MUTATION_KINDS:
            for message in _payload_errors(kind, payload):
                err(f"{at}.{message.split(' ', 1)[0]}", message)
        out.append(
            {
                "mutation_id": mutation_id,
                "kind": kind,
                "entity": entity,
                "entity_id": m.get("entity_id"),
                "base_version": base,
                "payload": payload,
            }
        )
    return out, errors
