"""One sync round: push the outbox (oldest first, in batches), then pull /v1/changes until caught up.

Pushes re-send the same mutation ids after a lost connection, so the gateway answers "duplicate"
rather than applying twice. Pulls write each page's rows and cursor in one transaction; while a
page is written the next one is fetched. A cursor the gateway no longer knows starts a fresh
snapshot that keeps the outbox and drops the rows the snapshot does not contain.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Connection

from agentdesk.errors import BadCursor, GatewayRefused, GatewayUnreachable
from agentdesk.sync.client import actions, outbox, state
from agentdesk.sync.client.changes import Changes, ChangesBuilder
from agentdesk.sync.client.outbox import OutboxEntry
from agentdesk.sync.client.planner import plan_page
from agentdesk.sync.client.transport import PUSH_BUDGET, GatewayClient, push_size
from agentdesk.sync.protocol import ChangesPage, MutationResult

log = logging.getLogger(__name__)
_WINDOW = 5  # batches read from the outbox at a time (so reading never waits for a recording)


def request_batches(
    entries: list[OutboxEntry], max_count: int, max_bytes: int = PUSH_BUDGET
) -> list[list[OutboxEntry]]:
    """Split queue-ordered entries into requests of at most ``max_count`` mutations whose JSON stays
    under ``max_bytes`` (the gateway answers 413 above its body limit). An entry too large on its own
    goes alone; the gateway's 413 then rejects it locally (see ``Round._send``)."""
    batches: list[list[OutboxEntry]] = []
    current: list[OutboxEntry] = []
    size = 0
    for entry in entries:
        n = push_size(entry.wire())
        if current and (len(current) >= max_count or size + n > max_bytes):
            batches.append(current)
            current, size = [], 0
        current.append(entry)
        size += n
    if current:
        batches.append(current)
    return batches


@dataclass(slots=True)
class RoundReport:
    """Counts of one or more sync rounds (what ``agentdesk sync --once`` prints)."""

    pulled: int = 0
    pages: int = 0
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    removed_by_snapshot: int = 0
    skipped: int = 0  # rows the local store refused (a partial upstream record): logged, not fatal
    pending: int = 0
    cursor: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class RoundContext:
    gateway: GatewayClient
    client_id: str
    page_size: int
    batch_size: int
    db: Callable[[Callable[[Connection], Any]], Awaitable[Any]]  # fn(conn) in one write transaction
    outbox_changed: Callable[[ChangesBuilder], None]  # refresh pending/rejected, then publish
    publish: Callable[[Changes], None]
    progress: Callable[[int], None]  # the cursor after each page


class Round:
    def __init__(self, ctx: RoundContext) -> None:
        self.ctx = ctx

    async def run(self) -> RoundReport:
        report = RoundReport()
        await self.push_all(report)
        await self.pull_all(report)
        if report.applied or report.duplicate:
            await self.pull_all(report)  # fetch the versions our mutations were written at
        return report

    async def push_all(self, report: RoundReport) -> None:
        """Push the pending queue in request-sized batches, oldest first. A batch goes out only once
        the one before it has been answered (the gateway applies them in queue order), but its
        answers are recorded locally while the next batch is on the wire."""
        after: int | None = None  # the last seq sent in this pass
        recording: asyncio.Task[None] | None = None
        try:
            while True:
                window = await self.ctx.db(
                    partial(outbox.next_batch, limit=self.ctx.batch_size * _WINDOW, after_seq=after)
                )
                if not window:
                    return
                for batch in request_batches(window, self.ctx.batch_size):
                    results = await self._send(batch)
                    if recording is not None:
                        await recording  # one at a time, in order (and its errors surface here)
                        recording = None
                    if not results:
                        raise GatewayUnreachable("the gateway answered none of the mutations")
                    recording = asyncio.create_task(self._record(batch, results, report))
                    after = batch[-1].seq
        finally:
            if recording is not None:
                await recording

    async def _record(
        self, batch: list[OutboxEntry], results: list[MutationResult], report: RoundReport
    ) -> None:
        changes = ChangesBuilder()
        counts = await self.ctx.db(
            partial(actions.record_results, sent=batch, results=results, changes=changes)
        )
        report.applied += counts["applied"]
        report.duplicate += counts["duplicate"]
        report.rejected += counts["rejected"]
        self.ctx.outbox_changed(changes)

    async def _send(self, batch: list[OutboxEntry]) -> list[MutationResult]:
        """Push a batch; a batch the gateway refuses as malformed is split until the bad one is
        found, which is then rejected locally with the gateway's words (it never blocks the rest)."""
        try:
            return await self.ctx.gateway.push(self.ctx.client_id, [e.wire() for e in batch])  # type: ignore[misc]
        except GatewayRefused as exc:
            if exc.status not in (400, 413, 422):
                raise
            if len(batch) == 1:
                reason = f"invalid: {exc}"
                return [
                    {
                        "mutation_id": batch[0].mutation_id,
                        "status": "rejected",
                        "reason": reason,
                        "version": None,
                    }
                ]
            half = len(batch) // 2
            return await self._send(batch[:half]) + await self._send(batch[half:])

    async def pull_all(self, report: RoundReport) -> None:
        """Pull until caught up. A cursor the gateway no longer knows (410 / bad-cursor, on any
        page) starts a fresh snapshot that keeps the outbox and drops rows it does not contain."""
        for _ in range(3):
            try:
                await self._pull_pages(report)
                return
            except BadCursor as exc:
                log.warning("the gateway refused our cursor (%s); taking a fresh snapshot", exc)
                await self.ctx.db(lambda conn: state.put(conn, state.RESNAPSHOT, True))
        raise GatewayUnreachable("the gateway keeps refusing the cursor of a fresh snapshot")

    async def _pull_pages(self, report: RoundReport) -> None:
        cursor, resnapshot = await self.ctx.db(
            lambda conn: (state.cursor(conn), bool(state.get(conn, state.RESNAPSHOT)))
        )
        seen: dict[str, set[str]] | None = {} if resnapshot else None
        page = await self.ctx.gateway.changes(0 if resnapshot else cursor, self.ctx.page_size)
        if page.get("reset") and seen is None and cursor > 0:
            seen = {}
            await self.ctx.db(lambda conn: state.put(conn, state.RESNAPSHOT, True))
        while True:
            next_page = (
                asyncio.create_task(self.ctx.gateway.changes(page["cursor"], self.ctx.page_size))
                if page.get("has_more")
                else None
            )
            try:
                await self._apply(page, seen, report)
            except BaseException:
                if next_page is not None:
                    next_page.cancel()
                raise
            if next_page is None:
                break
            page = await next_page
        if seen is not None:
            changes = ChangesBuilder()
            finish = partial(self._finish_snapshot, seen=seen, changes=changes)
            report.removed_by_snapshot += await self.ctx.db(finish)
            self.ctx.publish(changes.build())

    @staticmethod
    def _finish_snapshot(conn: Connection, seen: dict[str, set[str]], changes: ChangesBuilder) -> int:
        removed = actions.drop_unseen(conn, seen, changes)
        state.delete(conn, state.RESNAPSHOT)
        return removed

    async def _apply(self, page: ChangesPage, seen: dict[str, set[str]] | None, report: RoundReport) -> None:
        changes = ChangesBuilder()

        def apply(conn: Connection) -> tuple[int, list[tuple[str, str]]]:
            plan = plan_page(page["changes"], page["cursor"], outbox.overlay_keys(conn))
            return plan.row_count, actions.apply_page(conn, plan, changes)

        rows, refused = await self.ctx.db(apply)
        if refused:
            log.warning(
                "%d rows from the gateway could not be stored and were skipped, e.g. %s/%s",
                len(refused),
                *refused[0],
            )
            report.skipped += len(refused)
            rows -= len(refused)
        if seen is not None:
            for change in page["changes"]:
                if change.get("op") == "upsert":
                    seen.setdefault(str(change.get("entity")), set()).add(str(change.get("id")))
        report.pulled += rows
        report.pages += 1
        report.cursor = page["cursor"]
        built = changes.build()
        if built.outbox:
            self.ctx.outbox_changed(changes)
        else:
            self.ctx.publish(built)
        self.ctx.progress(page["cursor"])
