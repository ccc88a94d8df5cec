from __future__ import annotations

import argparse
import json

from agentdesk.cli._common import SubParsers


def register(sub: SubParsers) -> None:
    p = sub.add_parser("staffing", help="Erlang C staffing for an interval, or a day from arrival history")
    load = p.add_mutually_exclusive_group(required=True)
    load.add_argument("--arrivals-per-hour", type=float)
    load.add_argument(
        "--history",
        metavar="FILE",
        help="recent days' arrivals, one day per line (numbers per interval): plan the day from their mean",
    )
    p.add_argument("--interval-minutes", type=int, default=30, help="length of a --history interval")
    p.add_argument("--aht-seconds", type=float, required=True)
    p.add_argument("--target", type=float, default=0.8, help="service-level target, 0..1")
    p.add_argument("--within-seconds", type=float, default=None, help="answer-time target (default 20)")
    p.add_argument(
        "--tier",
        choices=("P1", "P2", "P3"),
        help="use the tier's first-response time as the answer-time target (P1: 300 s)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from agentdesk.errors import InputError
    from agentdesk.staffing import ServiceTarget, required_agents

    if args.tier and args.within_seconds is not None:
        raise InputError("give either --tier or --within-seconds, not both")
    within = args.within_seconds if args.within_seconds is not None else 20.0
    if args.tier:
        within = ServiceTarget.for_tier(args.tier, args.target).within_seconds
    args.within_seconds = within
    if args.history:
        return _day(args, within)
    result = required_agents(args.arrivals_per_hour, args.aht_seconds, args.target, within)
    if args.json:
        print(json.dumps(result.as_dict()))
    else:
        print(f"agents needed: {result.agents}")
        print(f"probability of waiting: {result.p_wait:.1%}")
        print(f"answered within {args.within_seconds:g} s: {result.service_level:.1%}")
        print(f"average speed of answer: {result.asa_seconds:.1f} s")
        print(f"occupancy: {result.occupancy:.1%}")
    return 0


def _day(args: argparse.Namespace, within: float) -> int:
    from agentdesk.errors import InputError
    from agentdesk.staffing import average_arrivals, day_plan
    from agentdesk.staffing.history import read_history

    minutes = args.interval_minutes
    forecast = average_arrivals(read_history(args.history))
    if minutes <= 0 or len(forecast) * minutes > 24 * 60:
        raise InputError(f"{len(forecast)} intervals of {minutes} minutes do not fit in a day")
    plan = day_plan(forecast, minutes, args.aht_seconds, args.target, within)
    for i, (arrivals, result) in enumerate(zip(forecast, plan, strict=True)):
        start = f"{i * minutes // 60:02d}:{i * minutes % 60:02d}"
        if args.json:
            print(json.dumps({"start": start, "arrivals": round(arrivals, 3), **result.as_dict()}))
        else:
            bar = "#" * result.agents
            print(f"{start}  {arrivals:7.1f} arrivals  {result.agents:4d} agents  {bar}")
    return 0
