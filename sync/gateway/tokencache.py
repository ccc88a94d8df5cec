"""Verified bearer tokens, kept briefly in memory so a poll does not look its token up every time.

How fresh an entry is:

* expiry: checked against the token's own ``expires_at`` at every use (immediate);
* sign-out and sign-out-everywhere through this process: the entries go at once; on PostgreSQL the
  revoking process also sends a NOTIFY that makes every listening process drop them (events.py);
* a commit that may change a principal (agent rows: role, teams; anything sent to "everyone")
  empties the cache when the hub hears of it;
* anything else (a revocation by another process on the same SQLite file, an account disabled in
  the database by hand, a PostgreSQL listener that is reconnecting): within ``TTL`` seconds. The
  cached tokens are checked again in one query every ``TTL / 2`` seconds (``stale`` / ``confirm``),
  so a busy token is never looked up on its own, and one that failed the check goes at once.
"""

from __future__ import annotations

import threading
import time

from agentdesk.sync.gateway.store.accounts import Principal

TTL = 10.0
MAX_ENTRIES = 50_000


class TokenCache:
    def __init__(self, ttl: float = TTL) -> None:
        self.ttl = ttl
        self._entries: dict[str, tuple[Principal, float]] = {}  # token hash -> (principal, cached at)
        self._lock = threading.Lock()
        # Bumped by every invalidation: a lookup that started before one must not store its result.
        self.generation = 0
        self.sweeping = False
        self.swept_at = time.time()

    def get(self, token_hash: str, now: float | None = None) -> Principal | None:
        entry = self._entries.get(token_hash)
        if entry is None:
            return None
        principal, cached_at = entry
        now = time.time() if now is None else now
        if principal.expires_at <= now or now - cached_at >= self.ttl:
            self._entries.pop(token_hash, None)
            return None
        return principal

    def put(self, principal: Principal, generation: int, now: float | None = None) -> None:
        """Remember ``principal`` unless something was invalidated since ``generation`` was read."""
        with self._lock:
            if generation != self.generation or not principal.token_hash:
                return
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[principal.token_hash] = (principal, time.time() if now is None else now)

    def due(self, now: float) -> bool:
        """Time for a batch check (and nobody is running one)."""
        return not self.sweeping and now - self.swept_at >= self.ttl / 2 and bool(self._entries)

    def start_sweep(self, now: float) -> list[str]:
        self.sweeping, self.swept_at = True, now
        return list(self._entries)

    def confirm(self, checked: list[str], valid: set[str], at: float) -> None:
        """The batch check read at ``at``: keep ``valid`` tokens fresh from then, drop the others."""
        with self._lock:
            for token_hash in checked:
                entry = self._entries.get(token_hash)
                if entry is None:
                    continue
                if token_hash in valid:
                    self._entries[token_hash] = (entry[0], max(entry[1], at))
                else:
                    del self._entries[token_hash]
            self.sweeping = False

    def drop_token(self, token_hash: str) -> None:
        with self._lock:
            self.generation += 1
            self._entries.pop(token_hash, None)

    def drop_agent(self, agent_id: str) -> None:
        with self._lock:
            self.generation += 1
            for key in [k for k, (p, _) in self._entries.items() if p.agent_id == agent_id]:
                del self._entries[key]

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()

    def invalidate(self, what: str | None) -> None:
        """``token:<sha256>``, ``agent:<id>`` or None (everything): from NOTIFY or the hub."""
        kind, _, value = (what or "").partition(":")
        if kind == "token" and value:
            self.drop_token(value)
        elif kind == "agent" and value:
            self.drop_agent(value)
        else:
            self.clear()

    def __len__(self) -> int:
        return len(self._entries)
