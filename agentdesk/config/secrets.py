"""Secrets (gateway tokens, store keys) live in the OS keyring and nowhere else.

When no usable keyring backend exists the caller is told so (SecretStoreError) and asks again on
the next start; there is deliberately no clear-text fallback.

Every keyring call runs on one ordered worker thread: a Secret Service (D-Bus) keyring or a macOS
keychain prompt can take seconds, so the console's UI thread only queues (``remember_later``,
``read_later``); the synchronous calls queue too and wait, so they see every write queued before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from agentdesk.errors import SecretStoreError

if TYPE_CHECKING:  # concurrent.futures loads with the first keyring call (the CLI's start is timed)
    from concurrent.futures import Future, ThreadPoolExecutor

SERVICE = "AgentDesk"
WORKER_NAME = "agentdesk-keyring"
log = logging.getLogger(__name__)
T = TypeVar("T")
_worker: ThreadPoolExecutor | None = None
_worker_lock = threading.Lock()
_local = threading.local()


def _mark_worker() -> None:
    _local.on_worker = True


def _executor() -> ThreadPoolExecutor:
    global _worker
    with _worker_lock:
        if _worker is None:
            from concurrent.futures import ThreadPoolExecutor

            _worker = ThreadPoolExecutor(1, thread_name_prefix=WORKER_NAME, initializer=_mark_worker)
        return _worker


def _submit(fn: Callable[..., T], *args: object) -> Future[T]:
    try:
        return _executor().submit(fn, *args)
    except RuntimeError:  # the interpreter is exiting (no new threads): here, then
        from concurrent.futures import Future

        future: Future[T] = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def _later(fn: Callable[..., T], *args: object) -> Future[T]:
    """``fn(*args)`` on the keyring worker, after everything queued before it."""
    future = _submit(fn, *args)
    future.add_done_callback(_log_unexpected)
    return future


def _ordered(fn: Callable[..., T], *args: object) -> T:
    """``fn(*args)`` on the keyring worker, waited for (directly when already on it)."""
    if getattr(_local, "on_worker", False):
        return fn(*args)
    return _submit(fn, *args).result()


def _log_unexpected(future: Future[T]) -> None:
    error = None if future.cancelled() else future.exception()
    if error is not None and not isinstance(error, SecretStoreError):
        log.error("a keyring call failed", exc_info=error)


def backend_name() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_usable() -> bool:
    """False for keyring's fail/null backends and for a chainer with nothing viable to chain."""
    from keyring.backends.chainer import ChainerBackend

    backend = keyring.get_keyring()
    name = type(backend).__module__
    if name.startswith("keyring.backends.fail") or name.startswith("keyring.backends.null"):
        return False
    if isinstance(backend, ChainerBackend):
        return any(getattr(b, "priority", 0) > 0 for b in backend.backends)
    priority = getattr(backend, "priority", 1)
    return bool(priority and priority > 0)


def _require() -> None:
    if not keyring_usable():
        raise SecretStoreError(
            "No secure credential store (OS keyring) is available on this computer, so AgentDesk "
            "cannot remember your sign-in. You will be asked again next time. IT can enable the "
            "Windows Credential Manager, the macOS Keychain or a Secret Service provider."
        )


def _account(profile: str, name: str) -> str:
    return f"{profile}:{name}"


def get_secret(profile: str, name: str) -> str | None:
    return _ordered(_get, profile, name)


def set_secret(profile: str, name: str, value: str) -> None:
    _ordered(_set, profile, name, value)


def remember_later(profile: str, name: str, value: str) -> Future[bool]:
    """``set_secret`` on the keyring worker, not waited for (what the UI thread calls), except that
    without a usable keyring the value is only logged as kept for this session (the caller holds
    it in memory); the future tells whether the keyring took it."""
    return _later(_remember, profile, name, value)


def read_later(profile: str, name: str) -> Future[str | None]:
    """``get_secret`` on the keyring worker, not waited for; None also when the keyring is unusable."""
    return _later(_read, profile, name)


def delete_secret(profile: str, name: str) -> None:
    _ordered(_delete, profile, name)


def store_key(profile: str, *, create: bool = True) -> bytes | None:
    """The profile's local-store encryption key (32 random bytes), made on first use."""
    return _ordered(_store_key, profile, create)


# ---- the keyring calls themselves (on the worker) ------------------------------------------------


def _get(profile: str, name: str) -> str | None:
    _require()
    try:
        return keyring.get_password(SERVICE, _account(profile, name))
    except KeyringError as exc:
        raise SecretStoreError(f"The OS keyring refused to read a secret: {exc}") from exc


def _read(profile: str, name: str) -> str | None:
    try:
        return _get(profile, name)
    except SecretStoreError:
        return None


def _set(profile: str, name: str, value: str) -> None:
    _require()
    try:
        keyring.set_password(SERVICE, _account(profile, name), value)
    except KeyringError as exc:
        raise SecretStoreError(f"The OS keyring refused to store a secret: {exc}") from exc


def _remember(profile: str, name: str, value: str) -> bool:
    try:
        _set(profile, name, value)
    except SecretStoreError:
        log.info("no keyring: the %s of %s is kept for this session only", name, profile)
        return False
    return True


def _delete(profile: str, name: str) -> None:
    _require()
    try:
        keyring.delete_password(SERVICE, _account(profile, name))
    except PasswordDeleteError:
        pass
    except KeyringError as exc:
        raise SecretStoreError(f"The OS keyring refused to delete a secret: {exc}") from exc


def _store_key(profile: str, create: bool) -> bytes | None:
    import os

    value = _get(profile, "store-key")
    if value:
        return bytes.fromhex(value)
    if not create:
        return None
    key = os.urandom(32)
    _set(profile, "store-key", key.hex())
    return key
