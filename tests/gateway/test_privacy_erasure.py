"""``agentdesk privacy export|erase|purge`` on a live gateway (SQLite and PostgreSQL): what
clients pull afterwards, the audit trail, connector re-import, retention and bad input."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from agentdesk.cli import main
from agentdesk.sync.gateway.connectors.base import UpstreamRecord, local_id
from agentdesk.sync.gateway.connectors.sink import GatewaySink
from agentdesk.sync.gateway.retention import closed_at
from agentdesk.sync.gateway.store import GatewayStore
from agentdesk.sync.gateway.store import schema as s
from agentdesk.sync.gateway.store.accounts import issue_token
from agentdesk.sync.gateway.store.records import RecordWriter, load
from agentdesk.timeutil import to_wire
from tests.gateway.harness import auth, pull_all, sign_in
from tests.support.cli import run_agentdesk

DEMO = {"seed_demo": True, "demo_customers": 30}


def _cli(*argv: str) -> int:
    return main(["privacy", *argv])


def _personal(data: dict[str, Any]) -> list[str]:
    """Values that identify the person anywhere (names may be shared by other demo customers)."""
    values = [data.get(k) for k in ("email", "phone", "national_id", "address")]
    values += [c.get("handle") for c in data.get("contacts") or []]
    return [v for v in values if isinstance(v, str) and len(v) >= 6]


def _pick_customer(rows: dict[tuple[str, str], dict[str, Any]]) -> str:
    """A customer the agent holds with tickets, customer-written messages and interactions."""
    for (entity, cid), _ in sorted(rows.items()):
        if entity != "customer":
            continue
        tickets = {i for (e, i), d in rows.items() if e == "ticket" and d["customer_id"] == cid}
        wrote = any(
            e == "message" and d["ticket_id"] in tickets and d["author_kind"] == "customer"
            for (e, _), d in rows.items()
        )
        talked = any(e == "interaction" and d["customer_id"] == cid for (e, _), d in rows.items())
        if tickets and wrote and talked:
            return cid
    raise AssertionError("the demo data has no customer with tickets, messages and interactions")


def _head(db_url: str) -> int:
    store = GatewayStore(db_url, pool_size=1)
    try:
        with store.read() as conn:
            return store.head(conn)
    finally:
        store.dispose()


def _pull_after(
    url: str, token: str, cursor: int, db_url: str
) -> tuple[dict[tuple[str, str], dict[str, Any]], int, list[dict[str, Any]]]:
    """Pull once the gateway has heard of everything committed to its database (by the CLI)."""
    head = _head(db_url)
    deadline = time.monotonic() + 15
    while True:
        rows, last, changes = pull_all(url, token, cursor)
        if last >= head:
            return rows, last, changes
        assert time.monotonic() < deadline, f"the gateway never served version {head}"
        time.sleep(0.1)


def _applied(
    rows: dict[tuple[str, str], dict[str, Any]], changes: list[dict[str, Any]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """A client's rows after it applied ``changes``."""
    out = dict(rows)
    for change in changes:
        key = (change["entity"], change["id"])
        if change["op"] == "delete":
            out.pop(key, None)
        else:
            out[key] = change["data"]
    return out


def _admin_audit(url: str, **params: str) -> list[dict[str, Any]]:
    token = sign_in(url, "demo.admin")
    answer = httpx.get(url + "/v1/supervisor/audit", params=params, headers=auth(token), timeout=30)
    answer.raise_for_status()
    return answer.json()["entries"]


def test_erase_reaches_clients_and_is_audited(
    db_url: str, gateway_factory: Callable[..., str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = gateway_factory(db_url, **DEMO)
    agent = sign_in(url, "demo.agent")
    rows, cursor, _ = pull_all(url, agent)
    cid = _pick_customer(rows)
    admin_rows, _, _ = pull_all(url, sign_in(url, "demo.admin"))
    person = admin_rows[("customer", cid)]
    secrets = _personal(person)
    assert secrets and person["name"]
    tickets = {i for (e, i), d in rows.items() if e == "ticket" and d["customer_id"] == cid}
    interactions = {i for (e, i), d in rows.items() if e == "interaction" and d["customer_id"] == cid}
    written = {
        i
        for (e, i), d in rows.items()
        if e == "message" and d["ticket_id"] in tickets and d["author_kind"] == "customer"
    }

    before = tmp_path / "before.json"
    assert (
        _cli("export", "--customer", cid, "--database", db_url, "--out", str(before), "--actor", "dpo") == 0
    )
    exported = json.loads(before.read_text(encoding="utf-8"))
    assert exported["customer"]["email"] == person["email"]  # in clear, not masked
    assert {t["id"] for t in exported["tickets"]} >= tickets
    assert {i["id"] for i in exported["interactions"]} >= interactions
    assert {m["id"] for m in exported["messages"]} >= written
    assert exported["erasure"] == {"erased": False, "records": []}
    assert before.stat().st_mode & 0o077 == 0

    head = _head(db_url)
    assert _cli("erase", "--customer", cid, "--database", db_url, "--dry-run") == 0
    assert "dry run" in capsys.readouterr().out
    assert _head(db_url) == head  # a dry run changes nothing
    assert _cli("erase", "--customer", cid, "--database", db_url, "--yes", "--actor", "dpo") == 0
    assert f"customer {cid} erased" in capsys.readouterr().out

    _, _, changes = _pull_after(url, agent, cursor, db_url)
    after = _applied(rows, changes)
    deleted = {(c["entity"], c["id"]) for c in changes if c["op"] == "delete"}
    assert ("customer", cid) in deleted
    assert {("interaction", i) for i in interactions} <= deleted
    assert ("customer", cid) not in after
    for tid in tickets:
        assert after[("ticket", tid)]["customer_id"] != cid  # the ticket stays, unlinked from the person
    for mid in written:
        assert after[("message", mid)]["body"] == "[erased]"
        assert after[("message", mid)].get("author_name") in (None, "[erased]")
    pulled = json.dumps(changes, ensure_ascii=False)
    assert not [v for v in secrets if v in pulled]
    assert person["name"] not in json.dumps(
        [c for c in changes if c["entity"] in ("ticket", "message")], ensure_ascii=False
    )
    # Nothing the admin can pull holds the person's identifying values any more.
    everything = json.dumps(list(pull_all(url, sign_in(url, "demo.admin"))[0].values()), ensure_ascii=False)
    assert not [v for v in secrets if v in everything]

    entries = _admin_audit(url, actor_id="cli:dpo")
    assert {e["action"] for e in entries} == {"privacy_export", "privacy_erase"}
    erase_entry = next(e for e in entries if e["action"] == "privacy_erase")
    assert erase_entry["detail"]["interactions_deleted"] == len(interactions)
    assert not [v for v in [*secrets, person["name"]] if v in json.dumps(entries, ensure_ascii=False)]

    # Twice is fine, and says so; the export afterwards shows the erasure and nothing personal.
    assert _cli("erase", "--customer", cid, "--database", db_url, "--yes") == 0
    assert "already erased" in capsys.readouterr().out
    assert _cli("export", "--customer", cid, "--database", db_url) == 0
    later = json.loads(capsys.readouterr().out)
    assert later["customer"] is None and later["customer_deleted"] is True
    assert later["erasure"]["erased"] is True and later["tickets"] == [] and later["interactions"] == []
    assert not [v for v in secrets if v in json.dumps(later, ensure_ascii=False)]


def test_connector_resync_does_not_reimport(db_url: str, gateway_factory: Callable[..., str]) -> None:
    url = gateway_factory(db_url, **DEMO)
    store = GatewayStore(db_url, pool_size=1)
    try:
        sink = GatewaySink(store)
        person = {"name": "Mirrored Person", "email": "mirrored.person@example.org", "phone": "13900001111"}
        customer = UpstreamRecord(
            "customer", "c-77", {**person, "external_ref": {"system": "crm", "id": "c-77"}}
        )
        assert sink.apply("crm", "crm", [customer], {"page": 1}) == 1
        cid = local_id("crm", "customer", "c-77")
        admin = sign_in(url, "demo.admin")
        rows, cursor, _ = pull_all(url, admin)
        assert rows[("customer", cid)]["email"] == person["email"]

        assert _cli("erase", "--customer", cid, "--database", db_url, "--yes") == 0
        with store.read() as conn:
            blocked = set(
                conn.execute(
                    s.erasures.select().with_only_columns(s.erasures.c.system, s.erasures.c.external_id)
                )
            )
        assert ("crm", "c-77") in blocked

        # The next cycle brings the same upstream record again: it stays erased.
        assert sink.apply("crm", "crm", [customer], {"page": 2}) == 0
        with store.read() as conn:
            current = load(conn, "customer", cid)
        assert current is not None and current.deleted
        _, _, changes = _pull_after(url, admin, cursor, db_url)
        assert [c["op"] for c in changes if c["id"] == cid] == ["delete"]
    finally:
        store.dispose()


def _ago(days: float) -> str:
    return to_wire(datetime.now(UTC) - timedelta(days=days))


def _seed_old_rows(store: GatewayStore) -> dict[str, str]:
    """Old and recent rows on a billing ticket's customer (the demo agent sees them)."""
    with store.read() as conn:
        ticket = next(
            r
            for r in (
                load(conn, "ticket", tid)
                for (tid,) in conn.execute(
                    s.records.select()
                    .with_only_columns(s.records.c.id)
                    .where(s.records.c.entity == "ticket", s.records.c.team_id == "team-billing")
                )
            )
            if r is not None and not r.deleted
        )
    cid = ticket.data["customer_id"]
    base = {"team_id": "team-billing", "customer_id": cid, "priority": "P3", "tags": [], "subject": "old"}
    with store.write() as tx:
        w = RecordWriter(tx)
        w.put(
            "ticket",
            "tkt-old-closed",
            {**base, "number": 9001, "status": "closed", "created_at": _ago(1500), "updated_at": _ago(1200)},
        )
        w.put(
            "ticket",
            "tkt-old-open",
            {**base, "number": 9002, "status": "open", "created_at": _ago(1500), "updated_at": _ago(1200)},
        )
        w.put(
            "ticket",
            "tkt-new-closed",
            {**base, "number": 9003, "status": "solved", "created_at": _ago(30), "updated_at": _ago(20)},
        )
        for tid in ("tkt-old-closed", "tkt-old-open", "tkt-new-closed"):
            w.put(
                "message",
                f"{tid}-m1",
                {
                    "ticket_id": tid,
                    "body": "hi",
                    "public": True,
                    "author_kind": "customer",
                    "author_id": cid,
                    "created_at": _ago(1500),
                },
            )
        w.put(
            "interaction",
            "int-old",
            {
                "customer_id": cid,
                "channel": "phone",
                "direction": "inbound",
                "occurred_at": _ago(800),
                "summary": "old call",
            },
        )
        w.put(
            "interaction",
            "int-new",
            {
                "customer_id": cid,
                "channel": "phone",
                "direction": "inbound",
                "occurred_at": _ago(100),
                "summary": "new call",
            },
        )
        expired, _ = issue_token(tx.conn, "agent-demo-agent", -10)
    return {"customer": cid, "expired_token": expired}


def test_retention_purge_deletes_only_expired_rows(
    db_url: str, gateway_factory: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = gateway_factory(db_url, **DEMO)
    store = GatewayStore(db_url, pool_size=1)
    try:
        seeded = _seed_old_rows(store)
    finally:
        store.dispose()
    agent = sign_in(url, "demo.agent")
    rows, cursor, _ = pull_all(url, agent)
    assert {("ticket", "tkt-old-closed"), ("interaction", "int-old")} <= set(rows)
    spec = "interaction=730,message=15,ticket=1095"
    head = _head(db_url)

    assert _cli("purge", "--database", db_url, "--retention", spec, "--dry-run", "--json") == 0
    planned = json.loads(capsys.readouterr().out)["deleted"]
    assert planned["interaction"] >= 1 and planned["ticket"] == 1 and planned["message"] >= 2
    assert planned["token"] >= 1
    assert _head(db_url) == head

    assert _cli("purge", "--database", db_url, "--retention", spec, "--json") == 0
    assert json.loads(capsys.readouterr().out)["deleted"] == planned
    _, _, changes = _pull_after(url, agent, cursor, db_url)
    after = _applied(rows, changes)
    deleted = {(c["entity"], c["id"]) for c in changes if c["op"] == "delete"}
    assert {
        ("ticket", "tkt-old-closed"),
        ("message", "tkt-old-closed-m1"),
        ("interaction", "int-old"),
        ("message", "tkt-new-closed-m1"),  # message=15: the ticket closed 20 days ago stays
    } <= deleted
    kept = {("ticket", "tkt-old-open"), ("ticket", "tkt-new-closed"), ("interaction", "int-new")}
    kept.add(("message", "tkt-old-open-m1"))
    assert kept <= set(after) and not kept & deleted
    # Every interaction left is younger than two years; no message is left on a ticket closed
    # more than 15 days ago.
    horizon = _ago(730)
    closed = {i: closed_at(d) for (e, i), d in after.items() if e == "ticket"}
    stale = time.time() - 15 * 86400
    assert not [
        i
        for (e, i), d in after.items()
        if e == "message" and (closed.get(d["ticket_id"]) or stale + 1) < stale
    ]
    assert all(d["occurred_at"] >= horizon for (e, _), d in after.items() if e == "interaction")
    assert (
        httpx.get(url + "/v1/changes", headers=auth(seeded["expired_token"]), timeout=30).status_code == 401
    )
    [entry] = _admin_audit(url, action="retention_purge")
    assert entry["detail"]["deleted"]["ticket"] == 1

    # Nothing left to do the second time.
    assert _cli("purge", "--database", db_url, "--retention", spec, "--json") == 0
    again = json.loads(capsys.readouterr().out)["deleted"]
    assert not again.get("ticket") and not again.get("interaction")


def test_gateway_runs_the_purge_itself(db_url: str, gateway_factory: Callable[..., str]) -> None:
    url = gateway_factory(
        db_url, **DEMO, retention_days=(("interaction", 730.0),), purge_interval_seconds=0.3
    )
    agent = sign_in(url, "demo.agent")
    rows, cursor, _ = pull_all(url, agent)
    store = GatewayStore(db_url, pool_size=1)
    try:
        _seed_old_rows(store)
    finally:
        store.dispose()
    deadline = time.monotonic() + 20
    seen: list[dict[str, Any]] = []
    while not any(c["id"] == "int-old" and c["op"] == "delete" for c in seen):
        assert time.monotonic() < deadline, "the gateway's purge job did not delete the expired interaction"
        time.sleep(0.3)
        _, cursor, changes = pull_all(url, agent, cursor)
        seen += changes
    rows = _applied(rows, seen)
    # Only what is configured: the old closed ticket and the recent interaction stay.
    assert ("interaction", "int-new") in rows and ("ticket", "tkt-old-closed") in rows


def test_bad_input_is_refused_clearly(
    tmp_path: Path, gateway_factory: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "gw.db"
    gateway_factory(f"sqlite:///{db}", **DEMO)
    url = f"sqlite:///{db}"
    out = tmp_path / "x.json"
    assert _cli("export", "--customer", "no-such-person", "--database", url, "--out", str(out)) == 2
    assert "no customer 'no-such-person'" in capsys.readouterr().err and not out.exists()
    assert _cli("erase", "--customer", "no-such-person", "--database", url, "--yes") == 2
    assert "no customer" in capsys.readouterr().err
    missing = tmp_path / "missing.db"
    assert _cli("export", "--customer", "cust-0000001", "--database", f"sqlite:///{missing}") == 2
    assert "does not exist" in capsys.readouterr().err and not missing.exists()
    assert _cli("erase", "--customer", "cust-0000001", "--database", "not a url", "--yes") == 2
    assert "not a database URL" in capsys.readouterr().err
    assert _cli("purge", "--database", url, "--retention", "tickets=abc") != 0
    assert "retention" in capsys.readouterr().err
    # Without --yes and without a terminal to ask at, nothing is erased.
    assert _cli("erase", "--customer", "cust-0000001", "--database", url) == 2
    assert "--yes" in capsys.readouterr().err
    assert _cli("export", "--customer", "cust-0000001", "--database", url) == 0
    assert json.loads(capsys.readouterr().out)["erasure"]["erased"] is False


@pytest.mark.postgres
def test_unreachable_postgres_is_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    bad = "postgresql://postgres:secret@127.0.0.1:5432/agentdesk_no_such_db"
    assert _cli("export", "--customer", "c", "--database", bad) == 2
    err = capsys.readouterr().err
    assert "cannot open the gateway database" in err and "secret" not in err


def _erase_at_terminal(db: str, customer: str, answer: str) -> tuple[int, str]:
    """Run ``agentdesk privacy erase`` with a terminal on stdin and type ``answer``."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "agentdesk", "privacy", "erase", "--customer", customer, "--database", db],
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        os.write(leader, (answer + "\n").encode())
        out, _ = proc.communicate(timeout=60)
    finally:
        os.close(leader)
        os.close(follower)
    return proc.returncode, out


def test_erase_asks_at_a_terminal(tmp_path: Path, gateway_factory: Callable[..., str]) -> None:
    db = f"sqlite:///{tmp_path / 'gw.db'}"
    gateway_factory(db, **DEMO)
    code, out = _erase_at_terminal(db, "cust-0000002", "cust-0000003")
    assert code == 2 and "not erased" in out
    code, out = _erase_at_terminal(db, "cust-0000002", "cust-0000002")
    assert code == 0 and "customer cust-0000002 erased" in out, out


def test_serve_refuses_a_bad_retention(tmp_path: Path) -> None:
    result = run_agentdesk(
        "gateway",
        "serve",
        "--database",
        f"sqlite:///{tmp_path / 'g.db'}",
        env={**os.environ, "AGENTDESK_RETENTION": "interaction=forever"},
    )
    assert result.returncode != 0 and "DAYS must be a positive number" in result.stderr
    assert not (tmp_path / "g.db").exists()
