"""Fetching /v1/changes pages without holding the interpreter for a whole page at a time.

``orjson.loads`` of a 5,000-row page (2 MB) is one C call that never releases the GIL: tens of
milliseconds during which the console's UI thread cannot run a line of Python. The gateway writes
one change per line (``{"changes":[\\n<change>,\\n<change>\\n],"cursor":...}``, still one JSON
document), so a page is split into its rows and decoded ``CHUNK_ROWS`` at a time, letting other
threads in between. A body in any other layout (an older gateway, an empty page) is decoded whole;
so is one whose pieces do not decode, which can only mean the split was wrong.
"""

from __future__ import annotations

from typing import Any

import orjson

from agentdesk.errors import GatewayUnreachable
from agentdesk.sync.client.transport import GatewayClient
from agentdesk.sync.protocol import ChangesPage

CHUNK_ROWS = 250  # ~0.5 ms of decoding on a 2-core laptop
_HEAD = b'{"changes":[\n'
_ROW_SEPARATOR = b",\n"
_TAIL = b"\n]"


def decode_page(body: bytes) -> Any:
    """The page as ``orjson.loads(body)`` would give it, decoded in pieces when the layout allows."""
    rows = _split_rows(body)
    if rows is None:
        return orjson.loads(body)
    head_end = body.rfind(_TAIL)
    try:
        page = orjson.loads(b'{"changes":[]' + body[head_end + len(_TAIL) :])
        changes: list[Any] = []
        for start in range(0, len(rows), CHUNK_ROWS):
            changes += orjson.loads(b"[" + b",".join(rows[start : start + CHUNK_ROWS]) + b"]")
    except ValueError:
        return orjson.loads(body)
    if not isinstance(page, dict) or len(changes) != len(rows):
        return orjson.loads(body)
    page["changes"] = changes
    return page


def _split_rows(body: bytes) -> list[bytes] | None:
    if not body.startswith(_HEAD):
        return None
    end = body.rfind(_TAIL)
    if end < len(_HEAD) - 1:
        return None
    middle = body[len(_HEAD) : end]
    return middle.split(_ROW_SEPARATOR) if middle else []


class LazyPage(dict[str, Any]):
    """A page whose envelope (cursor, has_more, reset) is read at once and whose rows are decoded
    when first asked for (``page["changes"]`` or ``.get``): on the store worker that applies them,
    not on the network thread, so during a snapshot one busy thread, not two, competes with the UI
    thread for the GIL and the CPU. Rows that do not decode raise GatewayUnreachable there, inside
    the page's transaction, so nothing of the page is applied."""

    def __init__(self, envelope: dict[str, Any], rows: list[bytes]) -> None:
        super().__init__(envelope)
        super().pop("changes", None)  # absent, not empty, until decoded
        self._rows: list[bytes] | None = rows

    def _decode(self) -> None:
        rows, self._rows = self._rows, None
        if rows is None:
            return
        changes: list[Any] = []
        try:
            for start in range(0, len(rows), CHUNK_ROWS):
                changes += orjson.loads(b"[" + b",".join(rows[start : start + CHUNK_ROWS]) + b"]")
        except ValueError as exc:
            raise GatewayUnreachable(f"the gateway's answer was cut off ({exc})") from exc
        if len(changes) != len(rows):
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
    rows = _split_rows(body)
    if rows is None:
        return orjson.loads(body)
    envelope = orjson.loads(b'{"changes":[]' + body[body.rfind(_TAIL) + len(_TAIL) :])
    if not isinstance(envelope, dict):
        raise ValueError("not a changes page")
    return LazyPage(envelope, rows)


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
