"""The one exception tree of AgentDesk core.

AgentDeskError
├── ConfigError            a settings or policy value is invalid (names file and key)
├── SecretStoreError       no usable OS keyring, or it refused
├── StoreError             the local store
│   ├── StoreCorrupt       integrity check failed / not a database / wrong schema
│   ├── StoreLocked        another process holds the file
│   └── MigrationFailed    a schema migration failed (the backup was restored)
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
