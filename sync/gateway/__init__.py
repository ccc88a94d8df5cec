"""The AgentDesk gateway: the /v1 sync API over a SQLite or PostgreSQL store.

  app.py          create_app(config): the Starlette application (routers per area, middleware)
  config.py       GatewayConfig: every tunable with its default
  store/          SQLAlchemy Core store (schema, version counter, records + visibility, auth, audit)
  mutations/      validation (422) and the business effect of each mutation kind
  routes/         one router per area: session, changes, mutations, events, reveal, supervisor, meta
  events.py       the in-process nudge hub and the PostgreSQL LISTEN/NOTIFY fan-out
  privacy.py      masking of personal fields per role
  seed.py         --seed-demo
  server.py       run under uvicorn (TLS options)
  connectors/     upstream systems of record (see connectors/__init__.py)

Import ``create_app`` from ``agentdesk.sync.gateway.app``; this package itself stays light so the
connectors can be imported without the web stack.
"""
