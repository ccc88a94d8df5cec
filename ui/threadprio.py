"""Background threads below the UI thread for the CPU (the GIL is another matter: see ui/bridge.py).

A full sync keeps its threads busy for minutes. On a loaded machine (2 cores, a browser, a
softphone) the UI thread then waits for a core behind them: measured during a first sync, the UI
thread spent most of each 40–80 ms stall runnable but not running. At a lower OS priority the sync
threads still get every idle cycle, and the UI thread gets a core as soon as it wakes.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import weakref

log = logging.getLogger(__name__)

SYNC_THREAD_PREFIX = "agentdesk-sync"  # the replicator's loop, its database worker, its checkpoints
NICE = 10  # Linux: nice 10 weighs about a tenth of nice 0
_WINDOWS_BELOW_NORMAL = -1  # THREAD_PRIORITY_BELOW_NORMAL
_WINDOWS_SET_INFORMATION = 0x0020  # THREAD_SET_INFORMATION

_lowered: weakref.WeakSet[threading.Thread] = weakref.WeakSet()
_lock = threading.Lock()


def lower_threads(prefix: str = SYNC_THREAD_PREFIX) -> int:
    """Lower the OS priority of running threads named ``prefix…`` (once each); how many were lowered.

    Linux and Windows only (on macOS a priority applies to the whole process): a no-op elsewhere.
    """
    if not (sys.platform.startswith("linux") or sys.platform == "win32"):
        return 0
    count = 0
    for thread in threading.enumerate():
        native = thread.native_id
        if native is None or not thread.name.startswith(prefix):
            continue
        with _lock:
            if thread in _lowered:
                continue
            _lowered.add(thread)
        try:
            _lower(native)
            count += 1
        except OSError as exc:
            log.debug("thread %s keeps its priority: %s", thread.name, exc)
    return count


def _lower(native_id: int) -> None:
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenThread(_WINDOWS_SET_INFORMATION, False, native_id)
        if not handle:
            raise OSError(ctypes.get_last_error(), "OpenThread failed")
        try:
            if not kernel32.SetThreadPriority(handle, _WINDOWS_BELOW_NORMAL):
                raise OSError(ctypes.get_last_error(), "SetThreadPriority failed")
        finally:
            kernel32.CloseHandle(handle)
        return
    current = os.getpriority(os.PRIO_PROCESS, native_id)  # Linux: a thread is a task of its own
    if current < NICE:
        os.setpriority(os.PRIO_PROCESS, native_id, NICE)
