"""The supervisor's own tables (created beside the gateway's, idempotently).

``gw_sv_facts`` holds each ticket's facts and its current contribution (``tally``, JSON) so a later
change to the ticket can subtract exactly what it added. ``gw_sv_rollup`` sums contributions per
(day, team, dimension, key) with dimension ``agent``, ``channel`` or ``priority``: each ticket is in
one row of each dimension, so the ``priority`` rows of a team also sum to the team's total.
``gw_sv_replies`` lists the public customer messages counted per ticket (for first-contact
resolution). ``gw_sv_state`` holds the change-log version the rollup has caught up to.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Float, Index, Integer, MetaData, String, Table, Text

from agentdesk.supervisor.tally import Tally

ID = String(128)
metadata = MetaData()

state = Table(
    "gw_sv_state",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

facts = Table(
    "gw_sv_facts",
    metadata,
    Column("ticket_id", ID, primary_key=True),
    Column("team_id", ID, nullable=False),
    Column("agent_id", ID),
    Column("channel", String(32), nullable=False),
    Column("priority", String(8), nullable=False),
    Column("day", Integer, nullable=False),  # days since 1970-01-01 (UTC) of created_at
    Column("created_at", Float, nullable=False),
    Column("open", Boolean, nullable=False),
    Column("next_due", Float),  # open tickets: first-response due, or resolution due once answered
    Column("tally", Text, nullable=False),
)
Index("gw_sv_facts_open", facts.c.open, facts.c.team_id, facts.c.priority)
Index("gw_sv_facts_agent", facts.c.agent_id, facts.c.created_at)

replies = Table(
    "gw_sv_replies",
    metadata,
    Column("message_id", ID, primary_key=True),
    Column("ticket_id", ID, nullable=False, index=True),
)

rollup = Table(
    "gw_sv_rollup",
    metadata,
    Column("day", Integer, primary_key=True),
    Column("team_id", ID, primary_key=True),
    Column("dim", String(16), primary_key=True),
    Column("key", ID, primary_key=True),
    *[
        Column(name, Float if name.endswith("_sum") else BigInteger, nullable=False, default=0)
        for name in Tally.columns()
    ],
)
Index("gw_sv_rollup_dim", rollup.c.dim, rollup.c.day, rollup.c.team_id)

alerts = Table(
    "gw_sv_alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False),
    Column("rule", String(32), nullable=False),
    Column("team_id", ID, nullable=False),
    Column("level", String(8), nullable=False),
    Column("value", Float, nullable=False),
    Column("threshold", Float, nullable=False),
    Column("detail", Text),
    Column("raised_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Column("cleared_at", Float),
    Column("acked_by", ID),
    Column("acked_at", Float),
)
Index("gw_sv_alerts_live", alerts.c.cleared_at, alerts.c.team_id)
