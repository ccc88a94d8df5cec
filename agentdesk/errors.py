"""The one exception tree of AgentDesk core.

AgentDeskError
├── ConfigError            a settings or policy value is invalid (names file and key)
├── SecretStoreError       no usable OS keyring, or it refused
├── StoreError             the local store
│   ├── StoreCorrupt       integrity check failed / not a database / wrong schema
│   ├── StoreLocked        another process holds the file
│   ├── MigrationFailed    a schema migration failed (the backup was restored)
│   └── StoreWriteFailed   a write failed (disk full, read-only file); nothing was half-written
├── SyncError              talking to the gateway (agentdesk.sync.client)
│   ├── GatewayUnreachable no connection, timed out, or a 5xx / 429 (retry later)
│   ├── SignedOut          401: the token is missing, wrong or expired (sign in again)
│   ├── BadCursor          the gateway no longer knows our cursor (take a fresh snapshot)
│   └── GatewayRefused     any other 4xx problem+json (``problem_type``, ``status``)
├── PolicyError            a business rule refused an action (status transition, approval limit)
├── TemplateError          a script template is invalid or needs a missing variable
├── InputError             a command-line input file or value is malformed
└── NotAvailable           a feature that this build or platform does not have

User-facing wording is produced at the edge (CLI, console) from ``user_message()``;
nobody matches on the text.
"""

from __future__ import annotations


class AgentDeskError(Exception):
    exit_code: int = 1

    def user_message(self) -> str:
        return str(self)


class ConfigError(AgentDeskError):
    def __init__(self, message: str, *, file: str | None = None, key: str | None = None) -> None:
        self.message = message  # without the file and key, for re-raising with more context
        self.file = file
        self.key = key
        where = ", ".join(part for part in (file and f"file {file}", key and f"key {key!r}") if part)
        super().__init__(f"{message} ({where})" if where else message)


class SecretStoreError(AgentDeskError):
    pass


class StoreError(AgentDeskError):
    exit_code = 3


class StoreCorrupt(StoreError):
    def __init__(self, message: str, *, path: str, backup: str | None = None) -> None:
        self.path = path
        self.backup = backup
        hint = (
            f" A backup from before exists: run 'agentdesk restore {backup}'."
            if backup
            else " No backup is available; 'agentdesk restore PATH' restores one you have."
        )
        super().__init__(f"The local store {path} is damaged: {message}.{hint}")


class StoreLocked(StoreError):
    pass


class MigrationFailed(StoreError):
    pass


class StoreWriteFailed(StoreError):
    def __init__(self, message: str, *, code: str = "write_failed") -> None:
        self.code = code  # "disk_full" | "read_only" | "write_failed"
        super().__init__(message)


class SyncError(AgentDeskError):
    exit_code = 4


class GatewayUnreachable(SyncError):
    def __init__(self, message: str, *, retry_after: float | None = None, status: int | None = None) -> None:
        self.retry_after = retry_after
        self.status = status
        super().__init__(message)


class SignedOut(SyncError):
    pass


class BadCursor(SyncError):
    pass


class GatewayRefused(SyncError):
    def __init__(self, message: str, *, status: int, problem_type: str | None = None) -> None:
        self.status = status
        self.problem_type = problem_type
        super().__init__(message)


class PolicyError(AgentDeskError):
    def __init__(self, message: str, *, code: str = "policy") -> None:
        self.code = code
        super().__init__(message)


class TemplateError(AgentDeskError):
    pass


class InputError(AgentDeskError):
    exit_code = 2


class NotAvailable(AgentDeskError):
    exit_code = 2
