"""One way for the UI to start store work: ``StoreOp(parent, lambda ws: ...)``.

A single worker thread owns the console's store connection (and calls the replicator's
``enqueue``, which writes to SQLite); the result or the error comes back on the main thread.
Read-only work that may take long runs in a lane of its own (``run(lane=...)``), so the agent's next
click never waits behind it.
Do not touch widgets inside the op: copy what it needs before, and use the result after.
An op whose parent widget was deleted meanwhile is dropped silently.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, Literal, TypeVar

from agentdesk.ui.qt import QObject, Qt, Signal, isValid

log = logging.getLogger(__name__)
T = TypeVar("T")
# "store": the agent's clicks and every write. "queue": queue reloads (a large view reads for 0.1 s
# or more at a million tickets, and reloads follow every change). "slow": knowledge and script
# suggestions. One thread each, own SQLite connections (WAL: reads run beside the writer).
Lane = Literal["store", "queue", "slow"]


class _Dispatcher(QObject):
    """Lives on the main thread; the worker emits, Qt queues the call to the main thread."""

    done = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _deliver(call: Callable[[], None]) -> None:
        call()


class StoreRunner:
    """The console's one database thread, with the workspace it hands to every op."""

    def __init__(self, workspace: Any) -> None:
        self.workspace = workspace
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="agentdesk-ui-db")
        self._lanes: dict[str, ThreadPoolExecutor] = {
            "store": self._pool,
            "queue": ThreadPoolExecutor(1, thread_name_prefix="agentdesk-ui-queue"),
            "slow": ThreadPoolExecutor(1, thread_name_prefix="agentdesk-ui-slow"),
        }
        self._dispatcher = _Dispatcher()
        self._inflight = 0
        self._lock = threading.Lock()

    def submit(
        self,
        fn: Callable[[Any], T],
        deliver: Callable[[T | None, BaseException | None], None],
        *,
        lane: Lane = "store",
    ) -> None:
        with self._lock:
            self._inflight += 1

        def work() -> None:
            try:
                result, error = fn(self.workspace), None
            except BaseException as exc:
                result, error = None, exc
            finally:
                with self._lock:
                    self._inflight -= 1
            self._dispatcher.done.emit(lambda: deliver(result, error))

        self._lanes[lane].submit(work)

    def call(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn`` on the worker and wait (shutdown paths and tests only, never in a slot)."""
        return self._pool.submit(fn, self.workspace).result()

    @property
    def busy(self) -> bool:
        return self._inflight > 0

    def shutdown(self) -> None:
        for name, lane in self._lanes.items():
            if name != "store":
                lane.shutdown(wait=True, cancel_futures=True)
        self._pool.shutdown(wait=True)


_runner: StoreRunner | None = None


def install_runner(runner: StoreRunner | None) -> None:
    global _runner
    _runner = runner


def runner() -> StoreRunner:
    if _runner is None:
        raise RuntimeError("no store runner installed")
    return _runner


class StoreOp(Generic[T]):
    """``StoreOp(parent, fn).success(cb).failure(cb).run()``; ``fn(workspace)`` runs on the worker."""

    def __init__(self, parent: QObject | None, fn: Callable[[Any], T]) -> None:
        self._parent = parent
        self._fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[T], None]) -> StoreOp[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> StoreOp[T]:
        self._failure = callback
        return self

    def run(self, *, lane: Lane = "store") -> None:
        """Start the op; read-only work that may take long goes to another ``lane`` (module doc)."""
        parent = self._parent

        def deliver(result: T | None, error: BaseException | None) -> None:
            if parent is not None and not isValid(parent):
                return
            if error is not None:
                if self._failure is not None:
                    self._failure(error)
                else:
                    from agentdesk.ui.errors import show_error

                    show_error(parent, error)
                return
            if self._success is not None:
                self._success(result)  # type: ignore[arg-type]

        if _runner is None:  # the console is closing: late timers find no worker, and that is fine
            log.debug("store op dropped: no store runner")
            return
        _runner.submit(self._fn, deliver, lane=lane)
