"""Reading ``/v1/changes`` pages: the rows a principal may see, in ascending version order.

The page body is assembled from the stored change JSON without decoding it, which is what makes a
full snapshot of a million rows cheap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection

ROW_SEPARATOR = ",\n"  # stored change JSON is compact: it never holds a raw newline


@dataclass(frozen=True, slots=True)
class Page:
    body: bytes
    count: int
    cursor: int
    has_more: bool


def changes_page(
    conn: Connection, head: int, cursor: int, limit: int, *, team_ids: Sequence[str] | None, masked: bool
) -> Page:
    """Changes after ``cursor`` up to the committed ``head`` (read before, see engine.py).

    ``team_ids`` None: everything (admin). ``cursor`` 0: a snapshot, without tombstones or
    revocations. When the page is not full, the returned cursor is ``head`` so a caller who sees
    few of the rows does not scan the same invisible range again on the next pull.

    The query runs on the driver's own cursor (plain SQL, one text per shape and team count): for
    a snapshot page of thousands of rows, result-row objects would cost more than the query.
    """
    teams = tuple(team_ids) if team_ids is not None else None
    sql = _page_sql(conn.dialect.paramstyle, teams is not None, len(teams or ()), cursor == 0, masked)
    params: dict[str, object] = {"cursor": cursor, "head": head, "limit": limit + 1}
    params.update({f"t{i}": team for i, team in enumerate(teams or ())})
    raw = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        raw.execute(sql, params)
        rows = raw.fetchall()
    finally:
        raw.close()
    has_more = len(rows) > limit
    if has_more:
        rows = rows[:limit]
    last = rows[-1][0] if has_more else max(head, cursor)
    flag = "true" if has_more else "false"
    # One change per line (same JSON document): a client can split a large page into rows and
    # decode it in small pieces, never holding its interpreter for a whole page (ROW_SEPARATOR).
    rows_text = ROW_SEPARATOR.join(r[1] for r in rows)
    body = "".join(('{"changes":[\n', rows_text, f'\n],"cursor":{last},"has_more":{flag}}}'))
    return Page(body.encode(), len(rows), last, has_more)


@cache
def _page_sql(paramstyle: str, scoped: bool, team_count: int, snapshot: bool, masked: bool) -> str:
    """The page query for one shape (same SQL on SQLite and PostgreSQL; only the markers differ)."""
    served = "COALESCE(r.masked, r.change)" if masked else "r.change"
    teams = ", ".join(f":t{i}" for i in range(team_count))
    where = ["r.version > :cursor", "r.version <= :head"]
    if snapshot:
        where.append("NOT r.deleted")
    if scoped and not team_count:
        where.append("NOT r.scoped")
    elif scoped:
        where.append(
            f"(NOT r.scoped OR EXISTS (SELECT 1 FROM gw_grants g WHERE g.entity = r.entity"
            f" AND g.id = r.id AND g.team_id IN ({teams})))"
        )
    rows = f"SELECT r.version AS version, {served} AS change FROM gw_records r WHERE {' AND '.join(where)}"
    if scoped and team_count and not snapshot:
        revoked = (
            "SELECT v.version AS version, v.change AS change FROM gw_revocations v"
            f" WHERE v.version > :cursor AND v.version <= :head AND v.team_id IN ({teams})"
            " AND NOT EXISTS (SELECT 1 FROM gw_grants g WHERE g.entity = v.entity AND g.id = v.id"
            f" AND g.team_id IN ({teams}))"
        )
        # Each branch is limited on its own first: the union of two index-ordered, limited scans,
        # not a sort of every row after the cursor (which made each page cost O(rows after it)).
        sql = (
            f"SELECT version, change FROM (SELECT * FROM ({rows} ORDER BY r.version LIMIT :limit) a"
            f" UNION ALL SELECT * FROM ({revoked} ORDER BY v.version LIMIT :limit) b) u"
            " ORDER BY version LIMIT :limit"
        )
    else:
        sql = f"{rows} ORDER BY r.version LIMIT :limit"
    if paramstyle == "pyformat":  # psycopg
        return re.sub(r":(\w+)", r"%(\1)s", sql)
    return sql
