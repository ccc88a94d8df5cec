"""Incremental pages shared by the callers who ask the same question at the same head.

Agents of one team poll with cursors that are recent heads, so between two commits most of them
ask for one of a handful of pages: the first asks the database, the others (arriving meanwhile or
later, until the head moves) get the same bytes. A page depends only on the key (head, cursor,
limit, the caller's teams, masked or not), and every version at or below the head is committed,
so a shared page is exactly what the database would have answered when it was read.

Only small pages stay for later callers (``max_kept_bytes``): the continuation pages of a first
sync (megabytes each, asked for once) would otherwise pile up until the next commit, a whole
snapshot of a large store held in memory. Callers already waiting for a large page still share it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
MAX_ENTRIES = 1024
MAX_KEPT_BYTES = 256 * 1024  # a poll's page is a few KB; 1,024 of these stay under 256 MB


class SharedPages(Generic[T]):
    def __init__(
        self,
        max_entries: int = MAX_ENTRIES,
        *,
        size: Callable[[T], int] = lambda page: len(getattr(page, "body", b"")),
        max_kept_bytes: int = MAX_KEPT_BYTES,
    ) -> None:
        self.max_entries = max_entries
        self.size = size
        self.max_kept_bytes = max_kept_bytes
        self.head = -1
        self._tasks: dict[Hashable, asyncio.Task[T]] = {}
        self.hits = 0
        self.loads = 0

    async def get(self, head: int, key: Hashable, load: Callable[[], Awaitable[T]]) -> T:
        if head != self.head:  # pages of an older head are never asked for again
            self._tasks = {}
            self.head = head
        task = self._tasks.get(key)
        if task is None:
            if len(self._tasks) >= self.max_entries:
                self._tasks = {}
            self.loads += 1
            task = asyncio.ensure_future(load())
            tasks = self._tasks
            tasks[key] = task

            def forget_failed_or_large(done: asyncio.Task[T]) -> None:
                # A failed load is tried again by the next caller; a large page is not kept.
                failed = done.cancelled() or done.exception() is not None
                if failed or self.size(done.result()) > self.max_kept_bytes:
                    tasks.pop(key, None)

            task.add_done_callback(forget_failed_or_large)
        else:
            self.hits += 1
        # Shielded: one caller going away does not cancel the read the others wait for.
        return await asyncio.shield(task)
