"""``db_url``: each gateway-side supervisor test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from tests.gateway.conftest import db_url

__all__ = ["db_url"]
