"""The first-snapshot path: pages decoded in pieces, secondary indexes deferred and rebuilt (also
after a crash mid-snapshot), snapshot pages marked for the views."""

from __future__ import annotations

import asyncio
import gc
import threading
from pathlib import Path

import httpx
import orjson
import pytest
from sqlalchemy import select

from agentdesk.errors import GatewayUnreachable
from agentdesk.store import Store
from agentdesk.store.engine import connect_raw
from agentdesk.store.models import Ticket
from agentdesk.sync.client import Changes, Replicator, checkpoints, pages, state, storeio
from agentdesk.sync.client.bulk import upsert_records
from agentdesk.sync.client.pages import decode_page
from tests.sync.gatewayproc import GatewayProcess
from tests.sync.records import ticket

_INDEX_SQL = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"


def _indexes(path: Path) -> set[tuple[str, str]]:
    with Store.open(path) as store, store.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
        return {(str(n), str(s)) for n, s in rows}


def _change(n: int) -> dict[str, object]:
    return {"entity": "ticket", "id": f"t{n}", "op": "upsert", "version": n, "data": ticket(n)}


def _page(rows: list[dict[str, object]], cursor: int = 9, more: bool = True) -> bytes:
    text = ",\n".join(orjson.dumps(r).decode() for r in rows)
    return f'{{"changes":[\n{text}\n],"cursor":{cursor},"has_more":{str(more).lower()}}}'.encode()


def test_a_page_decodes_in_pieces_to_what_one_loads_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "CHUNK_BYTES", 700)  # a few rows a run
    rows = [
        {"entity": "ticket", "id": f"t{n}", "op": "upsert", "version": n, "data": ticket(n)}
        for n in range(30)
    ]
    rows[3]["data"] = {"subject": 'a "quoted" ],\\n line,\n}{ with a newline escaped', "tags": ["x", "中文"]}
    body = _page(rows)
    assert b",\n" in body and decode_page(body) == orjson.loads(body)
    for size in (1, 2, len(body) // 30 - 1, len(body) // 30 + 1, len(body)):  # runs cut anywhere
        monkeypatch.setattr(pages, "CHUNK_BYTES", size)
        assert decode_page(body) == orjson.loads(body)
        assert pages.lazy_page(body)["changes"] == rows
        one = _page(rows[:1])
        assert decode_page(one) == orjson.loads(one)
    assert decode_page(_page([], more=False)) == {"changes": [], "cursor": 9, "has_more": False}
    compact = orjson.dumps({"changes": rows, "cursor": 5, "has_more": False, "reset": True})
    assert decode_page(compact) == orjson.loads(compact)
    with pytest.raises(ValueError):
        decode_page(body[: len(body) // 2])  # cut off mid-page: an error, never a shorter page
    with pytest.raises(ValueError):
        decode_page(body[:-1])


def test_rows_of_a_lazy_page_decode_where_they_are_used() -> None:
    rows = [_change(n) for n in range(600)]
    page = pages.lazy_page(_page(rows, cursor=600))
    assert page["cursor"] == 600 and page.get("has_more") is True and "changes" not in dict(page)
    assert page["changes"] == orjson.loads(_page(rows))["changes"] and page.get("changes") == rows
    mangled = _page(rows).replace(b'"id":"t7"', b'"id":t7"')
    broken = pages.lazy_page(mangled)
    assert broken["cursor"] == 9
    with pytest.raises(GatewayUnreachable):
        broken["changes"]


def test_the_gateway_writes_one_change_per_line(gateway: GatewayProcess, agent_token: str) -> None:
    headers = {"authorization": f"Bearer {agent_token}"}
    body = httpx.get(f"{gateway.url}/v1/changes", params={"cursor": 0, "limit": 40}, headers=headers).content
    page = orjson.loads(body)
    assert len(page["changes"]) == 40 and body.count(b"\n") == 41
    assert decode_page(body) == page


def test_first_snapshot_defers_indexes_and_builds_them_at_the_end(
    tmp_path: Path, gateway: GatewayProcess, agent_token: str
) -> None:
    expected = _indexes(tmp_path / "fresh.db")
    assert any(name == "ix_tickets_customer_status" for name, _ in expected)
    path = tmp_path / "agent.db"
    rep = Replicator(path, gateway.url, agent_token, events=False, page_size=40)
    seen: list[Changes] = []
    during: list[set[str]] = []

    gc_on: list[bool] = []

    def listener(changes: Changes) -> None:
        seen.append(changes)
        if changes.entities:
            gc_on.append(gc.isenabled())
        if changes.entities and not during:  # on the sync thread, between two pages
            raw = connect_raw(path)
            try:
                during.append(
                    {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='index'")}
                )
            finally:
                raw.close()

    rep.subscribe(listener)
    try:
        report = rep.sync_once()
        assert report.pulled > 40 and report.pages > 1
        assert during and "ix_tickets_customer_status" not in during[0]
        assert during[0] >= storeio.KEPT_DURING_SNAPSHOT  # the console's queue reads through these
        assert all(c.snapshot for c in seen if c.entities)
        assert gc_on and not any(gc_on) and gc.isenabled()  # paused for the snapshot only
        with rep.store.connect() as conn:
            assert state.get(conn, state.DEFERRED_INDEXES) is None
        seen.clear()
        gateway_rows = gateway.all_changes(agent_token)
        ticket_id = next(i for (e, i) in gateway_rows if e == "ticket")
        rep.enqueue("ticket.note", ticket_id, {"body": "after the snapshot"})
        rep.sync_once()  # an incremental round: nothing deferred, nothing marked
        assert seen and not any(c.snapshot for c in seen)
    finally:
        rep.stop()
    assert _indexes(path) == expected


def test_snapshot_checkpoints_run_off_the_writer_thread_and_the_setting_comes_back(
    tmp_path: Path, gateway: GatewayProcess, agent_token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkpoints, "RESTART_EVERY", 2)
    ran: list[str] = []
    passive = checkpoints.SnapshotCheckpoints._checkpoint

    def counted(conn: object) -> None:
        ran.append(threading.current_thread().name)
        passive(conn)

    monkeypatch.setattr(checkpoints.SnapshotCheckpoints, "_checkpoint", staticmethod(counted))
    path = tmp_path / "agent.db"
    rep = Replicator(path, gateway.url, agent_token, events=False, page_size=20)
    during: list[int] = []

    def autocheckpoint() -> int:
        with rep.store.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one())

    rep.subscribe(lambda changes: during.append(autocheckpoint()) if changes.snapshot else None)
    try:
        report = rep.sync_once()
        assert report.pages > 4 and set(during) == {0}  # the writer does not checkpoint meanwhile
        assert ran and set(ran) == {"agentdesk-sync-checkpoint"}
        assert autocheckpoint() == checkpoints.NORMAL_AUTOCHECKPOINT
        assert not any(t.name == "agentdesk-sync-checkpoint" for t in threading.enumerate())
        with rep.store.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM tickets").scalar_one() == sum(
                1 for e, _ in gateway.all_changes(agent_token) if e == "ticket"
            )
        ran.clear()
        rep.enqueue("ticket.note", _a_ticket(gateway, agent_token), {"body": "after"})
        rep.sync_once()  # an incremental round: the writer's own checkpoints, no thread
        assert not ran and autocheckpoint() == checkpoints.NORMAL_AUTOCHECKPOINT
    finally:
        rep.stop()


def _a_ticket(gateway: GatewayProcess, token: str) -> str:
    return next(i for (e, i) in gateway.all_changes(token) if e == "ticket")


def test_a_store_with_rows_keeps_its_indexes(tmp_path: Path) -> None:
    store = storeio.open_writer_store(tmp_path / "agent.db")
    try:
        with store.connect() as conn:
            upsert_records(conn, "ticket", [("t1", 0, ticket(1))])  # a placeholder of queued work
            assert storeio.defer_indexes(conn) == 0
    finally:
        store.close()


def test_indexes_left_deferred_by_a_crash_are_rebuilt_at_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "agent.db"
    expected = _indexes(tmp_path / "fresh.db")
    store = storeio.open_writer_store(path)
    with store.connect() as conn:
        assert storeio.defer_indexes(conn) >= 5  # tickets (2), customers, messages, interactions, ...
        upsert_records(conn, "ticket", [(f"t{n}", n + 1, ticket(n)) for n in range(50)])
        state.put(conn, state.CURSOR, 50)
    store.close()  # the process dies here: indexes dropped, snapshot half done
    assert _indexes_raw(path) < expected
    again = storeio.open_writer_store(path)
    try:
        with again.connect() as conn:
            assert state.get(conn, state.DEFERRED_INDEXES) is None
            assert len(conn.execute(select(Ticket.__table__.c.id)).all()) == 50
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE customer_id = 'x' AND status_group = 'open'"
            ).all()
            assert "ix_tickets_customer_status" in str(plan)
    finally:
        again.close()
    assert _indexes(path) == expected


def _indexes_raw(path: Path) -> set[tuple[str, str]]:
    raw = connect_raw(path)
    try:
        rows = raw.execute(_INDEX_SQL)
        return {(str(n), str(s)) for n, s in rows}
    finally:
        raw.close()


def test_a_page_cut_off_is_retried_not_applied(gateway: GatewayProcess, agent_token: str) -> None:
    async def fetch(transport: httpx.AsyncBaseTransport | None) -> object:
        client = pages.PagedGatewayClient(gateway.url, agent_token, transport=transport)
        try:
            return await client.changes(0, 5)
        finally:
            await client.aclose()

    page = asyncio.run(fetch(None))
    assert isinstance(page, dict) and len(page["changes"]) == 5
    with pytest.raises(GatewayUnreachable):
        asyncio.run(fetch(_Truncating()))


class _Truncating(httpx.AsyncBaseTransport):
    """A body cut after its first rows, as a dropped connection leaves it."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = _page([{"entity": "ticket", "id": "t1", "op": "upsert", "version": 1, "data": ticket(1)}] * 3)
        return httpx.Response(200, content=body[: len(body) - 30])
