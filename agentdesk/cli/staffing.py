from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    p = sub.add_parser("staffing", help="Erlang C staffing for an interval")
    p.add_argument("--arrivals-per-hour", type=float, required=True)
    p.add_argument("--aht-seconds", type=float, required=True)
    p.add_argument("--target", type=float, default=0.8, help="service-level target, 0..1")
    p.add_argument("--within-seconds", type=float, default=20.0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=not_built("agentdesk staffing"))
