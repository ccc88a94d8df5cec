"""Small helpers shared by the subcommand modules."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

Handler = Callable[[argparse.Namespace], int | None]
SubParsers = Any  # argparse._SubParsersAction is private


def not_built(feature: str) -> Handler:
    """Handler for a subcommand whose feature is not part of this build yet."""

    def handler(_args: argparse.Namespace) -> int:
        from agentdesk.errors import NotAvailable

        raise NotAvailable(f"'{feature}' is not available in this build yet")

    return handler
