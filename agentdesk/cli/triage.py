from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    p = sub.add_parser("triage", help="category, priority and sentiment for messages")
    p.add_argument("--batch", required=True, help="JSONL of {id, lang, text, customer?}")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=not_built("agentdesk triage"))
