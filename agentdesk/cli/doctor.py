from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    p = sub.add_parser("doctor", help="paths, versions, keyring, server reachability, store integrity")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=not_built("agentdesk doctor"))
