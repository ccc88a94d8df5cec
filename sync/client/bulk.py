"""Fast writes of server records: one prepared upsert per table, values converted without the ORM.

The initial snapshot writes a million rows; SQLAlchemy's per-value type processing is most of the
cost there. This module stores what ``codec.row_values`` + ``upsert_rows`` would (tested row for
row, read back through the typed mapping), converting each column by its declared type with a
per-table row function generated once (one tuple expression per row, no per-column calls for
plain columns). Tables with types it does not convert itself (money: ``Numeric``) go through the
codec.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, Connection, Integer, Numeric, String, Text
from sqlalchemy.exc import DataError, IntegrityError, InterfaceError, ProgrammingError

from agentdesk.domain.enums import TicketStatus
from agentdesk.store.codec import model_for, row_values, upsert_rows
from agentdesk.store.types import UTCDateTime
from agentdesk.timeutil import from_wire, to_store

Record = tuple[str, int, dict[str, Any]]  # (id, version, wire data)
RowFunction = Callable[[str, int, dict[str, Any]], tuple[Any, ...]]
_OUR_STATUSES = frozenset(s.value for s in TicketStatus)
ROW_ERRORS = (IntegrityError, InterfaceError, DataError, ProgrammingError)
# What the row functions bind for an absent or null value: SQLite has no NaN and stores a bound one
# as NULL, and a float binds without the driver's adapter look-up that even a registered None
# adapter costs (0.45 us less per snapshot ticket, bind included). JSON has no NaN, so it is never
# a value of its own here. (A null the wire sends for a plain column still binds as None.)
_NULL = float("nan")


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def _datetime(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) == 20 and value[19] == "Z" and value[10] == "T":
            return value[:19] + ".000000Z"
        if len(value) == 27 and value[26] == "Z" and value[19] == ".":
            return value
    return to_store(from_wire(value) if isinstance(value, str) else value)


def _bool(value: Any) -> int | None:
    return None if value is None else int(bool(value))


def _extra(data: dict[str, Any], known: frozenset[str]) -> str:
    if known.issuperset(data):
        return "null"
    return _json({k: v for k, v in data.items() if k not in known})


@cache
def _plan(entity: str) -> tuple[str, RowFunction] | None:
    """(upsert SQL, row function), or None when the table needs the codec path."""
    table = model_for(entity).__table__  # type: ignore[attr-defined]
    names: list[str] = []
    parts: list[str] = []
    env: dict[str, Any] = {
        "_json": _json,
        "_datetime": _datetime,
        "_bool": _bool,
        "_extra": _extra,
        "_ours": _OUR_STATUSES,
        "_new": TicketStatus.NEW.value,
        "_open": TicketStatus.OPEN.value,
        "_null": _NULL,
    }
    for column in table.columns:
        name = column.name
        if name in ("id", "server_version", "extra"):
            continue
        kind = column.type
        if entity == "ticket" and name in _TICKET_STATUS:
            parts.append(_TICKET_STATUS[name])
            names.append(name)
            continue
        value = f"d.get({name!r})"
        plain = f"d.get({name!r}, _null)"  # absent: NULL, null: None (both NULL)
        if column.default is not None and not column.nullable:
            arg = column.default.arg  # type: ignore[attr-defined]
            env[f"_default_{name}"] = arg(None) if callable(arg) else arg
            value = plain = f"(_d if (_d := d.get({name!r})) is not None else _default_{name})"
        if isinstance(kind, UTCDateTime):
            parts.append(f"(_null if (_v := {value}) is None else _datetime(_v))")
        elif isinstance(kind, JSON):
            parts.append(f"('null' if (_v := {value}) is None else _json(_v))")
        elif isinstance(kind, Boolean):
            parts.append(f"(_null if (_v := {value}) is None else int(bool(_v)))")
        elif isinstance(kind, Integer | String | Text) and not isinstance(kind, Numeric):
            parts.append(plain)
        else:
            return None
        names.append(name)
    env["_known"] = frozenset(names)
    source = f"def row(i, v, d):\n    return (i, v, {', '.join(parts)}, _extra(d, _known))\n"
    exec(compile(source, f"<bulk row {entity}>", "exec"), env)
    columns = ["id", "server_version", *names, "extra"]
    quoted = ", ".join(f'"{n}"' for n in columns)
    updates = ", ".join(f'"{n}" = excluded."{n}"' for n in columns if n != "id")
    sql = (
        f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" for _ in columns)}) '
        f'ON CONFLICT ("id") DO UPDATE SET {updates}'
    )
    return sql, env["row"]


def upsert_records(conn: Connection, entity: str, records: Sequence[Record]) -> int:
    if not records:
        return 0
    plan = _plan(entity)
    if plan is None:
        return upsert_rows(conn, entity, [row_values(entity, i, v, d) for i, v, d in records])
    sql, row = plan
    rows = [row(i, v, d) for i, v, d in records]
    conn.exec_driver_sql(sql, rows)
    return len(rows)


def upsert_tolerant(conn: Connection, entity: str, records: Sequence[Record]) -> list[str]:
    """``upsert_records``, except that a record the table refuses (a partial upstream record missing
    a required field, a value of the wrong type) is skipped and its id returned, so one bad row
    never stops the pull. A write failure of the store itself (disk full) still raises."""
    try:
        with conn.begin_nested():
            upsert_records(conn, entity, records)
        return []
    except ROW_ERRORS:
        pass
    skipped = []
    for record in records:
        try:
            with conn.begin_nested():
                upsert_records(conn, entity, [record])
        except ROW_ERRORS:
            skipped.append(record[0])
    return skipped


# The ticket's status columns as ``codec.row_values`` fills them: the upstream word or "new", and
# our group (given, or the status when it is one of ours, else "open"). ``status`` comes first in
# the table, so ``_s`` is bound by the time ``status_group`` is computed.
_TICKET_STATUS = {
    "status": "(_s := (d.get('status') or _new))",
    "status_group": "(d.get('status_group') or (_s if _s in _ours else _open))",
}
