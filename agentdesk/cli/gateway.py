from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    p = sub.add_parser("gateway", help="the gateway server")
    gsub = p.add_subparsers(dest="gateway_command", metavar="COMMAND", required=True)
    s = gsub.add_parser("serve", help="serve the /v1 sync API")
    s.add_argument("--database", required=True, help="sqlite:///PATH or postgresql://...")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--seed-demo", action="store_true", help="create demo sign-ins and data (demo only)")
    s.add_argument("--connector", action="append", default=[], metavar="NAME",
                   help="upstream connector: zendesk, django-helpdesk, crm-rest (repeatable)")
    s.add_argument("--zendesk-url")
    s.add_argument("--helpdesk-url")
    s.add_argument("--crm-url")
    s.add_argument("--crm-mapping")
    s.add_argument("--tls-cert")
    s.add_argument("--tls-key")
    s.set_defaults(handler=not_built("agentdesk gateway serve"))
