"""Shared pages: the same question at the same head is read once; large pages are not kept."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from agentdesk.sync.gateway.pagecache import SharedPages


@dataclass
class _Page:
    body: bytes


def test_small_pages_are_shared_and_large_ones_read_again() -> None:
    async def run() -> tuple[int, int, bool]:
        pages: SharedPages[_Page] = SharedPages(max_kept_bytes=1000)
        loads = 0

        async def load(size: int) -> _Page:
            nonlocal loads
            loads += 1
            await asyncio.sleep(0.01)
            return _Page(b"x" * size)

        small = [await pages.get(7, ("small",), lambda: load(10)) for _ in range(3)]
        small_loads = loads
        # Callers arriving while a large page loads still share that one read...
        together = await asyncio.gather(*(pages.get(7, ("large",), lambda: load(5000)) for _ in range(3)))
        # ...but once it is done it is not kept: a later caller reads it again.
        await pages.get(7, ("large",), lambda: load(5000))
        return small_loads, loads, all(p is together[0] for p in together) and small[0] is small[2]

    small_loads, loads, shared = asyncio.run(run())
    assert small_loads == 1 and loads == 3 and shared
