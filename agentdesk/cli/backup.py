from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    b = sub.add_parser("backup", help="copy the active profile's store to PATH (online backup)")
    b.add_argument("path")
    b.set_defaults(handler=not_built("agentdesk backup"))
    r = sub.add_parser("restore", help="check PATH (integrity + schema) and restore it as the store")
    r.add_argument("path")
    r.set_defaults(handler=not_built("agentdesk restore"))
