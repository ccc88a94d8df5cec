"""Fixtures shared by every test package.

Gateway (from tests/gateway/harness.py — a real uvicorn server on a free 127.0.0.1 port):

* ``gateway_url``      module-scoped base URL of a gateway on a fresh SQLite file with ``--seed-demo``
                       data (sign in with demo.agent / demo.lead / demo.admin, password ``demo``).
* ``gateway_factory``  function-scoped: ``gateway_factory(database_url=None, seed_demo=True, **config)``
                       starts another gateway (fresh SQLite file by default) and returns its URL;
                       stopped at the end of the test.
* ``pg_url``           function-scoped URL of a fresh, empty PostgreSQL database (dropped after);
                       skips when no server listens at 127.0.0.1:5432.

Modal message boxes (Qt tests): a box shown while a test sets up, runs or tears down (a store error
through ``ui.errors.show_error``, or any other ``QMessageBox`` run modally) is closed at once and
the test fails with the box's text, instead of blocking until pytest-timeout kills the run. A test
that expects a box requests ``message_boxes``: then boxes are left to the test to answer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

MESSAGE_BOX_POLL_MS = 50


@pytest.fixture(scope="module")
def gateway_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.gateway.harness import gateway_server

    path = tmp_path_factory.mktemp("gateway") / "gateway.db"
    with gateway_server(f"sqlite:///{path}", seed_demo=True) as url:
        yield url


@pytest.fixture
def gateway_factory(tmp_path: Path) -> Iterator[Callable[..., str]]:
    from tests.gateway.harness import gateway_server

    with ExitStack() as stack:
        counter = iter(range(1000))

        def start(database_url: str | None = None, *, seed_demo: bool = True, **config: Any) -> str:
            url = database_url or f"sqlite:///{tmp_path / f'gateway-{next(counter)}.db'}"
            return stack.enter_context(gateway_server(url, seed_demo=seed_demo, **config))

        yield start


@pytest.fixture
def pg_url() -> Iterator[str]:
    from tests.gateway.harness import postgres_available, postgres_database

    if not postgres_available():
        pytest.skip("no PostgreSQL server at 127.0.0.1:5432")
    with postgres_database() as url:
        yield url


# ---- modal message boxes ------------------------------------------------------------------------


class MessageBoxes:
    """Texts of the modal message boxes closed during the current test; ``expected``: leave them be."""

    def __init__(self) -> None:
        self.closed: list[str] = []
        self.expected = False


_boxes = MessageBoxes()
_box_watcher: Any = None


def _close_unexpected_box() -> None:
    from agentdesk.ui.qt import QApplication, QMessageBox

    box = QApplication.activeModalWidget()
    if _boxes.expected or not isinstance(box, QMessageBox):
        return
    parts = [box.windowTitle(), box.text(), box.informativeText(), box.detailedText()]
    _boxes.closed.append("\n".join(p for p in parts if p))
    box.done(0)  # no button: a question box answers neither Yes nor Ok


def _watch_boxes() -> None:
    """Once a QApplication exists: a timer (it also fires inside a modal box's own event loop)."""
    global _box_watcher
    if _box_watcher is not None or "PySide6.QtWidgets" not in sys.modules:
        return
    from agentdesk.ui.qt import QApplication, QTimer

    if QApplication.instance() is None:
        return
    _box_watcher = QTimer()
    _box_watcher.setInterval(MESSAGE_BOX_POLL_MS)
    _box_watcher.timeout.connect(_close_unexpected_box)
    _box_watcher.start()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: Any, request: Any) -> Generator[None, Any, Any]:
    result = yield
    _watch_boxes()  # as soon as a fixture created the application (qapp, or a console)
    return result


def _fail_on_boxes(phase: str) -> Generator[None, Any, Any]:
    _watch_boxes()
    start = len(_boxes.closed)
    try:
        result = yield
    except BaseException as exc:
        _fail_with_boxes(phase, start, f"\n\n(then {type(exc).__name__}: {exc})")
        raise
    finally:
        if phase == "teardown":
            _boxes.expected = False
    _fail_with_boxes(phase, start, "")
    return result


def _fail_with_boxes(phase: str, start: int, then: str) -> None:
    shown = _boxes.closed[start:]
    if shown:
        del _boxes.closed[:]
        text = "\n---\n".join(shown)
        message = f"message box shown during {phase} (closed by tests/conftest.py):\n{text}{then}"
        pytest.fail(message, pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, Any, Any]:
    return (yield from _fail_on_boxes("setup"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    return (yield from _fail_on_boxes("the test"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, Any, Any]:
    return (yield from _fail_on_boxes("teardown"))


@pytest.fixture
def message_boxes() -> MessageBoxes:
    """For a test that expects a message box: boxes stay open for the test to find and answer."""
    _boxes.expected = True
    return _boxes
