"""The agent's local store: one SQLite file per signed-in profile."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from agentdesk.errors import StoreCorrupt, StoreLocked
from agentdesk.store import files, migrate
from agentdesk.store.engine import make_engine

log = logging.getLogger(__name__)

IntegrityMode = Literal["auto", "full", "quick", "header"]

# Up to this size the open runs SQLite's quick_check (a few hundred ms at most); larger stores get
# the header checks at open and the full check from `agentdesk doctor` or a background task.
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024


class Store:
    """An open, migrated local store. Create with ``Store.open``."""

    def __init__(self, path: Path, engine: Engine, key: bytes | None = None) -> None:
        self.path = path
        self.engine = engine
        self.key = key
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        key: bytes | None = None,
        integrity: IntegrityMode = "auto",
        target: str = "head",
    ) -> Store:
        """Open (creating if needed) the store at ``path``, check it and migrate it to ``target``.

        With ``key`` (32 bytes, kept in the OS keyring per profile) the file is SQLCipher-encrypted.
        Raises StoreCorrupt (with the latest backup to offer) when the file is damaged or the key
        does not fit; nothing is overwritten in that case.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        migrate.recover_interrupted(path)
        if path.exists():
            problems = cls._check(path, integrity, key)
            if problems:
                raise corrupt(path, problems)
        engine = make_engine(path, key)
        try:
            migrate.migrate(engine, path, target, key=key)
        except DatabaseError as exc:
            engine.dispose()
            if isinstance(exc, OperationalError) and "locked" in str(exc.orig).lower():
                raise StoreLocked(f"The local store {path} is in use by another program") from exc
            raise StoreCorrupt(str(exc.orig if hasattr(exc, "orig") else exc), path=str(path),
                               backup=_str(files.latest_backup(path))) from exc
        return cls(path, engine, key)

    @staticmethod
    def _check(path: Path, mode: IntegrityMode, key: bytes | None) -> list[str]:
        if mode == "header" or (mode == "auto" and path.stat().st_size > QUICK_CHECK_MAX_BYTES):
            problem = files.header_problem(path, key)
            return [problem] if problem else []
        return files.integrity_problems(path, full=(mode == "full"), key=key)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection in a transaction that commits on success."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def revision(self) -> str | None:
        return migrate.current_revision(self.engine)

    def check(self, integrity: IntegrityMode = "auto") -> list[str]:
        """What ``open``'s check in mode ``integrity`` finds in the file now (a check put off
        until after the open, as the console does)."""
        return self._check(self.path, integrity, self.key)

    def integrity_problems(self, *, full: bool = True) -> list[str]:
        return files.integrity_problems(self.path, full=full, key=self.key)

    def backup(self, dest: Path | str | None = None, *, label: str = "manual") -> Path:
        """Online backup to ``dest`` (default: the profile's backups folder, rotated)."""
        target = Path(dest) if dest else files.new_backup_path(self.path, label)
        files.online_backup(self.path, target, self.key)
        if dest is None:
            files.rotate_backups(self.path)
        return target

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def restore_store(source: Path | str, store_path: Path | str, *, key: bytes | None = None) -> Path | None:
    """Replace the store at ``store_path`` with ``source`` after checking ``source``.

    The file being replaced is kept beside it (``.replaced-<time>``) and its path returned, so
    a restore never destroys anything. ``source`` must pass SQLite's integrity check and carry a
    schema revision this version knows (older ones are migrated at the next open).
    """
    from agentdesk.errors import InputError

    source, store_path = Path(source), Path(store_path)
    if not source.is_file():
        raise InputError(f"No backup file at {source}")
    problems = files.integrity_problems(source, full=True, key=key)
    if problems:
        raise InputError(f"{source} is not a usable backup: {'; '.join(problems[:3])}")
    revision = files.read_revision(source, key)
    if revision is None or revision not in migrate.known_revisions():
        raise InputError(
            f"{source} is not an AgentDesk store this version can use (schema revision {revision or 'none'})"
        )
    kept: Path | None = None
    if store_path.exists():
        kept = files.new_backup_path(store_path, "replaced")
        kept.parent.mkdir(parents=True, exist_ok=True)
        files.replace_with_copy(store_path, kept)
    store_path.parent.mkdir(parents=True, exist_ok=True)
    files.replace_with_copy(source, store_path)
    log.info("store %s restored from %s", store_path, source)
    return kept


def corrupt(path: Path, problems: list[str]) -> StoreCorrupt:
    """The error for a damaged store: the first problems found, and the latest backup to restore."""
    return StoreCorrupt("; ".join(problems[:3]), path=str(path), backup=_str(files.latest_backup(path)))


def _str(path: Path | None) -> str | None:
    return str(path) if path else None
