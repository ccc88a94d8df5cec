"""``agentdesk`` with no subcommand: open the console."""

from __future__ import annotations

import argparse


def open_console(args: argparse.Namespace) -> int:
    from agentdesk.errors import NotAvailable

    try:
        from agentdesk.ui.app import run_console
    except ImportError as exc:
        raise NotAvailable(f"the console is not available in this build ({exc.name})") from None
    return run_console(server_url=getattr(args, "server", None), profile=getattr(args, "profile", None))
