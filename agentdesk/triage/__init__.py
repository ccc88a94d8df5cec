"""Triage of customer messages: category, priority (P1/P2/P3 per the service policy), sentiment,
and the reasons for each decision; routing recommendations by skill and load.

    result = triage("燃气灶有煤气味", Customer(tier="VIP", complaints_90d=0))
    result.priority, [str(r) for r in result.reasons]
"""

from agentdesk.triage.engine import Customer, Triage, triage
from agentdesk.triage.reasons import Reason, render
from agentdesk.triage.routing import AgentLoad, RouteChoice, recommend

__all__ = ["AgentLoad", "Customer", "Reason", "RouteChoice", "Triage", "recommend", "render", "triage"]
