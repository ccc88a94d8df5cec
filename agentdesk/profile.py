"""The signed-in agent's profile: which one is active, and its local store (encrypted when it can be)."""

from __future__ import annotations

import logging

from agentdesk.config import Paths, Settings, app_paths, load_settings, secrets
from agentdesk.errors import SecretStoreError
from agentdesk.store import Store

log = logging.getLogger(__name__)
DEFAULT_PROFILE = "default"


def active_profile(requested: str | None = None, settings: Settings | None = None) -> str:
    if requested:
        return requested
    settings = settings or load_settings()
    return str(settings["last_profile"] or DEFAULT_PROFILE)


def store_key(profile: str) -> bytes | None:
    """The profile's store key from the OS keyring; None (an unencrypted store) without a keyring."""
    if not secrets.keyring_usable():
        log.warning("no OS keyring: the local store of %s is not encrypted at rest", profile)
        return None
    try:
        return secrets.store_key(profile)
    except SecretStoreError as exc:
        log.warning("the OS keyring refused the store key (%s); the store is not encrypted", exc)
        return None


def open_profile_store(profile: str, paths: Paths | None = None) -> Store:
    paths = paths or app_paths()
    return Store.open(paths.store_path(profile), key=store_key(profile))
