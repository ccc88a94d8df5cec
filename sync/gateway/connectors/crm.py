"""Customers and organizations from a CRM: a REST endpoint or CSV / JSON files, by declarative mapping.

The mapping file (JSON) names, per entity, where records come from and how fields map::

    {
      "organizations": {
        "source": {"path": "/api/companies", "items": "data", "next": "links.next"},
        "id": "id",
        "fields": {"name": "name", "industry": "sector",
                   "tier": {"from": "segment", "map": {"key": "VIP"}, "default": "standard"}}
      },
      "customers": {
        "source": {"file": "customers.csv"},
        "id": "customer_no",
        "fields": {"name": "full_name", "email": "contact.email", "phone": "contact.phone",
                   "tags": {"from": "labels", "split": ";"},
                   "health_score": {"from": "health", "type": "int"},
                   "organization_id": {"from": "company_id", "ref": "organization"}}
      }
    }

A field is a dotted path into the source record, or an object with ``from`` and any of ``map``,
``default``, ``type`` (str/int/float/bool), ``split`` and ``ref`` (an id of another mapped entity).
Each pass reads everything and sends only what changed (hash per record); records that vanish from
a complete pass are deleted. Records that fail the mapping are skipped with their id and reason.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agentdesk.errors import ConfigError
from agentdesk.sync.gateway.connectors.base import (
    Connector,
    ConnectorHealth,
    PullResult,
    PushItem,
    PushOutcome,
    SkippedRecord,
    UpstreamRecord,
    local_id,
    record_digest,
)
from agentdesk.sync.gateway.connectors.http import RateLimiter, UpstreamHttp
from agentdesk.timeutil import utcnow

log = logging.getLogger(__name__)

SYSTEM = "crm"
ENTITIES = {"organizations": "organization", "customers": "customer"}
_TYPES = {
    "str": str,
    "int": int,
    "float": float,
    "bool": lambda v: str(v).strip().lower() in ("1", "true", "yes", "y"),
}
_CUSTOMER_DEFAULTS = {"tier": "standard", "tags": [], "verified": False}


def _dig(record: Any, path: str) -> Any:
    value = record
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


@dataclass(frozen=True)
class FieldRule:
    target: str
    source: str
    mapping: dict[str, Any] | None = None
    default: Any = None
    type: str | None = None
    split: str | None = None
    ref: str | None = None

    def apply(self, record: dict[str, Any]) -> Any:
        value = _dig(record, self.source)
        if value in (None, ""):
            return self.default
        if self.mapping is not None:
            value = self.mapping.get(str(value), self.default)
        if self.split is not None and isinstance(value, str):
            value = [part.strip() for part in value.split(self.split) if part.strip()]
        if self.type is not None:
            value = _TYPES[self.type](value)
        if self.ref is not None:
            value = local_id(SYSTEM, self.ref, str(value))
        return value


@dataclass(frozen=True)
class EntityMapping:
    key: str  # "customers" | "organizations"
    source: dict[str, Any]
    id_path: str
    rules: tuple[FieldRule, ...]

    @property
    def entity(self) -> str:
        return ENTITIES[self.key]


def load_mapping(path: Path) -> list[EntityMapping]:
    """Read and check a mapping file; every problem names the file and key."""
    where = str(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("The CRM mapping file does not exist", file=where) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"The CRM mapping file is not valid JSON ({exc.msg}, line {exc.lineno})", file=where
        ) from None
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(
            "The CRM mapping must be an object with 'customers' and/or 'organizations'", file=where
        )
    mappings = []
    for key in ("organizations", "customers"):  # organizations first: customers refer to them
        if key not in raw:
            continue
        spec = raw[key]
        if not isinstance(spec, dict) or not isinstance(spec.get("source"), dict) or not spec.get("id"):
            raise ConfigError("needs 'source' (object) and 'id' (path)", file=where, key=key)
        fields = spec.get("fields")
        if not isinstance(fields, dict) or "name" not in fields:
            raise ConfigError(
                "'fields' must be an object that maps at least 'name'", file=where, key=f"{key}.fields"
            )
        rules = []
        for target, rule in fields.items():
            if isinstance(rule, str):
                rules.append(FieldRule(target, rule))
                continue
            if not isinstance(rule, dict) or not isinstance(rule.get("from"), str):
                raise ConfigError(
                    "a field is a path or an object with 'from'", file=where, key=f"{key}.fields.{target}"
                )
            if rule.get("type") not in (None, *_TYPES):
                raise ConfigError(
                    f"unknown type {rule.get('type')!r}", file=where, key=f"{key}.fields.{target}.type"
                )
            if rule.get("ref") not in (None, "organization", "customer"):
                raise ConfigError(
                    "'ref' is organization or customer", file=where, key=f"{key}.fields.{target}.ref"
                )
            rules.append(
                FieldRule(
                    target,
                    rule["from"],
                    rule.get("map"),
                    rule.get("default"),
                    rule.get("type"),
                    rule.get("split"),
                    rule.get("ref"),
                )
            )
        mappings.append(EntityMapping(key, spec["source"], str(spec["id"]), tuple(rules)))
    if not mappings:
        raise ConfigError("maps neither 'customers' nor 'organizations'", file=where)
    return mappings


class CrmConnector(Connector):
    name = "crm-rest"
    system = SYSTEM

    def __init__(
        self,
        mapping_file: Path,
        *,
        base_url: str | None = None,
        token: str | None = None,
        http: UpstreamHttp | None = None,
    ) -> None:
        self.mapping_file = mapping_file
        self.mappings = load_mapping(mapping_file)
        self._health = ConnectorHealth(name=self.name)
        self.http = http
        if self.http is None and base_url:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            self.http = UpstreamHttp(
                base_url,
                auth=None,
                headers=headers,
                health=self._health,
                limiters={"default": RateLimiter(300, burst=10)},
            )

    def health(self) -> ConnectorHealth:
        return self._health

    async def aclose(self) -> None:
        if self.http is not None:
            await self.http.aclose()

    async def pull(self, checkpoint: dict[str, Any] | None) -> PullResult:
        state = dict(checkpoint or {})
        self._health.last_pull_at = utcnow()
        records: list[UpstreamRecord] = []
        skipped: list[SkippedRecord] = []
        hashes: dict[str, dict[str, str]] = state.setdefault("hashes", {})
        for mapping in self.mappings:
            known = hashes.setdefault(mapping.key, {})
            seen: set[str] = set()
            async for raw in self._read(mapping):
                upstream_id = _dig(raw, mapping.id_path)
                if upstream_id in (None, ""):
                    skipped.append(
                        SkippedRecord(mapping.entity, None, f"no {mapping.id_path!r} in the record")
                    )
                    continue
                rid = str(upstream_id)
                try:
                    data = self._map(mapping, raw, rid)
                except (TypeError, ValueError) as exc:
                    skipped.append(SkippedRecord(mapping.entity, rid, f"unreadable: {exc}"))
                    continue
                seen.add(rid)
                digest = record_digest(data)
                if known.get(rid) != digest:
                    known[rid] = digest
                    records.append(UpstreamRecord(mapping.entity, rid, data))
            for rid in sorted(set(known) - seen):
                del known[rid]
                records.append(UpstreamRecord(mapping.entity, rid, None))
        for item in skipped:
            log.warning("crm %s %s skipped: %s", item.kind, item.external_id, item.reason)
        self._health.skipped += len(skipped)
        self._health.last_success_at = utcnow()
        return PullResult(tuple(records), state, False, tuple(skipped))

    def _map(self, mapping: EntityMapping, raw: dict[str, Any], rid: str) -> dict[str, Any]:
        data: dict[str, Any] = dict(_CUSTOMER_DEFAULTS) if mapping.entity == "customer" else {}
        for rule in mapping.rules:
            value = rule.apply(raw)
            if value is not None:
                data[rule.target] = value
        if not isinstance(data.get("name"), str) or not data["name"].strip():
            raise ValueError("no name")
        if mapping.entity == "customer" and data.get("tier") not in ("VIP", "standard"):
            raise ValueError(f"tier {data.get('tier')!r} is neither VIP nor standard")
        data["external_ref"] = {"system": SYSTEM, "id": rid}
        return data

    async def _read(self, mapping: EntityMapping) -> Any:
        source = mapping.source
        if "file" in source:
            path = Path(source["file"])
            if not path.is_absolute():
                path = self.mapping_file.parent / path
            for record in _read_file(path):
                yield record
            return
        if self.http is None:
            raise ConfigError(
                "a REST source needs --crm-url", file=str(self.mapping_file), key=f"{mapping.key}.source"
            )
        url: str | None = str(source["path"])
        while url:
            body = await self.http.request("GET", url)
            items = _dig(body, source.get("items", "data")) if isinstance(body, dict) else body
            for record in items or []:
                if isinstance(record, dict):
                    yield record
            url = _dig(body, source["next"]) if source.get("next") and isinstance(body, dict) else None

    async def push(self, item: PushItem) -> PushOutcome:
        return PushOutcome("done", "the CRM is read-only for AgentDesk; the change stays in AgentDesk")


def _read_file(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        raise ConfigError("The CRM source file does not exist", file=str(path))
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as fh:
            yield from csv.DictReader(fh)
        return
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    yield from (data if isinstance(data, list) else data.get("data", []))
