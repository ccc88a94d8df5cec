"""Store-format timestamps (``2026-11-23T09:00:00.000000Z``) from integer seconds, cheaply.

``agentdesk.timeutil.to_store`` costs a datetime and a strftime per call; a million-customer build
formats ~20 million instants, so the day prefix is cached and the time of day comes from a table.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

DAY = 86_400
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_TIME_OF_DAY: list[str] | None = None


def _time_of_day() -> list[str]:
    global _TIME_OF_DAY
    if _TIME_OF_DAY is None:
        _TIME_OF_DAY = [
            f"{h:02d}:{m:02d}:{s:02d}.000000Z" for h in range(24) for m in range(60) for s in range(60)
        ]
    return _TIME_OF_DAY


class Clock:
    """Instants as whole seconds since the epoch, relative to a fixed reference (never wall-clock)."""

    def __init__(self, reference: datetime) -> None:
        if reference.tzinfo is None:
            reference = reference.replace(tzinfo=UTC)
        self.now = int((reference - _EPOCH).total_seconds())
        self._days: dict[int, str] = {}
        self._tod = _time_of_day()

    def text(self, seconds: int) -> str:
        """The store's fixed-width UTC text for ``seconds`` since the epoch."""
        day = seconds // DAY
        try:
            return self._days[day] + self._tod[seconds - day * DAY]
        except KeyError:
            self._days[day] = (_EPOCH + timedelta(days=day)).strftime("%Y-%m-%dT")
            return self._days[day] + self._tod[seconds - day * DAY]

    def ago(self, seconds: int) -> str:
        return self.text(self.now - seconds)
