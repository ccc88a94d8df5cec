"""Every gateway tunable in one place, with the defaults a deployment gets."""

from __future__ import annotations

from dataclasses import dataclass, field

from agentdesk.sync.protocol import MAX_BODY_BYTES


@dataclass(frozen=True, slots=True)
class GatewayConfig:
    database_url: str
    seed_demo: bool = False
    token_ttl_seconds: float = 12 * 3600
    max_body_bytes: int = MAX_BODY_BYTES
    # Login throttling: failures inside the window before the key is locked (then doubling locks).
    login_window_seconds: float = 15 * 60
    login_failures_per_account: int = 5
    login_failures_per_address: int = 20
    login_lock_seconds: float = 30.0
    login_lock_max_seconds: float = 15 * 60
    # Reveals of personal values per agent inside the window.
    reveal_limit: int = 20
    reveal_window_seconds: float = 10 * 60
    # SSE: keep-alive comment interval; presence: idle time after which an agent counts as away.
    keepalive_seconds: float = 15.0
    away_after_seconds: float = 5 * 60
    offline_after_seconds: float = 30 * 60
    # No CORS unless origins are configured.
    cors_origins: tuple[str, ...] = ()
    tls: bool = False
    # SQLite only: how often to look for versions committed by another process on the same file.
    sqlite_poll_seconds: float = 0.5
    # Retention in days per entity (see agentdesk.sync.gateway.retention; empty: keep everything);
    # the purge also removes expired bearer tokens, so it runs either way.
    retention_days: tuple[tuple[str, float], ...] = ()
    purge_interval_seconds: float = 3600.0
    demo_customers: int | None = None
    demo_seed: int = 7
    extra: dict[str, str] = field(default_factory=dict)
