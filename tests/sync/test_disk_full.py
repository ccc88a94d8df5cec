"""A full disk on the agent's machine: the outbox keeps what it had, the agent is told, nothing is
half-written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from agentdesk.errors import StoreWriteFailed
from agentdesk.store.models import OutboxMutation, Ticket
from agentdesk.sync.client import Changes, Replicator, actions, outbox, state, storeio
from agentdesk.sync.client.changes import ChangesBuilder
from agentdesk.sync.client.planner import plan_page
from tests.sync.records import change, ticket


def _cap(dbapi_conn: Any, _record: Any) -> None:
    pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
    dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")


def _cap_file_size(replicator: Replicator) -> None:
    """From now on the replicator's connections may not grow the file (SQLITE_FULL, like a full disk)."""
    replicator.store.engine.dispose()
    event.listen(replicator.store.engine, "connect", _cap)


def _uncap(replicator: Replicator) -> None:
    event.remove(replicator.store.engine, "connect", _cap)
    replicator.store.engine.dispose()


def test_full_disk_keeps_the_outbox_and_tells_the_agent(tmp_path: Path) -> None:
    replicator = Replicator(tmp_path / "agent.db", "http://127.0.0.1:9", "token", events=False)
    seen: list[Changes] = []
    replicator.subscribe(seen.append)
    try:
        first = replicator.enqueue("ticket.note", "1", {"body": "kept"})
        _cap_file_size(replicator)
        with pytest.raises(StoreWriteFailed) as failure:
            replicator.enqueue("ticket.note", "1", {"body": "x" * 400_000})
        assert failure.value.code == "disk_full"
        status = replicator.status()
        assert status.store_problem == "disk_full" and status.pending == 1
        assert any(c.status for c in seen)
        with replicator.store.connect() as conn:
            assert [e.mutation_id for e in outbox.next_batch(conn, 10)] == [first]
        _uncap(replicator)
        replicator.enqueue("ticket.note", "1", {"body": "after space was freed"})
        assert replicator.status().store_problem is None and replicator.status().pending == 2
    finally:
        replicator.stop()


def test_a_page_that_does_not_fit_leaves_rows_and_cursor_as_they_were(tmp_path: Path) -> None:
    replicator = Replicator(tmp_path / "agent.db", "http://127.0.0.1:9", "token", events=False)
    try:
        with replicator.store.connect() as conn:
            first = plan_page([change("ticket", "1", 1, ticket(1))], 1, set())
            actions.apply_page(conn, first, ChangesBuilder())
        _cap_file_size(replicator)
        big = [change("ticket", str(n), n, ticket(n, subject="s" * 2000)) for n in range(2, 400)]
        with pytest.raises(StoreWriteFailed), storeio.write(replicator.store) as conn:
            actions.apply_page(conn, plan_page(big, 399, set()), ChangesBuilder())
        _uncap(replicator)
        with replicator.store.connect() as conn:
            assert state.cursor(conn) == 1
            assert conn.execute(select(func.count()).select_from(Ticket.__table__)).scalar_one() == 1
            assert conn.execute(select(func.count()).select_from(OutboxMutation.__table__)).scalar_one() == 0
    finally:
        replicator.stop()
