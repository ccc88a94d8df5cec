"""Where password hashes are checked: argon2 is slow on purpose (about 0.1 s of CPU and 64 MiB a
check), so a burst of wrong passwords must not take the cores the other requests need.

One worker thread at a lowered CPU priority (argon2's own lane threads inherit it), and a bounded
number of checks waiting for it: past that, a sign-in is refused at once (the caller retries after
a second) instead of queueing without limit behind an attack.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
THREADS = 1
MAX_PENDING = 8  # running or waiting
NICE = 10


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

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        with self._lock:
            if self.pending >= self.max_pending:
                raise KdfBusy
            self.pending += 1
        future: Future[T] = self._executor.submit(fn, *args)
        future.add_done_callback(self._done)  # counted until it really ends, even if we are cancelled
        return await asyncio.wrap_future(future)

    def _done(self, _future: Future[Any]) -> None:
        with self._lock:
            self.pending -= 1


runner = KdfRunner()
