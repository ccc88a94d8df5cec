"""The OpenAPI 3.1 document of the /v1 API (hand-written; schemathesis checks the server against it)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def openapi_document() -> dict[str, Any]:
    from agentdesk.sync.gateway.openapi_spec import build

    return build()
