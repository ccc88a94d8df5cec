from __future__ import annotations

import argparse

from agentdesk.cli._common import SubParsers


def register(sub: SubParsers) -> None:
    p = sub.add_parser("triage", help="category, priority and sentiment for messages")
    p.add_argument("--batch", required=True, help="JSONL of {id, lang, text, customer?}")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_triage)


def _customer(value: object, where: str) -> object:
    from agentdesk.errors import InputError
    from agentdesk.triage.engine import Customer

    if value is None:
        return Customer()
    if not isinstance(value, dict):
        raise InputError(f"{where}: 'customer' must be an object")
    tier = value.get("tier", "standard")
    complaints = value.get("complaints_90d", 0)
    if tier not in ("VIP", "standard"):
        raise InputError(f"{where}: customer 'tier' must be VIP or standard")
    if not isinstance(complaints, int) or isinstance(complaints, bool) or complaints < 0:
        raise InputError(f"{where}: customer 'complaints_90d' must be a whole number >= 0")
    return Customer(tier, complaints)


def _triage(args: argparse.Namespace) -> int:
    import json

    from agentdesk.errors import InputError
    from agentdesk.knowledge.jsonl import read_objects
    from agentdesk.knowledge.text import warm_up
    from agentdesk.triage.engine import triage

    items = []
    for number, obj in read_objects(args.batch):
        where = f"{args.batch}, line {number}"
        if "id" not in obj:
            raise InputError(f"{where}: 'id' is missing")
        text = obj.get("text")
        if not isinstance(text, str):
            raise InputError(f"{where}: 'text' must be a string")
        items.append((obj["id"], text, _customer(obj.get("customer"), where), where))
    warm_up()
    for message_id, text, customer, where in items:
        try:
            result = triage(text, customer)  # type: ignore[arg-type]
        except InputError as exc:
            raise InputError(f"{where}: {exc}") from exc
        line = result.as_json(message_id)
        if args.json:
            print(json.dumps(line, ensure_ascii=False))
        else:
            print(
                f"{message_id}: {line['category']} {line['priority']} {line['sentiment']} "
                f"({'; '.join(line['reasons'])})"
            )  # type: ignore[arg-type]
    return 0
