"""The client replicator: the agent's local store kept in step with the gateway, offline-first.

``Replicator(store_path, server_url, token)`` runs on its own thread (``start()`` / ``stop()``):
``enqueue(kind, entity_id, payload)`` queues a mutation and shows it locally at once,
``subscribe(listener)`` delivers a frozen ``Changes`` after each step, ``status()`` tells the UI
whether it is online, what is pending, what the gateway rejected and why, and the server clock.
"""

from agentdesk.sync.client.changes import ChangeHub, Changes, ChangesBuilder
from agentdesk.sync.client.replicator import Replicator
from agentdesk.sync.client.rounds import RoundReport
from agentdesk.sync.client.status import RejectedMutation, SyncStatus

__all__ = [
    "ChangeHub", "Changes", "ChangesBuilder", "RejectedMutation", "Replicator", "RoundReport", "SyncStatus",
]
