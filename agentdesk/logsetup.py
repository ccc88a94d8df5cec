"""Logging configuration shared by the CLI, gateway and console.

Logs carry ids, never personal data or secrets: callers log entity ids, not values.
"""

from __future__ import annotations

import logging
import sys


def configure_logging(verbosity: int = 0) -> None:
    level = logging.WARNING - 10 * min(verbosity, 2)
    root = logging.getLogger()
    if any(getattr(h, "_agentdesk", False) for h in root.handlers):
        root.setLevel(level)
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._agentdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
