"""The /v1 wire protocol shared by the gateway and the client replicator.

Protocol versions (document every change here, never rename a field or kind):

v1 (0.1.0)
  POST /v1/session            {login, password} -> {token, expires_at, agent}
  DELETE /v1/session          sign out this token;  POST /v1/session/revoke-all: every token of the caller
  GET  /v1/changes            ?cursor=N&limit=L -> {changes: [Change], cursor, has_more}
  POST /v1/mutations          {client_id, mutations: [Mutation]} -> {results: [MutationResult]}
  GET  /v1/events             text/event-stream: `event: changes` data {"version": N}; `event: presence`
  POST /v1/reveal             {entity, id, field, reason} -> {value}
  GET  /v1/health, GET /metrics, GET /openapi.json (no token)
  /v1/supervisor/...          team leads and admins only: dashboard, alerts, presence, approvals,
                              audit, reassign

Changes come in ascending ``version`` order; ``cursor`` is the version of the last change returned.
A cursor older than the server keeps (or 0) means a full snapshot, streamed in pages. The client
stores rows and the new cursor in one transaction.

Client replicator notes (agentdesk.sync.client; the gateway keeps to these):
  * The ``message`` a ``ticket.reply`` / ``ticket.note`` creates carries ``mutation_id`` (the
    creating mutation's id) in its ``data``; the client swaps its placeholder for it by that field.
  * When the gateway answers a cursor it no longer keeps with a full snapshot, the first page says
    ``"reset": true``; the client then drops local rows the snapshot does not contain. A 410, or a
    422 of type ``bad-cursor``, makes the client start over from cursor 0 the same way.
  * ``MutationResult.version`` of an applied or duplicate mutation is the version its effect was
    written at (the client keeps the local overlay until its pull cursor reaches it).

Gateway notes (agentdesk.sync.gateway; additions to v1, nothing renamed):
  * When ``has_more`` is false, ``cursor`` is the newest committed version the caller has fully
    seen, which may be past the last change returned (rows of other teams are skipped); a client
    stores it like any cursor. A cursor ahead of the server (its database was replaced) gets 410
    with type ``bad-cursor``. ``limit`` is clamped to 1..MAX_PAGE, never refused.
  * Messages created by ``ticket.reply`` / ``ticket.note`` have id ``msg-<mutation_id>``; their data
    holds ``ticket_id, body, public, author_id, author_kind ("agent"), author_name, created_at,
    mutation_id``. The first public reply sets the ticket's ``first_response_at``.
  * ``approval.request`` is sent either on the ticket (entity "ticket", entity_id = ticket id; the
    approval gets id ``apr-<mutation_id>``) or on a new approval id (entity "approval", with
    ``payload.ticket_id``). ``ticket.transfer`` moves the ticket to the team whose ``department``
    matches (its ``team_id`` changes, the assignee is cleared; the old team receives deletes).
  * A retry of a rejected mutation gets the same rejection again (never applied later).
  * ``customer.update`` ignores a personal field whose value is the masked form of the current
    value (a client echoing what it was shown) and, for non-admins, ``contacts``.
  * ``POST /v1/reveal`` fields: ``phone``, ``email``, ``address``, ``national_id`` or
    ``contacts.N`` (the N-th contact handle); entities ``customer``, ``agent``, ``organization``.
  * ``DELETE /v1/session`` -> 204; ``POST /v1/session/revoke-all`` -> {revoked: N}.
  * ``GET /v1/supervisor/audit?limit&before&action`` -> {entries: [{id, at, actor_id, action, entity,
    entity_id, field, reason, detail}]} (newest first; a lead sees their teams' agents);
    ``GET /v1/supervisor/presence`` -> {agents: [{agent_id, name, state: online|away|offline,
    last_seen_at}]}. The events stream sends ``event: presence`` {agent_id, state} to leads/admins.
  * Extra problem types: ``unsupported-media-type`` (415), ``method-not-allowed`` (405),
    ``server-error`` (500). A 401 carries ``WWW-Authenticate: Bearer``; 429 carries Retry-After.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

from agentdesk.domain.enums import Entity, MutationKind
from agentdesk.privacy.masking import PERSONAL_FIELDS as PERSONAL_FIELDS  # one definition, in the core

API_PREFIX = "/v1"
PROTOCOL_VERSION = 1
MAX_BODY_BYTES = 1024 * 1024
DEFAULT_PAGE = 1000
MAX_PAGE = 10000
MAX_MUTATIONS_PER_REQUEST = 500

ENTITIES: tuple[str, ...] = tuple(e.value for e in Entity)
MUTATION_KINDS: tuple[str, ...] = tuple(k.value for k in MutationKind)

Op = Literal["upsert", "delete"]
MutationStatus = Literal["applied", "duplicate", "rejected"]


class Change(TypedDict):
    entity: str
    id: str
    op: Op
    version: int
    data: NotRequired[dict[str, Any] | None]  # absent or null for deletes


class ChangesPage(TypedDict):
    changes: list[Change]
    cursor: int
    has_more: bool
    reset: NotRequired[bool]  # first page of a snapshot served for a cursor older than the server keeps


class Mutation(TypedDict):
    mutation_id: str  # UUID, generated by the client, the idempotency key
    kind: str  # one of MUTATION_KINDS
    entity: str
    entity_id: str
    base_version: int | None
    payload: dict[str, Any]


class MutationBatch(TypedDict):
    client_id: str
    mutations: list[Mutation]


class MutationResult(TypedDict):
    mutation_id: str
    status: MutationStatus
    reason: str | None  # why a mutation was rejected (machine code + text, see REJECT_*)
    version: int | None  # the server version the effect was written at
    current: NotRequired[dict[str, Any] | None]  # for rejections: the entity's current data


class SessionAgent(TypedDict):
    id: str
    login: str
    name: str
    role: Literal["agent", "team_lead", "admin"]
    team_ids: list[str]


class SessionInfo(TypedDict):
    token: str
    expires_at: str
    agent: SessionAgent


# Stable problem types (RFC 9457 "type" member); the path after the base never changes.
PROBLEM_BASE = "https://agentdesk.dev/problems/"


def problem_type(name: str) -> str:
    return PROBLEM_BASE + name


class Problems:
    MALFORMED = problem_type("malformed-request")  # 400: not JSON / not an object
    VALIDATION = problem_type("validation-error")  # 422: schema violation; `errors` lists them
    UNAUTHENTICATED = problem_type("unauthenticated")  # 401: missing, bad or expired token
    FORBIDDEN = problem_type("forbidden")  # 403: role does not allow this endpoint
    NOT_FOUND = problem_type("not-found")  # 404: no such row, or not visible to the caller
    TOO_LARGE = problem_type("payload-too-large")  # 413
    RATE_LIMITED = problem_type("rate-limited")  # 429 with Retry-After
    BAD_CURSOR = problem_type("bad-cursor")  # 422: negative / non-integer cursor
    UNAVAILABLE = problem_type("unavailable")  # 503: store down; retry later
    UNSUPPORTED_MEDIA = problem_type("unsupported-media-type")  # 415: a body that is not JSON
    METHOD_NOT_ALLOWED = problem_type("method-not-allowed")  # 405
    SERVER_ERROR = problem_type("server-error")  # 500: a bug; the request may be retried


# Reasons for "rejected" mutation results: "<code>: <human text>".
REJECT_ILLEGAL_TRANSITION = "illegal_transition"
REJECT_CLOSED = "ticket_closed"
REJECT_FORBIDDEN = "forbidden"
REJECT_NOT_FOUND = "not_found"
REJECT_INVALID = "invalid"
REJECT_LIMIT = "over_limit"
