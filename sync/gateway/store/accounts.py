"""Sign-ins: argon2 password hashes, bearer tokens stored as sha256, login throttling.

Tokens are 256-bit random strings; only their sha256 is stored, so a copy of the database does not
let anyone sign in. Throttling lives in the database (``gw_throttle``) so that every gateway
process behind a load balancer counts the same failures.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass, replace
from typing import Any

import orjson
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, and_, bindparam, delete, insert, select, text, update

from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.records import load

AUTH_CHANNEL = "agentdesk_auth"
_hasher = PasswordHasher()
# Verified for unknown logins too, so a wrong login costs the same time as a wrong password.
_DUMMY_HASH = _hasher.hash("agentdesk-no-such-account")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Principal:
    agent_id: str
    login: str
    name: str
    role: str
    team_ids: tuple[str, ...]
    token_hash: str = ""
    expires_at: float = float("inf")  # of the token it was read through

    @property
    def sees_all(self) -> bool:
        return self.role == "admin"

    @property
    def scope(self) -> tuple[str, ...] | None:
        """Teams whose rows this principal may see; None: all (admin)."""
        return None if self.sees_all else self.team_ids

    def session_agent(self) -> dict[str, object]:
        return {
            "id": self.agent_id,
            "login": self.login,
            "name": self.name,
            "role": self.role,
            "team_ids": list(self.team_ids),
        }


def principal_for(conn: Connection, agent_id: str, login: str, token_hash: str = "") -> Principal | None:
    """The principal of an agent, from its ``agent`` row (role and teams live there)."""
    record = load(conn, "agent", agent_id)
    if record is None or record.deleted or record.data is None:
        return None
    return _principal(agent_id, login, record.data, token_hash)


def _principal(agent_id: str, login: str, data: dict[str, Any], token_hash: str) -> Principal:
    role = data.get("role") if data.get("role") in ("agent", "team_lead", "admin") else "agent"
    teams = tuple(t for t in data.get("team_ids") or () if isinstance(t, str))
    return Principal(agent_id, login, str(data.get("name") or login), str(role), teams, token_hash)


def create_account(conn: Connection, agent_id: str, login: str, password: str) -> None:
    conn.execute(
        insert(s.accounts).values(
            agent_id=agent_id,
            login=login.lower(),
            password_hash=hash_password(password),
            disabled=False,
            created_at=time.time(),
        )
    )


@dataclass(frozen=True, slots=True)
class LoginRow:
    agent_id: str
    login: str
    password_hash: str
    disabled: bool


def login_row(conn: Connection, login: str) -> LoginRow | None:
    row = conn.execute(
        select(
            s.accounts.c.agent_id, s.accounts.c.login, s.accounts.c.password_hash, s.accounts.c.disabled
        ).where(s.accounts.c.login == login.lower())
    ).first()
    return None if row is None else LoginRow(row.agent_id, row.login, row.password_hash, bool(row.disabled))


def check_password(row: LoginRow | None, password: str) -> tuple[str, str] | None:
    """(agent_id, login) when the password is right; None otherwise (same cost either way).

    The KDF: slow on purpose. Call it with no connection checked out and off the event loop."""
    stored = row.password_hash if row is not None else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None or row.disabled:
        return None
    return row.agent_id, row.login


def verify_login(conn: Connection, login: str, password: str) -> tuple[str, str] | None:
    return check_password(login_row(conn, login), password)


def issue_token(conn: Connection, agent_id: str, ttl: float) -> tuple[str, float]:
    token = secrets.token_urlsafe(32)
    now = time.time()
    conn.execute(
        insert(s.tokens).values(
            token_hash=hash_token(token),
            agent_id=agent_id,
            created_at=now,
            expires_at=now + ttl,
            revoked_at=None,
        )
    )
    return token, now + ttl


_t, _a = s.tokens, s.accounts
_r = s.records
_HEAD = select(s.counters.c.value).where(s.counters.c.name == "version").scalar_subquery()
# Token, account, agent row and the committed head in one round trip: this runs on every request.
_AUTH = (
    select(
        _t.c.agent_id,
        _t.c.expires_at,
        _t.c.revoked_at,
        _a.c.login,
        _a.c.disabled,
        _r.c.deleted,
        _r.c.change,
        _HEAD.label("head"),
    )
    .select_from(
        _t.join(_a, _a.c.agent_id == _t.c.agent_id).outerjoin(
            _r, and_(_r.c.entity == "agent", _r.c.id == _t.c.agent_id)
        )
    )
    .where(_t.c.token_hash == bindparam("token_hash"))
)


def authenticate_with_head(conn: Connection, token: str) -> tuple[Principal | None, int]:
    """The principal behind ``token`` (None: unknown, expired, revoked, disabled) and the newest
    committed version, read in the same statement."""
    token_hash = hash_token(token)
    row = conn.execute(_AUTH, {"token_hash": token_hash}).first()
    if row is None:
        return None, 0
    head = int(row.head)
    if row.revoked_at is not None or row.disabled or row.expires_at <= time.time():
        return None, head
    if row.change is None or row.deleted:
        return None, head
    data = orjson.loads(row.change).get("data")
    if not isinstance(data, dict):
        return None, head
    principal = _principal(row.agent_id, row.login, data, token_hash)
    return replace(principal, expires_at=float(row.expires_at)), head


def valid_tokens(conn: Connection, token_hashes: list[str], now: float) -> set[str]:
    """Which of ``token_hashes`` still sign someone in (not revoked, not expired, account enabled)."""
    valid: set[str] = set()
    for i in range(0, len(token_hashes), 500):
        rows = conn.execute(
            select(_t.c.token_hash)
            .select_from(_t.join(_a, _a.c.agent_id == _t.c.agent_id))
            .where(
                _t.c.token_hash.in_(token_hashes[i : i + 500]),
                _t.c.revoked_at.is_(None),
                _t.c.expires_at > now,
                _a.c.disabled.is_(False),
            )
        )
        valid.update(r.token_hash for r in rows)
    return valid


def authenticate(conn: Connection, token: str) -> Principal | None:
    return authenticate_with_head(conn, token)[0]


def revoke(conn: Connection, token_hash: str) -> None:
    conn.execute(update(s.tokens).where(s.tokens.c.token_hash == token_hash).values(revoked_at=time.time()))
    _notify_auth(conn, f"token:{token_hash}")


def revoke_all(conn: Connection, agent_id: str) -> int:
    result = conn.execute(
        update(s.tokens)
        .where(s.tokens.c.agent_id == agent_id, s.tokens.c.revoked_at.is_(None))
        .values(revoked_at=time.time())
    )
    _notify_auth(conn, f"agent:{agent_id}")
    return int(result.rowcount or 0)


def _notify_auth(conn: Connection, payload: str) -> None:
    """PostgreSQL: at commit, every gateway process drops its cached copy (tokencache.py)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": AUTH_CHANNEL, "p": payload})


def purge_expired(conn: Connection, older_than: float) -> None:
    conn.execute(delete(s.tokens).where(s.tokens.c.expires_at < older_than))


# -- throttling ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ThrottleRule:
    window: float
    max_failures: int
    lock: float
    max_lock: float


def locked_for(conn: Connection, keys: list[str], now: float) -> float:
    """Seconds until every key is unlocked (0: none locked)."""
    rows = conn.execute(select(s.throttle.c.locked_until).where(s.throttle.c.key.in_(keys))).all()
    return max([0.0] + [r.locked_until - now for r in rows if r.locked_until])


def record_failure(conn: Connection, key: str, rule: ThrottleRule, now: float) -> float:
    """Count one failure; returns the time the key is locked until (0: not locked)."""
    t = s.throttle
    row = conn.execute(select(t.c.window_start, t.c.failures).where(t.c.key == key)).first()
    if row is None or now - row.window_start > rule.window:
        conn.execute(delete(t).where(t.c.key == key))
        conn.execute(insert(t).values(key=key, window_start=now, failures=1, locked_until=None))
        failures = 1
    else:
        failures = row.failures + 1
        conn.execute(update(t).where(t.c.key == key).values(failures=failures))
    if failures >= rule.max_failures:
        lock = min(rule.max_lock, rule.lock * 2 ** (failures - rule.max_failures))
        conn.execute(update(t).where(t.c.key == key).values(locked_until=now + lock))
        return now + lock
    return 0.0


def clear_failures(conn: Connection, key: str) -> None:
    conn.execute(delete(s.throttle).where(s.throttle.c.key == key))


def dumps(value: object) -> str:
    return orjson.dumps(value).decode()
