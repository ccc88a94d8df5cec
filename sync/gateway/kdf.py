"""Where password hashes are checked: argon2 is slow on purpose (about 0.1 s of CPU and 64 MiB a
check), so a burst of wrong passwords must not take the cores the other requests need.

One worker thread at a lowered CPU priority (argon2's own lane threads inherit it), and a bounded
number of checks waiting for it: past that, a sign-in is refused at once (the caller retries after
a second) instead of queueing without limit behind an attack. Attempts from an address or for an
account that failed recently ("suspect") share a small budget of checks on top (``SUSPECT_BURST``,
then ``SUSPECT_PER_SECOND``): an attack costs at most that much CPU, while a first attempt from a
clean address and account is never held behind it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
THREADS = 1
MAX_PENDING = 8  # running or waiting
NICE = 10
SUSPECT_BURST = 5.0
SUSPECT_PER_SECOND = 0.5


class KdfBusy(Exception):
    """Too many password checks are waiting already."""


def _lower_priority() -> None:
    # Linux: PRIO_PROCESS with a thread id sets that thread's nice value (and its children's).
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)


class KdfRunner:
    def __init__(self, threads: int = THREADS, max_pending: int = MAX_PENDING) -> None:
        self.max_pending = max_pending
        self.pending = 0
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(threads, thread_name_prefix="kdf", initializer=_lower_priority)
        self._suspect_tokens = SUSPECT_BURST
        self._suspect_at = time.monotonic()

    async def run(self, fn: Callable[..., T], *args: Any, suspect: bool = False) -> T:
        with self._lock:
            if self.pending >= self.max_pending or (suspect and not self._take_suspect_token()):
                raise KdfBusy
            self.pending += 1
        future: Future[T] = self._executor.submit(fn, *args)
        future.add_done_callback(self._done)  # counted until it really ends, even if we are cancelled
        return await asyncio.wrap_future(future)

    def _take_suspect_token(self) -> bool:
        now = time.monotonic()
        refill = (now - self._suspect_at) * SUSPECT_PER_SECOND
        self._suspect_tokens = min(SUSPECT_BURST, self._suspect_tokens + refill)
        self._suspect_at = now
        if self._suspect_tokens < 1.0:
            return False
        self._suspect_tokens -= 1.0
        return True

    def _done(self, _future: Future[Any]) -> None:
        with self._lock:
            self.pending -= 1


runner = KdfRunner()
