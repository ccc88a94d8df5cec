from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    p = sub.add_parser("sync", help="synchronise the local store with the gateway")
    p.add_argument("--once", action="store_true", help="one pull and push, then exit (prints counts)")
    p.add_argument("--server", help="gateway URL (default: configured server)")
    p.set_defaults(handler=not_built("agentdesk sync"))
