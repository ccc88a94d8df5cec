from __future__ import annotations

import pytest


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def helpdesk(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A real django-helpdesk 2.6.1 on loopback for the whole session."""
    from tests.peers import helpdesk_instance

    if not helpdesk_instance.available():
        pytest.skip("django-helpdesk is not installed (pip install -e '.[peers]')")
    instance = helpdesk_instance.start(tmp_path_factory.mktemp("helpdesk"))
    yield instance
    instance.stop()
