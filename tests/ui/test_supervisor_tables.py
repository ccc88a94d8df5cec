"""The panel's tables refill fast enough for the 2 s refresh: columns are fitted once per fill,
not once per cell (200 tickets used to take some 30 s to refill with ResizeToContents columns)."""

from __future__ import annotations

import time
from typing import Any


def test_refilling_200_rows_takes_well_under_the_refresh_interval(qtbot: Any) -> None:
    from agentdesk.ui.qt import QHeaderView
    from agentdesk.ui.supervisor.tables import fill, make_table, selected_keys

    table = make_table(
        ["Ticket", "Subject", "Status", "Priority", "Channel", "Created", "Min", "CSAT"], multi=True
    )
    qtbot.addWidget(table)
    table.resize(1500, 600)
    table.show()
    rows = [
        (
            (f"t{i}", ""),
            [f"#{i}", f"Subject of ticket {i}", "Open", "P1", "Phone", "2026-11-01 10:00", 1.5, 4],
        )
        for i in range(200)
    ]
    fill(table, rows)
    table.selectRow(7)
    qtbot.wait(50)
    started = time.perf_counter()
    fill(table, rows)
    qtbot.wait(10)
    assert time.perf_counter() - started < 1.5
    assert selected_keys(table) == [("t7", "")]  # the selection stays
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch  # modes restored
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
    assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance("Subject of ticket 199")
