"""Upstream connectors: systems of record that the gateway mirrors and writes back to.

A connector turns an upstream API into ``UpstreamRecord`` values (wire-shaped AgentDesk data
carrying ``external_ref``) from a checkpoint, and turns an agent's mutation into an upstream write
that happens exactly once. It knows nothing of the gateway's store: the runner
(``agentdesk.sync.gateway.connectors.runner``) stores records and checkpoints in one transaction
and keeps the outbox of pushes.

Connectors: ``zendesk`` (Support API v2), ``django-helpdesk`` (its DRF API), ``crm-rest`` (customer
and organization import from REST or files through a declarative mapping).
"""

from agentdesk.sync.gateway.connectors.base import (
    Connector,
    ConnectorHealth,
    PullResult,
    PushItem,
    PushOutcome,
    SkippedRecord,
    UpstreamRecord,
)

__all__ = [
    "Connector",
    "ConnectorHealth",
    "PullResult",
    "PushItem",
    "PushOutcome",
    "SkippedRecord",
    "UpstreamRecord",
]
