"""Checking the agent's password to unlock the console (no Qt here).

Online, the gateway checks it (``POST /v1/session``, which also applies the gateway's own sign-in
throttle). Offline, a local verifier does: a salted scrypt hash made from the password at sign-in.

The verifier lives in the OS keyring next to the token and the store key, not in the profile
folder: a hash in a file can be copied off (backups, roaming profiles) and guessed at offline
without limit, while the keyring is guarded by the OS sign-in. Whoever can read the keyring has the
token and the store key already, so the verifier there adds nothing to what they can reach. With no
usable keyring the verifier is kept in memory for the session only (the token is not remembered
either then, so every start signs in online and makes a new one).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass
from typing import Any, Literal

from agentdesk.errors import GatewayUnreachable, SignedOut

log = logging.getLogger(__name__)

VERIFIER_SECRET = "unlock-verifier"  # keyring entry name, next to "token" and "store-key"
LOCK_STATE_KEY = "console_lock"  # sync_state row: locked flag and wrong-password count
_N, _R, _P = 2**15, 8, 1  # scrypt cost: 32 MiB and ~0.1 s per check
_MAX_N = 2**20
FREE_TRIES = 5  # wrong passwords before the console makes the agent wait
WAIT_BASE_SECONDS = 30.0
WAIT_CAP_SECONDS = 900.0

Outcome = Literal["online", "offline", "wrong", "throttled", "unverifiable"]


def make_verifier(password: str) -> str:
    salt = os.urandom(16)
    digest = _scrypt(password, salt, _N, _R, _P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_verifier(verifier: str, password: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = verifier.split("$")
        cost = (int(n), int(r), int(p))
        if scheme != "scrypt" or not 2 <= cost[0] <= _MAX_N or cost[1] > 64 or cost[2] > 16:
            return False
        expected = bytes.fromhex(digest)
        actual = _scrypt(password, bytes.fromhex(salt), *cost)
    except ValueError:
        log.warning("the stored unlock verifier is malformed")
        return False
    return hmac.compare_digest(actual, expected)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32
    )


@dataclass(frozen=True)
class Unlock:
    outcome: Outcome
    session: dict[str, Any] | None = None  # online: the session the check made (a new token)
    verifier: str | None = None  # online: a fresh verifier for the password that worked
    retry_after: float | None = None  # throttled: seconds the gateway asks us to wait


def check_password(server_url: str, login: str, password: str, verifier: str | None) -> Unlock:
    """The gateway's answer when it answers; the local verifier only when it cannot be reached.

    Runs on a short-lived thread (network and scrypt are slow). Other refusals (e.g. 403) raise.
    """
    from agentdesk.ui.widgets.signin import sign_in_call

    try:
        session = sign_in_call(server_url, login, password) if server_url else None
    except SignedOut:
        return Unlock("wrong")
    except GatewayUnreachable as exc:
        if exc.status == 429:  # the gateway's throttle: never fall back to the local check
            return Unlock("throttled", retry_after=exc.retry_after)
        session = None
    if session is not None:
        return Unlock("online", session=session, verifier=make_verifier(password))
    if verifier is None:
        return Unlock("unverifiable")
    return Unlock("offline" if check_verifier(verifier, password) else "wrong")


def wait_after(failures: int) -> float:
    """Seconds before the next try after ``failures`` wrong passwords in a row (doubling)."""
    if failures < FREE_TRIES:
        return 0.0
    return min(WAIT_CAP_SECONDS, WAIT_BASE_SECONDS * 2 ** (failures - FREE_TRIES))


@dataclass(frozen=True)
class LockState:
    """Kept in the (encrypted) store, so ending the process neither unlocks nor resets the count."""

    locked: bool = False
    failures: int = 0
    blocked_until: float = 0.0  # wall-clock time.time()


def load_lock_state(store: Any) -> LockState:
    with store.connect() as conn:
        row = conn.exec_driver_sql("SELECT value FROM sync_state WHERE key = ?", (LOCK_STATE_KEY,)).first()
    if row is None:
        return LockState()
    try:
        value = json.loads(row[0]) if isinstance(row[0], str) else row[0]
        return LockState(bool(value["locked"]), int(value["failures"]), float(value["blocked_until"]))
    except (TypeError, KeyError, ValueError):
        return LockState(locked=True)  # unreadable: err on the locked side


def save_lock_state(store: Any, state: LockState) -> None:
    value = {"locked": state.locked, "failures": state.failures, "blocked_until": state.blocked_until}
    with store.connect() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (LOCK_STATE_KEY, json.dumps(value)),
        )
