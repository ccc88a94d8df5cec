"""File-level care of a store: header checks, integrity, online backups, restore."""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agentdesk.store.engine import connect_raw

SQLITE_MAGIC = b"SQLite format 3\x00"
SQLCIPHER_PAGE_SIZE = 4096
BACKUP_SUFFIX = ".sqlite3"
KEEP_BACKUPS = 5


def backups_dir(store_path: Path) -> Path:
    return store_path.parent / "backups"


def latest_backup(store_path: Path) -> Path | None:
    folder = backups_dir(store_path)
    if not folder.is_dir():
        return None
    candidates = sorted(folder.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    return candidates[0] if candidates else None


def header_problem(path: Path, key: bytes | None = None) -> str | None:
    """Cheap structural checks that catch truncation and foreign files without reading every page."""
    size = path.stat().st_size
    if size == 0:
        return None  # an empty file is a new database
    if key is not None:
        # An encrypted file starts with its salt, not the SQLite header; only the size can be checked.
        if size % SQLCIPHER_PAGE_SIZE:
            return f"file size {size} is not a whole number of pages (truncated?)"
        return None
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return "not an SQLite database (bad header)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"invalid page size {page_size}"
    if size % page_size:
        return f"file size {size} is not a whole number of {page_size}-byte pages (truncated?)"
    change_counter = int.from_bytes(header[24:28], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    pages_in_header = int.from_bytes(header[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    # The in-header page count is trustworthy only when valid-for matches the change counter,
    # and a WAL may hold pages that are not yet in the main file.
    header_trusted = valid_for == change_counter and pages_in_header
    if header_trusted and not (wal.exists() and wal.stat().st_size) and size < pages_in_header * page_size:
        return f"file has {size // page_size} pages but its header says {pages_in_header} (truncated)"
    return None


def integrity_problems(path: Path, *, full: bool = True, key: bytes | None = None) -> list[str]:
    """Run SQLite's integrity_check (or quick_check); an empty list means the file is sound."""
    problem = header_problem(path, key)
    if problem:
        return [problem]
    try:
        conn = connect_raw(path, key, readonly=True)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)")]
        finally:
            conn.close()
    except Exception as exc:  # sqlite3 and sqlcipher3 have separate DatabaseError classes
        if not _is_database_error(exc):
            raise
        message = str(exc)
        if key is not None and "not a database" in message:
            message = "cannot be read: damaged, or encrypted with another key"
        return [message]
    return [] if rows == ["ok"] else rows


def _is_database_error(exc: BaseException) -> bool:
    return type(exc).__name__ in {"DatabaseError", "OperationalError", "IntegrityError", "NotADatabaseError"}


def read_revision(path: Path, key: bytes | None = None) -> str | None:
    """The Alembic revision recorded in a store file, or None if it has none / cannot be read."""
    try:
        conn = connect_raw(path, key, readonly=True)
    except Exception as exc:
        if _is_database_error(exc):
            return None
        raise
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except Exception as exc:
        if _is_database_error(exc):
            return None
        raise
    finally:
        conn.close()
    return row[0] if row else None


def online_backup(source: Path, dest: Path, key: bytes | None = None) -> Path:
    """Copy a live store with SQLite's online backup API, atomically into ``dest``.

    An encrypted store's backup is encrypted with the same key.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    src: Any = connect_raw(source, key)
    try:
        dst: Any = connect_raw(tmp, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, dest)
    return dest


def rotate_backups(store_path: Path, *, keep: int = KEEP_BACKUPS) -> None:
    folder = backups_dir(store_path)
    if not folder.is_dir():
        return
    files = sorted(folder.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def new_backup_path(store_path: Path, label: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return backups_dir(store_path) / f"{store_path.stem}-{label}-{stamp}{BACKUP_SUFFIX}"


def remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


def replace_with_copy(source: Path, dest: Path) -> None:
    """Put a copy of ``source`` at ``dest`` atomically (the old file and its WAL go away)."""
    tmp = dest.with_name(dest.name + ".restoring")
    shutil.copyfile(source, tmp)
    remove_sidecars(dest)
    os.replace(tmp, dest)
