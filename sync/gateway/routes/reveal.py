"""``POST /v1/reveal``: one personal value in clear, for a stated reason, audited and rate-limited."""

from __future__ import annotations

import logging
import time

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentdesk.sync.gateway.deps import current_principal, gateway, json_body, object_body, off_loop
from agentdesk.sync.gateway.privacy import field_value, revealable
from agentdesk.sync.gateway.problems import ProblemError
from agentdesk.sync.gateway.store import audit
from agentdesk.sync.gateway.store.records import is_visible, load

log = logging.getLogger(__name__)
MAX_REASON = 500
_DENIED = object()


async def reveal(request: Request) -> Response:
    gw = gateway(request)
    principal = await current_principal(request)
    body = object_body(await json_body(request))
    entity, entity_id, field, reason = (body.get(k) for k in ("entity", "id", "field", "reason"))
    errors = []
    if not isinstance(entity, str) or not isinstance(field, str) or not revealable(entity, field):
        errors.append(
            {
                "path": "field",
                "message": "entity and field must name a personal field "
                "(phone, email, address, national_id, contacts.N)",
            }
        )
    if not isinstance(entity_id, str) or not entity_id or len(entity_id) > 128:
        errors.append({"path": "id", "message": "id must be a non-empty string"})
    if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_REASON:
        errors.append(
            {"path": "reason", "message": f"say why you need the value (1..{MAX_REASON} characters)"}
        )
    if errors:
        raise ProblemError(422, "A reveal needs an entity, id, personal field and a reason.", errors=errors)
    assert isinstance(entity, str) and isinstance(entity_id, str) and isinstance(field, str)
    assert isinstance(reason, str)
    cfg = gw.config

    def do() -> object:
        with gw.store.write() as tx:
            now = time.time()
            count, oldest = audit.count_since(
                tx.conn, principal.agent_id, "reveal", now - cfg.reveal_window_seconds
            )
            if count >= cfg.reveal_limit:
                wait = (oldest or now) + cfg.reveal_window_seconds - now
                raise ProblemError(
                    429,
                    "You have revealed many values lately; wait before the next one.",
                    retry_after=max(1.0, wait),
                )
            if not is_visible(tx.conn, entity, entity_id, principal.scope):
                return _DENIED
            record = load(tx.conn, entity, entity_id)
            value = field_value(record.data or {}, field) if record else None
            audit.record(
                tx.conn,
                principal.agent_id,
                "reveal",
                entity=entity,
                entity_id=entity_id,
                field=field,
                reason=reason.strip(),
            )
            return value

    value = await off_loop(do)
    if value is _DENIED:

        def note_denied() -> None:  # its own transaction: the 404 must still be on record
            with gw.store.write() as tx:
                audit.record(
                    tx.conn,
                    principal.agent_id,
                    "reveal_denied",
                    entity=entity,
                    entity_id=entity_id,
                    field=field,
                    reason=reason.strip(),
                )

        await off_loop(note_denied)
        raise ProblemError(404, f"No {entity} {entity_id} that you may see.")
    gw.metrics.reveals += 1
    log.info("agent %s revealed %s of %s %s", principal.agent_id, field, entity, entity_id)
    return Response(orjson.dumps({"value": value}), media_type="application/json")


routes = [Route("/v1/reveal", reveal, methods=["POST"])]
