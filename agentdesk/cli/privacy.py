from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    p = sub.add_parser("privacy", help="export or erase a person's data (gateway)")
    psub = p.add_subparsers(dest="privacy_command", metavar="COMMAND", required=True)
    for name, text in (
        ("export", "JSON of everything held about a customer"),
        ("erase", "remove or anonymise a customer's data everywhere"),
    ):
        c = psub.add_parser(name, help=text)
        c.add_argument("--customer", required=True)
        c.add_argument("--database", help="gateway database URL")
        c.set_defaults(handler=not_built(f"agentdesk privacy {name}"))
