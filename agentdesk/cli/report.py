from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from agentdesk.cli._common import SubParsers


def register(sub: SubParsers) -> None:
    p = sub.add_parser("report", help="quality reports")
    rsub = p.add_subparsers(dest="report_command", metavar="COMMAND", required=True)
    m = rsub.add_parser("monthly", help="monthly quality report as PDF or CSV")
    m.add_argument("--month", required=True, help="YYYY-MM")
    m.add_argument("--out", required=True, help="FILE.pdf or FILE.csv")
    source = m.add_mutually_exclusive_group()
    source.add_argument("--database", help="gateway database URL (default: the local store)")
    source.add_argument("--store", help="a local store file (default: the active profile's)")
    m.set_defaults(handler=monthly)


def monthly(args: argparse.Namespace) -> int:
    from agentdesk.errors import InputError
    from agentdesk.supervisor import sources
    from agentdesk.supervisor.monthly import Month, build_report

    month = Month.parse(args.month)
    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".pdf", ".csv"):
        raise InputError(f"--out must end in .pdf or .csv, not {out.name!r}")
    if not out.parent.is_dir():
        raise InputError(f"the folder {out.parent} does not exist")
    start, end = month.previous().start, month.end
    if args.database:
        facts, teams = sources.from_gateway_database(args.database, start, end)
        source = "gateway database"
    else:
        path, key = _store_path(args)
        if not path.exists():
            raise InputError(f"there is no local store at {path}")
        facts, teams = sources.from_local_store(path, start, end, key=key)
        source = f"local store {path.name}"
    report = build_report(month, facts, teams, source=source)
    if kind == ".csv":
        from agentdesk.supervisor.report_csv import write_csv

        write_csv(report, out)
    else:
        if (
            sys.platform.startswith("linux")
            and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from agentdesk.ui.supervisor.report_pdf import write_pdf

        write_pdf(report, out)
    volume = report.total.get("volume") or 0
    note = f"{volume} tickets" if volume else "no tickets in this month (empty report)"
    print(f"wrote {out} for {month}: {note}")
    return 0


def _store_path(args: argparse.Namespace) -> tuple[Path, bytes | None]:
    if args.store:
        return Path(args.store), None
    from agentdesk.config import app_paths
    from agentdesk.profile import active_profile, store_key

    profile = active_profile(getattr(args, "profile", None))
    return app_paths().store_path(profile), store_key(profile)
