"""Supervisor core: KPI definitions and tallies, alert rules, the monthly report's data.

No Qt and no server here; the gateway (agentdesk.sync.gateway.supervisor) keeps these figures
current for the panel, and ``agentdesk report monthly`` builds the report from them.
"""
