"""Errors an upstream system can answer with, mapped at the HTTP boundary.

UpstreamError
├── UpstreamAuthError      401/403: credentials wrong or lacking permission (stop, tell the admin)
├── UpstreamNotFound       404: the record is gone upstream
├── UpstreamInvalid        400/409/422: the upstream refused this record or write
├── UpstreamRateLimited    429: wait ``retry_after`` seconds
├── UpstreamUnavailable    5xx or the network: retry later with backoff
└── UpstreamMalformed      the answer was not the JSON the API documents
"""

from __future__ import annotations


class UpstreamError(Exception):
    retryable = False

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class UpstreamAuthError(UpstreamError):
    pass


class UpstreamNotFound(UpstreamError):
    pass


class UpstreamInvalid(UpstreamError):
    pass


class UpstreamConflict(UpstreamInvalid):
    """409: the record changed upstream since we read it (Zendesk safe_update)."""

    retryable = True


class UpstreamRateLimited(UpstreamError):
    retryable = True


class UpstreamUnavailable(UpstreamError):
    retryable = True


class UpstreamMalformed(UpstreamError):
    pass
