"""Pure planning of one /v1/changes page: which rows to write, delete, or rebuild under the overlay.

Decision table for each change (the last change of an (entity, id) in the page wins, since a page
is in ascending version order):

  op      row has local edits?   action
  ------  ---------------------  ---------------------------------------------------------------
  upsert  no                     write the server row
  upsert  yes                    replace the row's shadow with the server data; rebuild the row
                                 (server data + pending edits), so nothing flickers back
  delete  no                     delete the row
  delete  yes                    delete the row and its shadow: deletion wins; the queued edits
                                 still go to the server, which rejects them, and the agent sees why
  any     unknown entity         skip it (a newer server); the cursor still advances

A ``message`` upsert whose data carries ``mutation_id`` confirms that mutation: its local
placeholder message is removed in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from agentdesk.store.models import ENTITY_MODELS
from agentdesk.sync.client.bulk import Record
from agentdesk.sync.protocol import Change

Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class PagePlan:
    cursor: int
    upserts: Mapping[str, list[Record]] = field(default_factory=dict)  # (id, version, data)
    deletes: Mapping[str, list[str]] = field(default_factory=dict)
    shadow_puts: Sequence[tuple[str, str, int, dict[str, Any]]] = ()
    shadow_deletes: frozenset[Key] = frozenset()
    rebuild: frozenset[Key] = frozenset()
    confirmed: frozenset[str] = frozenset()  # mutation ids whose server message arrived
    skipped: int = 0

    @property
    def row_count(self) -> int:
        return sum(map(len, self.upserts.values())) + sum(map(len, self.deletes.values())) + len(
            self.shadow_puts)

    def touched(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for entity, rows in self.upserts.items():
            out.setdefault(entity, set()).update(r[0] for r in rows)
        for entity, ids in self.deletes.items():
            out.setdefault(entity, set()).update(ids)
        for entity, entity_id in self.rebuild:
            out.setdefault(entity, set()).add(entity_id)
        return out


def plan_page(changes: Iterable[Change], cursor: int, overlay: set[Key] | frozenset[Key]) -> PagePlan:
    by_entity: dict[str, dict[str, Change]] = {}  # entity -> id -> its last change in the page
    skipped = 0
    for change in changes:
        bucket = by_entity.get(change["entity"])
        if bucket is None:
            if change["entity"] not in ENTITY_MODELS:
                skipped += 1
                continue
            bucket = by_entity[change["entity"]] = {}
        bucket[change["id"]] = change

    upserts: dict[str, list[Record]] = {}
    deletes: dict[str, list[str]] = {}
    shadow_puts: list[tuple[str, str, int, dict[str, Any]]] = []
    shadow_deletes: set[Key] = set()
    rebuild: set[Key] = set()
    confirmed: set[str] = set()
    for entity, bucket in by_entity.items():
        rows: list[Record] = []
        gone: list[str] = []
        is_message = entity == "message"
        for entity_id, change in bucket.items():
            edited = bool(overlay) and (entity, entity_id) in overlay
            if change["op"] == "delete":
                gone.append(entity_id)
                if edited:
                    shadow_deletes.add((entity, entity_id))
                continue
            data = change.get("data") or {}
            if is_message and isinstance(data.get("mutation_id"), str):
                confirmed.add(data["mutation_id"])
            if edited:
                shadow_puts.append((entity, entity_id, int(change["version"]), data))
                rebuild.add((entity, entity_id))
            else:
                rows.append((entity_id, int(change["version"]), data))
        if rows:
            upserts[entity] = rows
        if gone:
            deletes[entity] = gone
    return PagePlan(
        cursor=cursor, upserts=upserts, deletes=deletes, shadow_puts=shadow_puts,
        shadow_deletes=frozenset(shadow_deletes), rebuild=frozenset(rebuild),
        confirmed=frozenset(confirmed), skipped=skipped,
    )
