"""Fetching /v1/changes pages without holding the interpreter for a whole page at a time.

``orjson.loads`` of a 10,000-row page (4 MB) is one C call that never releases the GIL: tens of
milliseconds during which the console's UI thread cannot run a line of Python. The gateway writes
one change per line (``{"changes":[\\n<change>,\\n<change>\\n],"cursor":...}``, still one JSON
document; a newline inside a JSON string is always escaped), so a page is decoded a run of whole
lines of about ``CHUNK_BYTES`` at a time, letting other threads in between (runs found with
``find``: no bytes object per row, no join). A body in any other layout (an older gateway, an
empty page) is decoded whole; so is one whose pieces do not decode, which can only mean the split
was wrong.
"""

from __future__ import annotations

from typing import Any

import orjson

from agentdesk.errors import GatewayUnreachable
from agentdesk.sync.client.transport import GatewayClient
from agentdesk.sync.protocol import ChangesPage

CHUNK_BYTES = 96 * 1024  # ~250 rows of tickets, ~0.5 ms of decoding on a 2-core laptop
_HEAD = b'{"changes":[\n'
_ROW_SEPARATOR = b",\n"
_TAIL = b"\n]"


def decode_page(body: bytes) -> Any:
    """The page as ``orjson.loads(body)`` would give it, decoded in pieces when the layout allows."""
    span = _rows_span(body)
    if span is None:
        return orjson.loads(body)
    try:
        page = orjson.loads(b'{"changes":[]' + body[span[1] + len(_TAIL) :])
        changes = _decode_rows(body, *span)
    except ValueError:
        return orjson.loads(body)
    if not isinstance(page, dict) or changes is None:
        return orjson.loads(body)
    page["changes"] = changes
    return page


def _rows_span(body: bytes) -> tuple[int, int, int] | None:
    """(start, end, number of rows) of the rows of a page in the one-change-per-line layout."""
    if not body.startswith(_HEAD):
        return None
    end = body.rfind(_TAIL)
    if end < len(_HEAD) - 1:
        return None
    start = len(_HEAD)
    return start, end, (body.count(_ROW_SEPARATOR, start, end) + 1 if end > start else 0)


def _decode_rows(body: bytes, start: int, end: int, count: int) -> list[Any] | None:
    """The rows between ``start`` and ``end``, a run of whole lines at a time; None when they are
    not ``count`` rows (the split was wrong). ValueError when a run does not decode."""
    changes: list[Any] = []
    while start < end:
        cut = body.find(_ROW_SEPARATOR, min(start + CHUNK_BYTES, end), end)
        if cut < 0:
            cut = end
        changes += orjson.loads(b"[" + body[start:cut] + b"]")
        start = cut + len(_ROW_SEPARATOR)
    return changes if len(changes) == count else None


class LazyPage(dict[str, Any]):
    """A page whose envelope (cursor, has_more, reset) is read at once and whose rows are decoded
    when first asked for (``page["changes"]`` or ``.get``): on the store worker that applies them,
    not on the network thread, so during a snapshot one busy thread, not two, competes with the UI
    thread for the GIL and the CPU. Rows that do not decode raise GatewayUnreachable there, inside
    the page's transaction, so nothing of the page is applied."""

    def __init__(self, envelope: dict[str, Any], body: bytes, span: tuple[int, int, int]) -> None:
        super().__init__(envelope)
        super().pop("changes", None)  # absent, not empty, until decoded
        self._body: bytes | None = body
        self._span = span

    def _decode(self) -> None:
        body, self._body = self._body, None
        if body is None:
            return
        try:
            changes = _decode_rows(body, *self._span)
        except ValueError as exc:
            raise GatewayUnreachable(f"the gateway's answer was cut off ({exc})") from exc
        if changes is None:
            raise GatewayUnreachable("the gateway's changes page is not in the expected shape")
        super().__setitem__("changes", changes)

    def __getitem__(self, key: str) -> Any:
        if key == "changes":
            self._decode()
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        if key == "changes":
            self._decode()
        return super().get(key, default)


def lazy_page(body: bytes) -> Any:
    """``decode_page`` with the rows left for later (``LazyPage``) when the layout allows."""
    span = _rows_span(body)
    if span is None:
        return orjson.loads(body)
    envelope = orjson.loads(b'{"changes":[]' + body[span[1] + len(_TAIL) :])
    if not isinstance(envelope, dict):
        raise ValueError("not a changes page")
    return LazyPage(envelope, body, span)


class PagedGatewayClient(GatewayClient):
    """``GatewayClient`` whose ``changes`` decodes large pages in pieces (errors mapped the same way)."""

    async def changes(self, cursor: int, limit: int) -> ChangesPage:
        response = await self._send("GET", "/changes", params={"cursor": cursor, "limit": limit})
        try:
            page = lazy_page(response.content)
        except (ValueError, UnicodeDecodeError) as exc:  # a truncated or mangled body: try again
            raise GatewayUnreachable(f"the gateway's answer was cut off ({exc})") from exc
        if (
            not isinstance(page, dict)
            or not (isinstance(page, LazyPage) or isinstance(page.get("changes"), list))
            or not isinstance(page.get("cursor"), int)
        ):
            raise GatewayUnreachable("the gateway's changes page is not in the expected shape")
        return page  # type: ignore[return-value]
