"""Secrets (gateway tokens, store keys) live in the OS keyring and nowhere else.

When no usable keyring backend exists the caller is told so (SecretStoreError) and asks again on
the next start; there is deliberately no clear-text fallback.
"""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from agentdesk.errors import SecretStoreError

SERVICE = "AgentDesk"
log = logging.getLogger(__name__)


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
    _require()
    try:
        return keyring.get_password(SERVICE, _account(profile, name))
    except KeyringError as exc:
        raise SecretStoreError(f"The OS keyring refused to read a secret: {exc}") from exc


def set_secret(profile: str, name: str, value: str) -> None:
    _require()
    try:
        keyring.set_password(SERVICE, _account(profile, name), value)
    except KeyringError as exc:
        raise SecretStoreError(f"The OS keyring refused to store a secret: {exc}") from exc


def remember(profile: str, name: str, value: str) -> bool:
    """``set_secret``, except that without a usable keyring the value is only logged as kept for this
    session (the caller holds it in memory); whether the keyring took it."""
    try:
        set_secret(profile, name, value)
    except SecretStoreError:
        log.info("no keyring: the %s of %s is kept for this session only", name, profile)
        return False
    return True


def delete_secret(profile: str, name: str) -> None:
    _require()
    try:
        keyring.delete_password(SERVICE, _account(profile, name))
    except PasswordDeleteError:
        pass
    except KeyringError as exc:
        raise SecretStoreError(f"The OS keyring refused to delete a secret: {exc}") from exc


def store_key(profile: str, *, create: bool = True) -> bytes | None:
    """The profile's local-store encryption key (32 random bytes), made on first use."""
    import os

    value = get_secret(profile, "store-key")
    if value:
        return bytes.fromhex(value)
    if not create:
        return None
    key = os.urandom(32)
    set_secret(profile, "store-key", key.hex())
    return key
