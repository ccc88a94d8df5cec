"""Signing out: the gateway forgets the token, this computer forgets the profile.

Order matters: the replicator stops first (so it cannot meet its own revoked token and ask the
agent to sign in again), then the token is revoked, then the store closes and its files, backups
and keyring entries go. ``Console.close`` runs the last part once the window is gone.

Its keyring calls wait for the keyring worker (agentdesk.config.secrets), after the writes this
session queued there (a token from signing in again is found, revoked and deleted too); they run
after the event loop ended, with no window on screen, so the wait freezes nothing.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path
from typing import Any

from agentdesk.store import files

log = logging.getLogger(__name__)

SECRET_NAMES = ("token", "store-key", "unlock-verifier")
REVOKE_TIMEOUT = 5.0


def revoke_token(server_url: str, token: str) -> bool:
    """``DELETE /v1/session`` with ``token``; False when the gateway could not be reached."""
    import httpx

    from agentdesk.sync.protocol import API_PREFIX

    try:
        response = httpx.delete(
            f"{server_url.rstrip('/')}{API_PREFIX}/session",
            headers={"authorization": f"Bearer {token}"},
            timeout=REVOKE_TIMEOUT,
        )
    except httpx.HTTPError as exc:
        log.info("the token was not revoked (%s); it expires on its own", type(exc).__name__)
        return False
    return response.status_code in (204, 401)  # 401: it was not valid any more anyway


def remove_store_files(store_path: Path) -> list[Path]:
    """The store, its WAL/SHM/journal and interrupted-restore leftovers, and its backups folder."""
    removed = []
    for path in sorted(store_path.parent.glob(store_path.name + "*")):
        if path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    files.remove_sidecars(store_path)
    backups = files.backups_dir(store_path)
    if backups.is_dir():
        shutil.rmtree(backups, ignore_errors=True)
        removed.append(backups)
    with contextlib.suppress(OSError):
        store_path.parent.rmdir()  # the profile folder, when nothing else is in it
    return removed


def forget_secrets(profile: str) -> None:
    from agentdesk.config import secrets
    from agentdesk.errors import SecretStoreError

    if not secrets.keyring_usable():
        return
    for name in SECRET_NAMES:
        try:
            secrets.delete_secret(profile, name)
        except SecretStoreError as exc:
            log.warning("keyring entry %s of %s not deleted: %s", name, profile, exc)


def known_tokens(console: Any) -> list[str]:
    """Every token this session may hold: the one it started with, the keyring's, the replicator's."""
    from agentdesk.config import secrets
    from agentdesk.errors import SecretStoreError

    found = [console.token, getattr(console.replicator, "_token", None)]
    with contextlib.suppress(SecretStoreError):
        found.append(secrets.get_secret(console.profile, "token"))
    return list(dict.fromkeys(t for t in found if t))


def revoke_all_known(console: Any) -> None:
    """Revoke what this session signed in with (the replicator has stopped)."""
    server_url = getattr(console.replicator, "server_url", "") or console.server_url
    for token in known_tokens(console):
        if server_url:
            revoke_token(server_url, token)


def finish(console: Any) -> None:
    """After the replicator stopped and the store closed: revoke, then forget the profile."""
    revoke_all_known(console)
    forget_profile(console)


def forget_profile(console: Any) -> None:
    """Local data and keyring entries go; the next agent at this computer is not offered this login."""
    removed = remove_store_files(Path(console.store.path))
    forget_secrets(console.profile)
    settings = getattr(console.window, "settings", None)
    if settings is not None and not settings.effective["last_profile"].locked:
        try:
            if settings["last_profile"] == console.profile:
                settings.set("last_profile", "")
                settings.save()
        except Exception:
            log.warning("could not clear the last profile in the settings", exc_info=True)
    log.info("signed out of %s: %d local files removed", console.profile, len(removed))
