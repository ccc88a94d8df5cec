"""Deterministic demo data for "Northwind Home / 北风家居", an online home-appliance and furniture shop.

``generate(seed=7, customers=2000, reference=...)`` returns a ``DemoDataset`` that streams
wire-shaped records (entity, id, data) in dependency order, plus the demo sign-ins;
``gateway_rows`` is what the gateway's ``--seed-demo`` loads; ``load_into_store`` writes straight
into an agent's local store (masked, as the gateway would send it) for benchmarks at 1M customers.
"""

from agentdesk.demo.activity import TEAMS
from agentdesk.demo.generator import (
    DEMO_LOGINS,
    SIGN_INS,
    DemoDataset,
    DemoSpec,
    SignIn,
    gateway_rows,
    generate,
)
from agentdesk.demo.load import load_into_store

__all__ = [
    "DEMO_LOGINS",
    "SIGN_INS",
    "TEAMS",
    "DemoDataset",
    "DemoSpec",
    "SignIn",
    "gateway_rows",
    "generate",
    "load_into_store",
]
