"""The OpenAPI 3.1 document, built from the protocol's constants so the two cannot drift."""

from __future__ import annotations

from typing import Any

from agentdesk import __version__
from agentdesk.sync.protocol import ENTITIES, MAX_MUTATIONS_PER_REQUEST, MAX_PAGE, MUTATION_KINDS

PROBLEM = "application/problem+json"
JSON = "application/json"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _problem(description: str, *, retry_after: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"description": description, "content": {PROBLEM: {"schema": _ref("Problem")}}}
    if retry_after:
        out["headers"] = {"Retry-After": {"schema": {"type": "string"}, "description": "seconds to wait"}}
    return out


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _common(*codes: int) -> dict[str, Any]:
    known = {
        400: _problem("Malformed body (not JSON, nested too deep)"),
        401: _problem("Missing, unknown, expired or revoked token"),
        403: _problem("The caller's role does not allow this"),
        404: _problem("No such row, or not visible to the caller"),
        410: _problem("The cursor is ahead of the server: start again from 0"),
        413: _problem("Body over the size limit"),
        415: _problem("The body is not application/json"),
        422: _problem("The request fails the schema; `errors` lists why"),
        429: _problem("Too many requests", retry_after=True),
        503: _problem("The database is unreachable", retry_after=True),
    }
    return {str(c): known[c] for c in sorted({*codes, 503})}  # any call may meet a database outage


def _json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {JSON: {"schema": schema}}}


_ID = {"type": "string", "minLength": 1, "maxLength": 128}
_TEXT = {"type": "string", "minLength": 1, "maxLength": 65536, "pattern": r"\S"}
_TAGS = {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 100}}


def _obj(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


# kind, entities it applies to, payload schema (the gateway's validate.py enforces the same)
_KINDS: list[tuple[str, list[str], dict[str, Any]]] = [
    ("ticket.reply", ["ticket"], _obj(["body"], body=_TEXT)),
    ("ticket.note", ["ticket"], _obj(["body"], body=_TEXT)),
    (
        "ticket.set_status",
        ["ticket"],
        _obj(["status"], status={"enum": ["new", "open", "pending", "on_hold", "solved", "closed"]}),
    ),
    ("ticket.set_priority", ["ticket"], _obj(["priority"], priority={"enum": ["P1", "P2", "P3"]})),
    ("ticket.assign", ["ticket"], _obj(["agent_id"], agent_id={"anyOf": [_ID, {"type": "null"}]})),
    ("ticket.tag", ["ticket"], _obj([], add=_TAGS, remove=_TAGS)),
    (
        "ticket.transfer",
        ["ticket"],
        _obj(["department"], department=_ID, note={"type": ["string", "null"], "maxLength": 65536}),
    ),
    ("customer.update", ["customer"], {**_obj(["fields"], fields={"type": "object", "minProperties": 1})}),
    (
        "approval.request",
        ["ticket", "approval"],
        _obj(
            ["kind", "amount", "reason"],
            kind={"enum": ["refund", "compensation"]},
            amount={
                "anyOf": [{"type": "string", "pattern": r"^[0-9]{1,9}(\.[0-9]{1,2})?$"}, {"type": "number"}]
            },
            reason=_TEXT,
            ticket_id=_ID,
        ),
    ),
    (
        "approval.decide",
        ["approval"],
        _obj(
            ["decision"],
            decision={"enum": ["approve", "reject", "escalate"]},
            reason={"type": ["string", "null"], "maxLength": 65536},
        ),
    ),
]


def _mutation(kind: str, entities: list[str], payload: dict[str, Any]) -> dict[str, Any]:
    return _obj(
        ["mutation_id", "kind", "entity", "entity_id", "payload"],
        mutation_id={"type": "string", "format": "uuid"},
        kind={"const": kind},
        entity={"enum": entities},
        entity_id=_ID,
        base_version={"type": ["integer", "null"]},
        payload=payload,
    )


def _schemas() -> dict[str, Any]:
    nullable_str = {"type": ["string", "null"]}
    return {
        "Problem": {
            "type": "object",
            "required": ["type", "title", "status", "detail"],
            "properties": {
                "type": {"type": "string"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
                "instance": {"type": "string"},
                "errors": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"path": {"type": "string"}, "message": {"type": "string"}},
                    },
                },
            },
        },
        "SessionRequest": {
            "type": "object",
            "required": ["login", "password"],
            "properties": {
                "login": {"type": "string", "minLength": 1, "maxLength": 200},
                "password": {"type": "string", "minLength": 1, "maxLength": 200},
            },
        },
        "Agent": {
            "type": "object",
            "required": ["id", "login", "name", "role", "team_ids"],
            "properties": {
                "id": {"type": "string"},
                "login": {"type": "string"},
                "name": {"type": "string"},
                "role": {"enum": ["agent", "team_lead", "admin"]},
                "team_ids": {"type": "array", "items": {"type": "string"}},
            },
        },
        "Session": {
            "type": "object",
            "required": ["token", "expires_at", "agent"],
            "properties": {
                "token": {"type": "string"},
                "expires_at": {"type": "string"},
                "agent": _ref("Agent"),
            },
        },
        "Change": {
            "type": "object",
            "required": ["entity", "id", "op", "version"],
            "properties": {
                "entity": {"enum": list(ENTITIES)},
                "id": {"type": "string"},
                "op": {"enum": ["upsert", "delete"]},
                "version": {"type": "integer", "minimum": 1},
                "data": {"type": ["object", "null"]},
            },
        },
        "ChangesPage": {
            "type": "object",
            "required": ["changes", "cursor", "has_more"],
            "properties": {
                "changes": {"type": "array", "items": _ref("Change")},
                "cursor": {"type": "integer", "minimum": 0},
                "has_more": {"type": "boolean"},
                "reset": {"type": "boolean"},
            },
        },
        "Mutation": {"oneOf": [_mutation(kind, entities, payload) for kind, entities, payload in _KINDS]},
        "MutationBatch": {
            "type": "object",
            "required": ["client_id", "mutations"],
            "properties": {
                "client_id": {"type": "string", "minLength": 1, "maxLength": 128},
                "mutations": {
                    "type": "array",
                    "maxItems": MAX_MUTATIONS_PER_REQUEST,
                    "items": _ref("Mutation"),
                },
            },
        },
        "MutationResult": {
            "type": "object",
            "required": ["mutation_id", "status", "reason", "version"],
            "properties": {
                "mutation_id": {"type": "string"},
                "status": {"enum": ["applied", "duplicate", "rejected"]},
                "reason": nullable_str,
                "version": {"type": ["integer", "null"]},
                "current": {"type": ["object", "null"]},
            },
        },
        "MutationResults": {
            "type": "object",
            "required": ["results"],
            "properties": {"results": {"type": "array", "items": _ref("MutationResult")}},
        },
        "RevealRequest": {
            "type": "object",
            "required": ["entity", "id", "field", "reason"],
            "properties": {
                "entity": {"enum": ["customer", "agent", "organization"]},
                "id": _ID,
                "field": {
                    "type": "string",
                    "pattern": r"^(phone|email|address|national_id|contacts\.[0-9]{1,4})$",
                },
                "reason": {"type": "string", "minLength": 1, "maxLength": 500, "pattern": r"\S"},
            },
        },
        "Reveal": {"type": "object", "required": ["value"], "properties": {"value": {}}},
        "Health": {
            "type": "object",
            "required": ["status"],
            "properties": {
                "status": {"const": "ok"},
                "version": {"type": "string"},
                "protocol": {"type": "integer"},
                "head": {"type": "integer"},
                "database": {"enum": ["sqlite", "postgresql"]},
            },
        },
        "AuditPage": {
            "type": "object",
            "required": ["entries"],
            "properties": {
                "entries": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "at", "actor_id", "action"],
                        "properties": {
                            "id": {"type": "integer"},
                            "at": {"type": "string"},
                            "actor_id": {"type": "string"},
                            "action": {"type": "string"},
                            "entity": nullable_str,
                            "entity_id": nullable_str,
                            "field": nullable_str,
                            "reason": nullable_str,
                            "detail": {"type": ["object", "null"]},
                        },
                    },
                }
            },
        },
        "PresencePage": {
            "type": "object",
            "required": ["agents"],
            "properties": {
                "agents": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["agent_id", "state"],
                        "properties": {
                            "agent_id": {"type": "string"},
                            "name": nullable_str,
                            "state": {"enum": ["online", "away", "offline"]},
                            "last_seen_at": nullable_str,
                        },
                    },
                }
            },
        },
        "Revoked": {
            "type": "object",
            "required": ["revoked"],
            "properties": {"revoked": {"type": "integer"}},
        },
    }


def build() -> dict[str, Any]:
    undocumented = set(MUTATION_KINDS) - {kind for kind, _, _ in _KINDS}
    if undocumented:
        raise RuntimeError(f"mutation kinds missing from the OpenAPI document: {sorted(undocumented)}")
    bearer = [{"bearer": []}]
    int_param = {"type": "integer", "minimum": 0}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "AgentDesk gateway",
            "version": __version__,
            "description": "The /v1 sync API (see agentdesk.sync.protocol).",
        },
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "paths": {
            "/v1/health": {
                "get": {
                    "operationId": "health",
                    "security": [],
                    "responses": {"200": _json(_ref("Health")), **_common(503)},
                }
            },
            "/v1/session": {
                "post": {
                    "operationId": "signIn",
                    "security": [],
                    "requestBody": _json_body(_ref("SessionRequest")),
                    "responses": {
                        "200": _json(_ref("Session")),
                        "401": _problem("Wrong sign-in or password"),
                        **_common(400, 413, 415, 422, 429),
                    },
                },
                "delete": {
                    "operationId": "signOut",
                    "security": bearer,
                    "responses": {"204": {"description": "Signed out"}, **_common(401)},
                },
            },
            "/v1/session/revoke-all": {
                "post": {
                    "operationId": "signOutEverywhere",
                    "security": bearer,
                    "responses": {"200": _json(_ref("Revoked")), **_common(401, 413)},
                }
            },
            "/v1/changes": {
                "get": {
                    "operationId": "changes",
                    "security": bearer,
                    "parameters": [
                        {"name": "cursor", "in": "query", "required": False, "schema": int_param},
                        {
                            "name": "limit",
                            "in": "query",
                            "required": False,
                            "schema": {**int_param, "description": f"clamped to 1..{MAX_PAGE}"},
                        },
                    ],
                    "responses": {"200": _json(_ref("ChangesPage")), **_common(401, 410, 422)},
                }
            },
            "/v1/mutations": {
                "post": {
                    "operationId": "mutations",
                    "security": bearer,
                    "requestBody": _json_body(_ref("MutationBatch")),
                    "responses": {"200": _json(_ref("MutationResults")), **_common(400, 401, 413, 415, 422)},
                }
            },
            "/v1/events": {
                "get": {
                    "operationId": "events",
                    "security": bearer,
                    "responses": {
                        "200": {
                            "description": "text/event-stream of `changes` and `presence` events",
                            "content": {"text/event-stream": {"schema": {"type": "string"}}},
                        },
                        **_common(401),
                    },
                }
            },
            "/v1/reveal": {
                "post": {
                    "operationId": "reveal",
                    "security": bearer,
                    "requestBody": _json_body(_ref("RevealRequest")),
                    "responses": {"200": _json(_ref("Reveal")), **_common(400, 401, 404, 413, 415, 422, 429)},
                }
            },
            "/v1/supervisor/audit": {
                "get": {
                    "operationId": "supervisorAudit",
                    "security": bearer,
                    "parameters": [
                        {"name": "limit", "in": "query", "required": False, "schema": int_param},
                        {"name": "before", "in": "query", "required": False, "schema": int_param},
                        {
                            "name": "action",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "maxLength": 32},
                        },
                    ],
                    "responses": {"200": _json(_ref("AuditPage")), **_common(401, 403, 422)},
                }
            },
            "/v1/supervisor/presence": {
                "get": {
                    "operationId": "supervisorPresence",
                    "security": bearer,
                    "responses": {"200": _json(_ref("PresencePage")), **_common(401, 403)},
                }
            },
            "/metrics": {
                "get": {
                    "operationId": "metrics",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "Prometheus text",
                            "content": {"text/plain": {"schema": {"type": "string"}}},
                        }
                    },
                }
            },
        },
    }
