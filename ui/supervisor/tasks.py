"""Gateway calls off the UI thread: ``run(parent, fn, on_done, on_error)``.

Two worker threads (a slow dashboard never holds up an approval click); the result or the error
comes back on the main thread through a queued signal. A call whose parent widget was deleted
meanwhile is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from agentdesk.ui.qt import QObject, Qt, Signal, isValid

log = logging.getLogger(__name__)
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="agentdesk-supervisor")


class _Mailbox(QObject):
    arrived = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(lambda call: call(), Qt.ConnectionType.QueuedConnection)


_mailbox: _Mailbox | None = None


def run(
    parent: QObject,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    global _mailbox
    if _mailbox is None:
        _mailbox = _Mailbox()  # created on the main thread by the first call
    mailbox = _mailbox

    def work() -> None:
        try:
            result, error = fn(), None
        except BaseException as exc:  # handed to the main thread, never lost in the pool
            result, error = None, exc

        def deliver() -> None:
            if not isValid(parent):
                return
            if error is None:
                on_done(result)
            elif on_error is not None:
                on_error(error)
            else:
                log.warning("supervisor call failed: %s", error)

        mailbox.arrived.emit(deliver)

    _pool.submit(work)
