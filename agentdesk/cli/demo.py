from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    p = sub.add_parser("demo", help="embedded gateway on loopback with seeded demo data, and the console")
    p.add_argument("--customers", type=int, default=2000, help="demo customers to generate")
    p.add_argument("--seed", type=int, default=7, help="demo data seed")
    p.add_argument("--port", type=int, default=0, help="gateway port (0 picks a free one)")
    p.add_argument("--headless", action="store_true", help="run the gateway only, no console")
    p.set_defaults(handler=not_built("agentdesk demo"))
