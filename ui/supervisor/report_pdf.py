"""The monthly report as PDF: an HTML layout printed with QTextDocument onto a QPdfWriter.

Runs headless (the CLI sets QT_QPA_PLATFORM=offscreen when there is no display). Report wording is
English text marked for translation with QCoreApplication.translate (context "MonthlyReport").
"""

from __future__ import annotations

import html
from pathlib import Path

from agentdesk.supervisor.monthly import MonthlyReport

_CTX = "MonthlyReport"


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(_CTX, text)


def _fmt(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
    return f"{text} {unit}".strip()


KPI_LABELS = {
    "volume": "Tickets",
    "first_response_avg_s": "Avg first response (s)",
    "resolution_avg_h": "Avg resolution (h)",
    "csat_pct": "CSAT (%)",
    "nps": "NPS",
    "complaint_rate_pct": "Complaint rate (%)",
    "fcr_pct": "FCR (%)",
    "sla_attainment_pct": "SLA attained (%)",
    "p1_within_5min_pct": "P1 ≤ 5 min (%)",
}


def report_html(report: MonthlyReport) -> str:
    e = html.escape
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt'>",
        f"<h1>{e(_tr('Monthly quality report'))} — {report.month}</h1>",
        f"<p style='color:#555'>{e(_tr('Source'))}: {e(report.source)} · {e(_tr('Generated'))}: "
        f"{report.generated_at:%Y-%m-%d %H:%M} UTC</p>",
    ]
    if report.empty:
        parts.append(
            "<p style='font-size:14pt; color:#a33'><b>"
            + e(_tr("No tickets were created in this month; there is nothing to measure."))
            + "</b></p>"
        )
    parts.append(f"<h2>{e(_tr('Targets'))}</h2>")
    parts.append("<table border='1' cellspacing='0' cellpadding='4' width='100%'>")
    parts.append(
        "<tr style='background:#eee'>"
        + "".join(
            f"<th>{e(_tr(h))}</th>" for h in ("KPI", "This month", "Target", "Previous month", "Status")
        )
        + "</tr>"
    )
    for row in report.targets:
        t = row.target
        goal = ("≥ " if t.better == "higher" else "≤ ") + _fmt(t.goal, t.unit)
        status, colour = {
            True: (_tr("met"), "#1b7f3a"),
            False: (_tr("missed"), "#c62828"),
            None: (_tr("no data"), "#777"),
        }[row.met]
        parts.append(
            f"<tr><td>{e(_tr(t.label))}</td><td align='right'>{_fmt(row.value, t.unit)}</td>"
            f"<td align='right'>{e(goal)}</td><td align='right'>{_fmt(row.previous, t.unit)}</td>"
            f"<td style='color:{colour}'><b>{e(status)}</b></td></tr>"
        )
    parts.append("</table>")
    parts.append(f"<h2>{e(_tr('Summary'))}</h2><table border='1' cellspacing='0' cellpadding='4'>")
    parts.append(
        f"<tr style='background:#eee'><th></th><th>{e(_tr('This month'))}</th>"
        f"<th>{e(_tr('Previous month'))}</th></tr>"
    )
    for kpi, label in KPI_LABELS.items():
        parts.append(
            f"<tr><td>{e(_tr(label))}</td><td align='right'>{_fmt(report.total.get(kpi))}</td>"
            f"<td align='right' style='color:#777'>{_fmt(report.previous_total.get(kpi))}</td></tr>"
        )
    parts.append("</table>")
    if report.weeks:
        parts.append(
            _table(_tr("Weekly trend"), _tr("Week of"), [(m.isoformat(), k) for m, k in report.weeks])
        )
    if report.teams:
        parts.append(_table(_tr("Teams"), _tr("Team"), [(t.name, t.kpis) for t in report.teams]))
    if report.sla_by_priority:
        parts.append(_table(_tr("By priority"), _tr("Priority"), list(report.sla_by_priority.items())))
    if report.top_complaints:
        parts.append(
            f"<h2>{e(_tr('Top complaint categories'))}</h2><table border='1' cellspacing='0' cellpadding='4'>"
        )
        for category, count in report.top_complaints:
            parts.append(f"<tr><td>{e(category)}</td><td align='right'>{count:,}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def _table(title: str, first: str, rows: list[tuple[str, dict[str, float | int | None]]]) -> str:
    e = html.escape
    keys = list(KPI_LABELS)
    out = [
        f"<h2>{e(title)}</h2><table border='1' cellspacing='0' cellpadding='3' width='100%'>",
        "<tr style='background:#eee'><th>"
        + e(first)
        + "</th>"
        + "".join(f"<th>{e(_tr(KPI_LABELS[k]))}</th>" for k in keys)
        + "</tr>",
    ]
    for name, kpis in rows:
        out.append(
            "<tr><td>"
            + e(name)
            + "</td>"
            + "".join(f"<td align='right'>{_fmt(kpis.get(k))}</td>" for k in keys)
            + "</tr>"
        )
    out.append("</table>")
    return "".join(out)


def write_pdf(report: MonthlyReport, path: Path | str) -> None:
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(path))
    writer.setTitle(f"AgentDesk monthly quality report {report.month}")
    writer.setCreator("AgentDesk")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)
    doc = QTextDocument()
    doc.setHtml(report_html(report))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    del app
