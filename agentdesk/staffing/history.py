"""Recent arrival history from a plain text file: one day per line, arrivals per interval.

# 48 half-hours a day; commas or spaces between numbers; '#' starts a comment
0, 0, 1, 0, ... 35, 41, 38, ...
"""

from __future__ import annotations

import math
from pathlib import Path

from agentdesk.errors import InputError


def read_history(path: Path | str) -> list[list[float]]:
    """Each day's arrivals per interval; every day must have the same number of intervals."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"No arrival history at {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read the arrival history {path}: {exc}") from None
    days: list[list[float]] = []
    for number, line in enumerate(lines, start=1):
        text = line.split("#", 1)[0].replace(",", " ").split()
        if not text:
            continue
        try:
            day = [float(n) for n in text]
        except ValueError:
            raise InputError(f"{path}, line {number}: arrivals must be numbers") from None
        if any(math.isnan(n) or math.isinf(n) or n < 0 for n in day):
            raise InputError(f"{path}, line {number}: arrivals must be zero or more")
        if days and len(day) != len(days[0]):
            raise InputError(
                f"{path}, line {number}: {len(day)} intervals where the first day has {len(days[0])}"
            )
        days.append(day)
    if not days:
        raise InputError(f"{path} holds no arrival history")
    return days
