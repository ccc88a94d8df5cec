from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    p = sub.add_parser("report", help="quality reports")
    rsub = p.add_subparsers(dest="report_command", metavar="COMMAND", required=True)
    m = rsub.add_parser("monthly", help="monthly quality report as PDF or CSV")
    m.add_argument("--month", required=True, help="YYYY-MM")
    m.add_argument("--out", required=True, help="FILE.pdf or FILE.csv")
    m.add_argument("--database", help="gateway database URL (default: the local store)")
    m.set_defaults(handler=not_built("agentdesk report monthly"))
