"""The ``agentdesk`` command line: the one place that wires core, sync and ui together.

Each subcommand lives in its own module under ``agentdesk.cli`` and exposes
``register(subparsers)``; the module is imported only to build the parser, and
everything heavy (Qt, the gateway, the store) is imported inside the handler that needs it,
so ``agentdesk --version`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from agentdesk import __version__
from agentdesk.errors import AgentDeskError

# Order is the order shown in --help.
COMMAND_MODULES: tuple[str, ...] = (
    "demo",
    "gateway",
    "sync",
    "kb",
    "triage",
    "staffing",
    "report",
    "doctor",
    "backup",
    "privacy",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agentdesk",
        description="AgentDesk customer-service workstation. With no command, opens the console.",
    )
    parser.add_argument("--version", action="version", version=f"agentdesk {__version__}")
    parser.add_argument("--profile", default=None, help="signed-in agent profile to use (default: last used)")
    parser.add_argument("--verbose", "-v", action="count", default=0, help="more log output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"agentdesk.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):
        # Fast path: no parser build, no submodule imports.
        print(f"agentdesk {__version__}")
        return 0
    parser = build_parser()
    args = parser.parse_args(args_list)
    from agentdesk.logsetup import configure_logging

    configure_logging(args.verbose)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from agentdesk.cli.console import open_console

            return open_console(args)
        return int(handler(args) or 0)
    except AgentDeskError as exc:
        print(f"agentdesk: {exc.user_message()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head` that stopped reading: not an error worth a traceback.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
