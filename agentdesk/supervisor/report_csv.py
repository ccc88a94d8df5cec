"""The monthly report as one CSV table: ``section, name, kpi, value, target, met, previous``.

One long table (rather than several files) so a spreadsheet filter on ``section`` gives each part:
``summary`` (every KPI of the month), ``target`` (the programme's targets), ``week`` (trend, name is
the Monday), ``team`` (per-team table), ``priority`` (SLA per tier), ``complaint`` (top complaint
categories, value = tickets), ``note`` (the empty-month notice).
"""

from __future__ import annotations

import csv
from pathlib import Path

from agentdesk.supervisor.monthly import MonthlyReport

COLUMNS = ("section", "name", "kpi", "value", "target", "met", "previous")
EMPTY_NOTE = "No tickets were created in this month; there is nothing to measure."


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def write_csv(report: MonthlyReport, path: Path | str) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        month = str(report.month)
        if report.empty:
            out.writerow(["note", month, "", "", "", "", ""])
            out.writerow(["note", EMPTY_NOTE, "", "", "", "", ""])
        for kpi, value in report.total.items():
            out.writerow(["summary", month, kpi, _cell(value), "", "", _cell(report.previous_total.get(kpi))])
        for row in report.targets:
            out.writerow(
                [
                    "target",
                    row.target.label,
                    row.target.kpi,
                    _cell(row.value),
                    row.target.goal,
                    _cell(row.met),
                    _cell(row.previous),
                ]
            )
        for monday, kpis in report.weeks:
            for kpi, value in kpis.items():
                out.writerow(["week", monday.isoformat(), kpi, _cell(value), "", "", ""])
        for team in report.teams:
            for kpi, value in team.kpis.items():
                out.writerow(["team", team.name, kpi, _cell(value), "", "", ""])
        for priority, kpis in report.sla_by_priority.items():
            for kpi in ("volume", "sla_attainment_pct", "first_response_avg_s"):
                out.writerow(["priority", priority, kpi, _cell(kpis.get(kpi)), "", "", ""])
        for category, count in report.top_complaints:
            out.writerow(["complaint", category, "tickets", count, "", "", ""])
