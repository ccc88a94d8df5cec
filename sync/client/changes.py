"""What a sync step changed, as one small frozen value, and the listeners that receive it.

The UI adapts ``ChangeHub.subscribe`` to a Qt signal and refreshes only the rows named here
(no Qt in this module: listeners are plain callables, called on the replicator's thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

log = logging.getLogger(__name__)

_EMPTY: Mapping[str, frozenset[str]] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Changes:
    """Entity -> ids whose local rows changed; ``outbox`` / ``status`` say those changed too.

    ``snapshot``: rows of a full snapshot being pulled (the first sync of a store, or a fresh one
    after the gateway refused our cursor). Many pages follow; a view may refresh less often."""

    entities: Mapping[str, frozenset[str]] = field(default_factory=lambda: _EMPTY)
    outbox: bool = False
    status: bool = False
    snapshot: bool = False

    def ids(self, entity: str) -> frozenset[str]:
        return self.entities.get(entity, frozenset())

    def __bool__(self) -> bool:
        return bool(self.entities) or self.outbox or self.status

    def merge(self, other: Changes) -> Changes:
        builder = ChangesBuilder()
        builder.add_changes(self)
        builder.add_changes(other)
        return builder.build()


class ChangesBuilder:
    """Collects changed ids while a step runs; ``build()`` freezes them."""

    def __init__(self) -> None:
        self._ids: dict[str, set[str]] = {}
        self.outbox = False
        self.status = False

    def add(self, entity: str, ids: Iterable[str]) -> None:
        bucket = self._ids.setdefault(entity, set())
        bucket.update(ids)
        if not bucket:
            del self._ids[entity]

    def add_changes(self, changes: Changes) -> None:
        for entity, ids in changes.entities.items():
            self.add(entity, ids)
        self.outbox |= changes.outbox
        self.status |= changes.status

    def build(self) -> Changes:
        entities = MappingProxyType({e: frozenset(ids) for e, ids in self._ids.items() if ids})
        return Changes(entities=entities, outbox=self.outbox, status=self.status)


Listener = Callable[[Changes], None]


class ChangeHub:
    """Thread-safe list of listeners; a failing listener is logged and never stops the others."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Register ``listener``; returns a function that unsubscribes it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("a sync change listener failed")
