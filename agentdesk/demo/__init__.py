"""Deterministic demo data for "Northwind Home / 北风家居", an online home-appliance and furniture shop.

``generate(customers, seed)`` streams wire-shaped records (entity, id, data) in dependency order;
``gateway_rows`` is what the gateway's ``--seed-demo`` loads; ``load_into_store`` writes straight
into an agent's local store (masked, as the gateway would send it) for benchmarks at 1M customers.
"""

from agentdesk.demo.generator import DEMO_LOGINS, TEAMS, DemoSpec, gateway_rows, generate
from agentdesk.demo.load import load_into_store

__all__ = ["DEMO_LOGINS", "TEAMS", "DemoSpec", "gateway_rows", "generate", "load_into_store"]
