"""Column types for the local store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, TypeDecorator
from sqlalchemy.engine import Dialect

from agentdesk.timeutil import from_wire, to_store


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetime stored as fixed-width ISO text, so text order is time order."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = from_wire(value)
        return to_store(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else from_wire(value)
