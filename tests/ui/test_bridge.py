"""The change bridge: snapshot pages reach the views merged, at most once per window; anything else
at once, after what was held."""

from __future__ import annotations

import time
from pathlib import Path
from types import MappingProxyType
from typing import Any

from agentdesk.sync.client import Changes, Replicator
from agentdesk.ui.bridge import ChangeBridge


def _changes(entity: str, ids: list[str], *, snapshot: bool = False, status: bool = False) -> Changes:
    return Changes(entities=MappingProxyType({entity: frozenset(ids)}), status=status, snapshot=snapshot)


def test_snapshot_pages_are_merged_and_the_rest_goes_at_once(qtbot: Any, tmp_path: Path) -> None:
    rep = Replicator(tmp_path / "store.db", "http://127.0.0.1:9", None, events=False)
    bridge = ChangeBridge(rep, window_ms=300)
    got: list[tuple[float, Changes]] = []
    bridge.changed.connect(lambda c: got.append((time.monotonic(), c)))
    try:
        started = time.monotonic()
        for page in range(20):  # published on the sync thread in the real thing; queued either way
            rep._hub.publish(_changes("ticket", [f"t{page}-{n}" for n in range(50)], snapshot=True))
        rep._hub.publish(Changes(status=True))
        qtbot.waitUntil(lambda: any(c.entities for _, c in got), timeout=3000)
        assert [c.status for _, c in got if not c.entities] == [True]
        merged = [(at, c) for at, c in got if c.entities]
        assert len(merged) == 1 and merged[0][0] - started >= 0.25
        assert len(merged[0][1].ids("ticket")) == 1000 and not merged[0][1].snapshot

        got.clear()
        rep._hub.publish(_changes("ticket", ["late"], snapshot=True))
        rep._hub.publish(_changes("message", ["m1"]))  # the agent's own reply: no waiting
        qtbot.waitUntil(lambda: len(got) == 2, timeout=200)
        assert [set(c.entities) for _, c in got] == [{"ticket"}, {"message"}]
        qtbot.wait(400)
        assert len(got) == 2  # nothing held back any more
    finally:
        bridge.close()
        rep.stop()
