"""``agentdesk`` with no subcommand: open the console."""

from __future__ import annotations

import argparse


def open_console(args: argparse.Namespace) -> int:
    from agentdesk.errors import NotAvailable

    raise NotAvailable("the console is not available in this build yet")
