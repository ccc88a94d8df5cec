"""When the SLA clock runs: weekly business hours in a time zone, minus holidays and pauses."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agentdesk.errors import ConfigError

Interval = tuple[datetime, datetime | None]  # a pause; None end = still paused
_FAR = datetime.max.replace(tzinfo=UTC) - timedelta(days=2)


@dataclass(frozen=True)
class BusinessCalendar:
    """Open hours per weekday (0 = Monday) in ``tz``; ``None`` hours means open around the clock."""

    tz: str = "UTC"
    hours: dict[int, tuple[tuple[time, time], ...]] | None = None
    holidays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"unknown time zone {self.tz!r}", key="timezone") from None
        if self.hours is None:
            return
        # A calendar that is never open would make every due time "never"; refuse it up front.
        if not any(close_at > open_at for spans in self.hours.values() for open_at, close_at in spans):
            raise ConfigError("business hours must open on at least one weekday", key="hours")
        if any(d not in range(7) for d in self.hours):
            raise ConfigError("weekdays are numbered 0 (Monday) to 6 (Sunday)", key="hours")

    @classmethod
    def office(
        cls,
        tz: str,
        start: time = time(9),
        end: time = time(18),
        days: Sequence[int] = range(5),
        holidays: Sequence[date] = (),
    ) -> BusinessCalendar:
        return cls(tz, {d: ((start, end),) for d in days}, frozenset(holidays))

    def open_intervals(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Open intervals (UTC) from ``start`` on, in order, without end."""
        if self.hours is None:
            yield start, _FAR
            return
        zone = ZoneInfo(self.tz)
        day = start.astimezone(zone).date()
        empty_days = 0
        while empty_days < 366:
            found = False
            if day not in self.holidays:
                for open_at, close_at in self.hours.get(day.weekday(), ()):
                    lo = datetime.combine(day, open_at, zone).astimezone(UTC)
                    hi = datetime.combine(day, close_at, zone).astimezone(UTC)
                    if hi > start and hi > lo:
                        found = True
                        yield max(lo, start), hi
            empty_days = 0 if found else empty_days + 1
            day += timedelta(days=1)

    def running(self, start: datetime, pauses: Sequence[Interval]) -> Iterator[tuple[datetime, datetime]]:
        """Open intervals minus pauses: when the clock actually runs."""
        cuts = sorted((p0, p1 or _FAR) for p0, p1 in pauses)
        # Paused until further notice: after that the clock never runs again.
        stop_at = min((p0 for p0, p1 in pauses if p1 is None), default=_FAR)
        for lo, hi in self.open_intervals(start):
            if lo >= stop_at:
                return
            pieces = [(lo, hi)]
            for p0, p1 in cuts:
                next_pieces = []
                for a, b in pieces:
                    if p1 <= a or p0 >= b:
                        next_pieces.append((a, b))
                        continue
                    if p0 > a:
                        next_pieces.append((a, p0))
                    if p1 < b:
                        next_pieces.append((p1, b))
                pieces = next_pieces
            yield from pieces

    def add(self, start: datetime, duration: timedelta, pauses: Sequence[Interval] = ()) -> datetime | None:
        """The instant ``duration`` of running clock after ``start`` (None while paused for good)."""
        left = duration
        for lo, hi in self.running(start, pauses):
            span = hi - lo
            if span >= left:
                return lo + left
            left -= span
        return None

    def elapsed(self, start: datetime, end: datetime, pauses: Sequence[Interval] = ()) -> timedelta:
        total = timedelta()
        for lo, hi in self.running(start, pauses):
            if lo >= end:
                break
            total += min(hi, end) - lo
        return total


ALWAYS_OPEN = BusinessCalendar()
