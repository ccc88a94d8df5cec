"""The fault proxy does what it says, against a real server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.support.asgi_server import serve_in_thread
from tests.sync.faultproxy import FaultProxy

HITS: list[str] = []


async def echo(request: Request) -> JSONResponse:
    HITS.append(request.url.path)
    return JSONResponse({"path": request.url.path, "pad": "x" * 2000})


@pytest.fixture(scope="module")
def proxy() -> Iterator[FaultProxy]:
    app = Starlette(routes=[Route("/{rest:path}", echo, methods=["GET", "POST"])])
    with serve_in_thread(app) as url, FaultProxy(url) as p:
        yield p


def test_passes_through_and_injects_each_fault(proxy: FaultProxy) -> None:
    with httpx.Client(base_url=proxy.url, timeout=5) as client:
        assert client.get("/v1/a").json()["path"] == "/v1/a"
        HITS.clear()
        proxy.script("drop_request")
        with pytest.raises(httpx.TransportError):
            client.post("/v1/b", json={"x": 1})
        assert HITS == []
        proxy.script("drop_response")
        with pytest.raises(httpx.TransportError):
            client.post("/v1/c", json={"x": 1})
        assert HITS == ["/v1/c"]  # the server saw it, the client did not hear back
        proxy.script("truncate")
        with pytest.raises(httpx.TransportError):
            client.get("/v1/d")
        proxy.script("429")
        response = client.get("/v1/e")
        assert response.status_code == 429 and response.headers["retry-after"] == "1"
        proxy.script("503")
        assert client.get("/v1/f").status_code == 503
        proxy.script("refuse")
        with pytest.raises(httpx.TransportError):
            client.get("/v1/g")
        proxy.set_offline(True)
        with pytest.raises(httpx.TransportError):
            client.get("/v1/h")
        proxy.set_offline(False)
        assert client.get("/v1/i").status_code == 200
        proxy.script("410")
        assert client.get("/v1/j").status_code == 410
        proxy.date_shift = 3600
        shifted = parsedate_to_datetime(client.get("/v1/k").headers["date"])
        proxy.date_shift = 0
        assert abs((shifted - datetime.now(UTC)).total_seconds() - 3600) < 5
    faults = [f for _, _, f in proxy.log]
    assert faults[-1] == "ok" and {"drop_request", "drop_response", "truncate", "429", "503"} <= set(faults)
