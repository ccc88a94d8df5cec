"""The queue model applies a reload as changes (no reset): unchanged rows keep their SLA clocks and
the view its current row; the model sorts (the proxy only filters)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest

from agentdesk.timeutil import utcnow
from agentdesk.ui.data import QueueRow
from agentdesk.ui.models import queue_model
from agentdesk.ui.models.queue_model import COL_NUMBER, ROW_ROLE, QueueModel
from agentdesk.ui.qt import QPersistentModelIndex, Qt


def _row(n: int, priority: str = "P2", minutes_ago: int = 0) -> QueueRow:
    return QueueRow(
        id=f"t{n}",
        number=n,
        subject=f"Subject {n}",
        status="open",
        priority=priority,
        category=None,
        customer_id="c1",
        customer_name="Customer",
        customer_tier="standard",
        assignee_id=None,
        team_id="team",
        created_at=utcnow() - timedelta(minutes=minutes_ago),
        updated_at=None,
        first_response_at=None,
        solved_at=None,
        pauses=(),
        tags=(),
    )


class Signals:
    def __init__(self, model: QueueModel) -> None:
        self.seen: list[str] = []
        for name in ("modelReset", "layoutChanged", "rowsInserted", "rowsRemoved", "dataChanged"):
            getattr(model, name).connect(lambda *_a, name=name: self.seen.append(name))


def _ids(model: Any) -> list[str]:
    return [model.index(i, 0).data(ROW_ROLE).id for i in range(model.rowCount())]


def test_a_reload_is_applied_as_changes(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    model = QueueModel()
    rows = [_row(1, "P3", 5), _row(2, "P1", 1), _row(3, "P2", 3), _row(4, "P1", 9)]
    model.set_rows(rows)
    assert _ids(model) == ["t4", "t2", "t3", "t1"]  # P1 first, the most urgent SLA first
    current = QPersistentModelIndex(model.index(2, 0))  # t3, as the view's current row
    signals = Signals(model)
    clocks: list[str] = []
    real = queue_model.countdown
    monkeypatch.setattr(queue_model, "countdown", lambda r, now: (clocks.append(r.id), real(r, now))[1])

    model.set_rows([dataclasses.replace(r) for r in rows])  # the same values, new objects
    assert signals.seen == [] and clocks == []

    renamed = dataclasses.replace(rows[2], subject="Renamed")
    model.set_rows([rows[0], renamed, _row(5, "P1", 20), rows[3]])  # t2 gone, t5 new, t3 changed
    assert _ids(model) == ["t5", "t4", "t3", "t1"]
    assert clocks == ["t5"]  # t3's SLA inputs did not change
    assert "modelReset" not in signals.seen
    assert current.isValid() and current.data(ROW_ROLE).subject == "Renamed"
    assert model.index(current.row(), 3).data() == "Renamed"


def test_scattered_removals_are_one_reset(qtbot: Any) -> None:
    model = QueueModel()
    model.set_rows([_row(n, "P2", n) for n in range(1, 201)])
    signals = Signals(model)
    model.set_rows([_row(n, "P2", n) for n in range(1, 201, 2)])  # 100 separate rows gone
    assert signals.seen == ["modelReset"]
    assert _ids(model) == [f"t{n}" for n in range(199, 0, -2)]  # the oldest SLA first


def test_the_model_sorts_and_the_proxy_keeps_its_order(qtbot: Any) -> None:
    from agentdesk.ui.widgets.queue_panel import QueueFilter

    model = QueueModel()
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    model.set_rows([_row(n, ("P1", "P2", "P3")[n % 3], n) for n in range(1, 10)])
    proxy.sort(COL_NUMBER, Qt.SortOrder.DescendingOrder)  # a click on the header
    assert _ids(proxy) == [f"t{n}" for n in range(9, 0, -1)]
    model.set_rows([_row(n, ("P1", "P2", "P3")[n % 3], n) for n in range(1, 12)])  # the next reload
    assert _ids(proxy) == [f"t{n}" for n in range(11, 0, -1)]
    proxy.set_filter("Subject 1", "")
    assert _ids(proxy) == ["t11", "t10", "t1"]


def test_the_sla_column_ticks_for_the_rows_on_screen(qtbot: Any) -> None:
    from types import SimpleNamespace

    from agentdesk.ui.widgets.queue_panel import QueuePanel

    panel = QueuePanel(SimpleNamespace(id="a1", team_ids=("team",)))
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_rows([_row(n, "P2", n) for n in range(1, 2001)], frozenset())
    spans: list[tuple[int, int]] = []
    panel.model.dataChanged.connect(lambda a, b, _roles=(): spans.append((a.row(), b.row())))
    panel.model._refresh_countdowns()
    assert len(spans) == 1 and spans[0][0] == 0 and 5 < spans[0][1] < 40  # not all 2,000
    panel.table.scrollToBottom()
    spans.clear()
    panel.model._refresh_countdowns()
    assert spans and spans[0][1] == 1999 and spans[0][0] > 1950


@pytest.mark.parametrize("current_api", [True, False], ids=["qt-6.10-filter-change", "older-qt"])
def test_the_filter_changes_without_deprecated_calls(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, current_api: bool
) -> None:
    import warnings

    from agentdesk.ui.widgets import queue_panel

    if current_api and not queue_panel._FILTER_CHANGE_API:
        pytest.skip("this Qt has no beginFilterChange/endFilterChange")
    monkeypatch.setattr(queue_panel, "_FILTER_CHANGE_API", current_api)
    model = QueueModel()
    proxy = queue_panel.QueueFilter()
    proxy.setSourceModel(model)
    model.set_rows([_row(n, ("P1", "P2", "P3")[n % 3], n) for n in range(1, 10)])
    with warnings.catch_warnings():
        # the fallback is deprecated on this Qt, not on the older ones it is for
        warnings.simplefilter("error" if current_api else "ignore", DeprecationWarning)
        proxy.set_filter("subject", "P1")
        assert sorted(_ids(proxy)) == ["t3", "t6", "t9"]
        proxy.set_filter("", "")
        assert proxy.rowCount() == 9


def test_a_prepared_load_is_applied_without_per_row_work(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store worker's ``prepare_rows`` made the clocks and the order: ``set_rows`` computes
    neither (and sorts itself only when the agent chose another column meanwhile)."""
    rows = [_row(n, ("P1", "P2", "P3")[n % 3], n % 50) for n in range(1, 3001)]
    prepared = queue_model.prepare_rows(rows, utcnow())
    again = queue_model.prepare_rows([*rows[:-1], _row(3001, "P1", 60)], utcnow())  # t3000 gone, t3001 new
    model = QueueModel()
    real_sort_key = queue_model._sort_key

    def refuse(*_a: Any) -> Any:
        raise AssertionError("per-row work on the UI thread")

    monkeypatch.setattr(queue_model, "countdown", refuse)
    monkeypatch.setattr(queue_model, "_sort_key", lambda column, now: refuse)
    model.set_rows(prepared)
    assert _ids(model) == [r.id for r in prepared.rows]
    assert _ids(model)[:2] == ["t99", "t249"]  # P1 (n % 3 == 0) opened longest ago (n % 50 == 49)
    model.set_rows(again)
    assert _ids(model) == [r.id for r in again.rows] and _ids(model)[0] == "t3001"

    monkeypatch.setattr(queue_model, "_sort_key", real_sort_key)
    model.sort(COL_NUMBER, Qt.SortOrder.DescendingOrder)  # a click on the header before the next load
    model.set_rows(prepared)  # prepared for the priority column: sorted here
    assert _ids(model) == [f"t{n}" for n in range(3000, 0, -1)]
