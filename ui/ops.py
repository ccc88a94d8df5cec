"""One way for the UI to start store work: ``StoreOp(parent, lambda ws: ...)``.

A single worker thread owns the console's store connection (and calls the replicator's
``enqueue``, which writes to SQLite); the result or the error comes back on the main thread.
Do not touch widgets inside the op: copy what it needs before, and use the result after.
An op whose parent widget was deleted meanwhile is dropped silently.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from agentdesk.ui.qt import QObject, Qt, Signal, isValid

log = logging.getLogger(__name__)
T = TypeVar("T")


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
        # Slow read-only work (knowledge and script suggestions) queues here, never in front of
        # the agent's next click on the store worker above.
        self._slow = ThreadPoolExecutor(1, thread_name_prefix="agentdesk-ui-slow")
        self._dispatcher = _Dispatcher()
        self._inflight = 0
        self._lock = threading.Lock()

    def submit(
        self,
        fn: Callable[[Any], T],
        deliver: Callable[[T | None, BaseException | None], None],
        *,
        slow: bool = False,
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

        (self._slow if slow else self._pool).submit(work)

    def call(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn`` on the worker and wait (shutdown paths and tests only, never in a slot)."""
        return self._pool.submit(fn, self.workspace).result()

    @property
    def busy(self) -> bool:
        return self._inflight > 0

    def shutdown(self) -> None:
        self._slow.shutdown(wait=True, cancel_futures=True)
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

    def run(self, *, slow: bool = False) -> None:
        """Start the op; ``slow=True`` for read-only work that may take long (its own thread)."""
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
        _runner.submit(self._fn, deliver, slow=slow)
