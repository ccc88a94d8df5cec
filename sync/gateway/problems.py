"""RFC 9457 problem+json responses with the stable types of ``agentdesk.sync.protocol.Problems``."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response

from agentdesk.sync.protocol import Problems

PROBLEM_MEDIA = "application/problem+json"
_TITLES = {
    400: "Malformed request",
    401: "Not signed in",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    410: "Cursor no longer valid",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "Invalid request",
    429: "Too many requests",
    500: "Server error",
    503: "Service unavailable",
}
_DEFAULT_TYPES = {
    400: Problems.MALFORMED,
    401: Problems.UNAUTHENTICATED,
    403: Problems.FORBIDDEN,
    404: Problems.NOT_FOUND,
    405: Problems.METHOD_NOT_ALLOWED,
    410: Problems.BAD_CURSOR,
    413: Problems.TOO_LARGE,
    415: Problems.UNSUPPORTED_MEDIA,
    422: Problems.VALIDATION,
    429: Problems.RATE_LIMITED,
    500: Problems.SERVER_ERROR,
    503: Problems.UNAVAILABLE,
}


class ProblemError(Exception):
    """Raised anywhere in a request; turned into a problem+json response by the app."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        type_: str | None = None,
        retry_after: float | None = None,
        **extra: Any,
    ) -> None:
        self.status = status
        self.detail = detail
        self.type = type_ or _DEFAULT_TYPES.get(status, Problems.MALFORMED)
        self.retry_after = retry_after
        self.extra = extra
        super().__init__(detail)


def problem_response(
    status: int,
    detail: str,
    *,
    type_: str | None = None,
    retry_after: float | None = None,
    instance: str | None = None,
    **extra: Any,
) -> Response:
    allow = extra.pop("allow", None)
    body: dict[str, Any] = {
        "type": type_ or _DEFAULT_TYPES.get(status, Problems.MALFORMED),
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    body.update(extra)
    headers = {}
    if retry_after is not None:
        headers["Retry-After"] = str(max(1, int(retry_after + 0.999)))
    if allow:
        headers["Allow"] = ", ".join(allow)
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="agentdesk"'
    return Response(orjson.dumps(body), status_code=status, media_type=PROBLEM_MEDIA, headers=headers)


def from_error(error: ProblemError, instance: str | None = None) -> Response:
    return problem_response(
        error.status,
        error.detail,
        type_=error.type,
        retry_after=error.retry_after,
        instance=instance,
        **error.extra,
    )
