"""The gateway's tables.

The schema is created with ``metadata.create_all`` (idempotent, the same on SQLite and PostgreSQL)
and stamped in ``gw_meta``: the gateway's database is server-side and small in kinds of table, and
the first release has nothing to migrate. A later schema change bumps ``SCHEMA_VERSION`` and adds
an upgrade step keyed on the stamped value (or moves to Alembic) — never an edit of these tables
in place.

``gw_records`` holds the current state of every entity *and* is the change log: a write gives the
row a new ``version`` (unique, from ``gw_counters``) and stores the change object exactly as
``/v1/changes`` serves it (``change``; ``masked`` is the same with personal fields masked, NULL
when there is nothing to mask), so a page is a range scan on ``version`` plus a string join.
Deleted rows stay as tombstones (``deleted``) so every client learns of the deletion.

Visibility: ``gw_grants`` lists which teams may see each team-scoped row (tickets, and the
customers, organizations, interactions, messages and approvals those tickets need); rows with
``scoped`` false (agents, teams, articles, scripts) go to everyone. When a team loses a row
(ticket transferred away) a ``gw_revocations`` row with its own version carries the
``op: "delete"`` for that team's members.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 1
ID = String(128)

metadata = MetaData()

meta = Table(
    "gw_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

counters = Table(
    "gw_counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

records = Table(
    "gw_records",
    metadata,
    Column("entity", String(32), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("version", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("scoped", Boolean, nullable=False),
    Column("team_id", ID),  # tickets: the owning team
    Column("ticket_id", ID),  # messages, approvals, interactions
    Column("customer_id", ID),  # tickets, interactions
    Column("org_id", ID),  # customers
    Column("change", Text, nullable=False),
    Column("masked", Text),
)
Index("gw_records_version", records.c.version, unique=True)
Index("gw_records_ticket", records.c.ticket_id)
Index("gw_records_customer", records.c.customer_id)
Index("gw_records_org", records.c.org_id)

grants = Table(
    "gw_grants",
    metadata,
    Column("entity", String(32), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("team_id", ID, primary_key=True),
)

revocations = Table(
    "gw_revocations",
    metadata,
    Column("version", BigInteger, primary_key=True, autoincrement=False),
    Column("entity", String(32), nullable=False),
    Column("id", ID, nullable=False),
    Column("team_id", ID, nullable=False),
    Column("change", Text, nullable=False),
)
Index("gw_revocations_team", revocations.c.team_id, revocations.c.version)

mutations = Table(
    "gw_mutations",
    metadata,
    Column("mutation_id", String(36), primary_key=True),
    Column("agent_id", ID, nullable=False),
    Column("client_id", String(128), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", ID, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    Column("version", BigInteger),
    Column("current", Text),
    Column("at", Float, nullable=False),
)

accounts = Table(
    "gw_accounts",
    metadata,
    Column("agent_id", ID, primary_key=True),
    Column("login", String(128), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", Float, nullable=False),
)

tokens = Table(
    "gw_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 hex of the bearer token
    Column("agent_id", ID, nullable=False, index=True),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("revoked_at", Float),
)

throttle = Table(
    "gw_throttle",
    metadata,
    Column("key", String(200), primary_key=True),  # "account:<login>" / "address:<ip>"
    Column("window_start", Float, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("locked_until", Float),
)

audit = Table(
    "gw_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Float, nullable=False),
    Column("actor_id", ID, nullable=False),
    Column("action", String(32), nullable=False),
    Column("entity", String(32)),
    Column("entity_id", ID),
    Column("field", String(64)),
    Column("reason", Text),
    Column("detail", Text),
)
Index("gw_audit_actor", audit.c.actor_id, audit.c.action, audit.c.at)

presence = Table(
    "gw_presence",
    metadata,
    Column("agent_id", ID, primary_key=True),
    Column("last_seen_at", Float, nullable=False),
    Column("stream_until", Float),  # an SSE stream is open (refreshed every keep-alive)
)

# For the upstream connectors (agentdesk.sync.gateway.connectors.runner's UpstreamSink).
connector_checkpoints = Table(
    "gw_connector_checkpoints",
    metadata,
    Column("connector", String(64), primary_key=True),
    Column("checkpoint", Text, nullable=False),
)

# Agents' changes to mirrored records, waiting to be written upstream (exactly once; see
# agentdesk.sync.gateway.connectors.runner). Enqueued in the transaction that applied the mutation.
upstream_outbox = Table(
    "gw_upstream_outbox",
    metadata,
    Column("push_id", String(36), primary_key=True),  # the mutation id
    Column("system", String(32), nullable=False),  # external_ref.system of the target record
    Column("kind", String(32), nullable=False),
    Column("external_id", String(128), nullable=False),
    Column("payload", Text, nullable=False),
    Column("author_id", ID),
    Column("state", String(16), nullable=False),  # pending | done | failed
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", Float, nullable=False),
    Column("maybe_sent_at", Float),  # set before each send; an unknown outcome is looked up upstream
    Column("detail", Text),
    Column("upstream_ref", String(128)),
    Column("created_at", Float, nullable=False),
)
Index(
    "gw_upstream_outbox_due",
    upstream_outbox.c.system,
    upstream_outbox.c.state,
    upstream_outbox.c.next_attempt_at,
)

# People erased on request (privacy): never re-imported from an upstream system.
erasures = Table(
    "gw_erasures",
    metadata,
    Column("system", String(32), primary_key=True),  # "agentdesk" for native records
    Column("external_id", String(128), primary_key=True),
    Column("erased_at", Float, nullable=False),
)

# Each connector's health after its last cycle, for `agentdesk doctor --gateway-database`.
connector_health = Table(
    "gw_connector_health",
    metadata,
    Column("connector", String(64), primary_key=True),
    Column("system", String(32), nullable=False),
    Column("health", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
)
