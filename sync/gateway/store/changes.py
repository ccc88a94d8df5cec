"""Reading ``/v1/changes`` pages: the rows a principal may see, in ascending version order.

The page body is assembled from the stored change JSON without decoding it, which is what makes a
full snapshot of a million rows cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, Executable, and_, bindparam, func, or_, select, union_all

from agentdesk.sync.gateway.store import schema as s

_r = s.records
_g = s.grants
_v = s.revocations


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
    """
    scoped = team_ids is not None
    if scoped and not team_ids:
        query, params = _statement(False, cursor == 0, masked, globals_only=True), {}
    else:
        query = _statement(scoped, cursor == 0, masked)
        params = {"teams": list(team_ids)} if scoped else {}
    rows = conn.execute(query, {"cursor": cursor, "head": head, "limit": limit + 1, **params}).all()
    has_more = len(rows) > limit
    if has_more:
        rows = rows[:limit]
    last = rows[-1][0] if has_more else max(head, cursor)
    flag = "true" if has_more else "false"
    body = "".join(('{"changes":[', ",".join(r[1] for r in rows), f'],"cursor":{last},"has_more":{flag}}}'))
    return Page(body.encode(), len(rows), last, has_more)


@cache
def _statement(scoped: bool, snapshot: bool, masked: bool, *, globals_only: bool = False) -> Executable:
    """Built once per shape (building a statement costs more than running it on an empty range)."""
    served = func.coalesce(_r.c.masked, _r.c.change) if masked else _r.c.change
    version_range = (_r.c.version > bindparam("cursor"), _r.c.version <= bindparam("head"))
    rows_q = select(_r.c.version.label("version"), served.label("change")).where(*version_range)
    if snapshot:
        rows_q = rows_q.where(_r.c.deleted.is_(False))
    if globals_only:
        return rows_q.where(_r.c.scoped.is_(False)).order_by(_r.c.version).limit(bindparam("limit"))
    if not scoped:
        return rows_q.order_by(_r.c.version).limit(bindparam("limit"))
    teams = bindparam("teams", expanding=True)
    granted = (
        select(_g.c.team_id)
        .where(_g.c.entity == _r.c.entity, _g.c.id == _r.c.id, _g.c.team_id.in_(teams))
        .exists()
    )
    rows_q = rows_q.where(or_(_r.c.scoped.is_(False), granted))
    if snapshot:
        return rows_q.order_by(_r.c.version).limit(bindparam("limit"))
    still = (
        select(_g.c.team_id)
        .where(and_(_g.c.entity == _v.c.entity, _g.c.id == _v.c.id, _g.c.team_id.in_(teams)))
        .exists()
    )
    revoked_q = select(_v.c.version.label("version"), _v.c.change.label("change")).where(
        _v.c.version > bindparam("cursor"), _v.c.version <= bindparam("head"), _v.c.team_id.in_(teams), ~still
    )
    union = union_all(rows_q, revoked_q).subquery()
    return select(union.c.version, union.c.change).order_by(union.c.version).limit(bindparam("limit"))
