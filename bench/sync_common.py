"""Shared pieces of the sync benches: a gateway database with N customers and M tickets, loaded in bulk.

Not a bench itself (run the bench/sync_*.py scripts); imported by them.
"""

from __future__ import annotations

import atexit
import hashlib
import inspect
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agentdesk.sync.gateway.seed import fixed_rows
from tests.sync.gatewayproc import GatewayProcess, seed_database

TEAM = "team-billing"  # demo.agent's team: every generated ticket reaches demo.agent


def generated_rows(customers: int, tickets: int) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for c in range(customers):
        yield (
            "customer",
            f"bc-{c}",
            {
                "name": f"Bench Customer {c}",
                "tier": "VIP" if c % 9 == 0 else "standard",
                "tags": ["price-sensitive"] if c % 5 == 0 else [],
                "health_score": 40 + c % 60,
                "churn_risk": "medium",
                "verified": c % 2 == 0,
                "language": "en",
                "email": f"bench{c}@example.com",
                "created_at": "2026-01-01T00:00:00Z",
            },
        )
    for t in range(tickets):
        yield (
            "ticket",
            f"bt-{t}",
            {
                "number": 100000 + t,
                "subject": f"Bench ticket {t}: order arrived damaged",
                "status": ("new", "open", "pending", "solved")[t % 4],
                "priority": ("P1", "P2", "P3")[t % 3],
                "category": "delivery",
                "department": "billing",
                "team_id": TEAM,
                "customer_id": f"bc-{t % max(customers, 1)}",
                "assignee_id": None,
                "tags": [],
                "channel": "email",
                "created_at": "2026-11-20T09:00:00Z",
                "updated_at": "2026-11-20T09:00:00Z",
            },
        )


def build_gateway_db(path: Path, customers: int, tickets: int) -> dict[str, Any]:
    """A fresh gateway SQLite database: the demo sign-ins and teams plus the generated rows.

    Built once per size and kept in ``AGENTDESK_BENCH_CACHE`` (default ``$TMPDIR/agentdesk-bench``;
    a million tickets take minutes to load), then copied to ``path``: the gateway writes to it.
    The cache key covers the generator and the gateway schema (delete the folder after other changes
    to what the gateway stores).
    """
    from agentdesk.sync.gateway.store import schema

    if path.exists():
        path.unlink()
    source = inspect.getsource(generated_rows) + inspect.getsource(schema)
    key = hashlib.sha256(f"{customers}:{tickets}:{source}".encode()).hexdigest()[:16]
    cache = Path(os.environ.get("AGENTDESK_BENCH_CACHE") or Path(tempfile.gettempdir()) / "agentdesk-bench")
    cached = cache / f"gateway-{customers}-{tickets}-{key}.db"
    started = time.perf_counter()
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".part{os.getpid()}")  # another run may be building it too
        rows = seed_database(partial, _chain(fixed_rows(customers=10), generated_rows(customers, tickets)))
        (cache / f"{cached.name}.rows").write_text(str(rows))
        partial.rename(cached)
        reused = False
    else:
        reused = True
    shutil.copyfile(cached, path)
    rows = int((cache / f"{cached.name}.rows").read_text())
    return {"rows": rows, "load_seconds": round(time.perf_counter() - started, 2), "cached": reused}


def _chain(*parts: Iterator[Any]) -> Iterator[Any]:
    for part in parts:
        yield from part


def workdir(prefix: str) -> Path:
    """A temporary folder for one bench run, removed when the run ends (stores are large)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def gateway(path: Path, **kwargs: Any) -> GatewayProcess:
    """A gateway process on an existing database (not started yet: use it in ``with``)."""
    return GatewayProcess(path, seed_demo=False, **kwargs)


def small_gateway(path: Path) -> GatewayProcess:
    """A gateway process on a fresh database with the gateway's small fixed demo set."""
    seed_database(path)
    return gateway(path)
