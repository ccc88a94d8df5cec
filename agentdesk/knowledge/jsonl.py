"""Reading JSON Lines input files (one object a line) with errors that name the line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from agentdesk.errors import InputError


def read_objects(path: Path | str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for every non-blank line; InputError for a file or line that is not one."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"{path}, line {number}: not a JSON object ({exc})") from exc
            if not isinstance(obj, dict):
                raise InputError(f"{path}, line {number}: expected a JSON object, got {type(obj).__name__}")
            yield number, obj


def require_str(obj: dict[str, Any], key: str, where: str, *, allow_empty: bool = False) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise InputError(f"{where}: '{key}' must be a non-empty string")
    return value
