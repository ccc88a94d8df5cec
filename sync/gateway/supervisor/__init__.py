"""Supervisor side of the gateway: KPI rollups kept current from the change log, alerts, the
dashboard, approvals inbox, bulk actions. Routes are registered by routes/supervisor.py."""
