"""``POST /v1/mutations``: validate the whole batch, then apply it in one transaction (apply.py)."""

from __future__ import annotations

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agentdesk.sync.gateway.deps import current_principal, gateway, json_body, off_loop
from agentdesk.sync.gateway.mutations.apply import apply_batch
from agentdesk.sync.gateway.mutations.validate import validate_batch
from agentdesk.sync.gateway.problems import ProblemError


async def mutations(request: Request) -> Response:
    gw = gateway(request)
    principal = await current_principal(request)
    body = await json_body(request)
    items, errors = validate_batch(body)
    if errors:
        raise ProblemError(
            422, f"{len(errors)} problem(s) in the batch; nothing was applied.", errors=errors[:100]
        )
    client_id = str(body["client_id"])
    results = await off_loop(apply_batch, gw.store, principal, client_id, items)
    for result in results:
        gw.metrics.count_mutation(result["status"])
    return Response(orjson.dumps({"results": results}), media_type="application/json")


routes = [Route("/v1/mutations", mutations, methods=["POST"])]
