"""CRM customer source: REST (a loopback service) and files, through a declarative mapping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from agentdesk.errors import ConfigError
from agentdesk.sync.gateway.connectors.crm import CrmConnector, load_mapping
from tests.support.asgi_server import serve_in_thread

pytestmark = pytest.mark.anyio

MAPPING = {
    "organizations": {
        "source": {"path": "/api/companies", "items": "data", "next": "links.next"},
        "id": "id",
        "fields": {
            "name": "name",
            "industry": "sector",
            "tier": {"from": "segment", "map": {"key": "VIP"}, "default": "standard"},
        },
    },
    "customers": {
        "source": {"path": "/api/people?page=1", "items": "data", "next": "links.next"},
        "id": "customer_no",
        "fields": {
            "name": "full_name",
            "email": "contact.email",
            "phone": "contact.phone",
            "tier": {"from": "segment", "map": {"gold": "VIP", "silver": "standard"}, "default": "standard"},
            "tags": {"from": "labels", "split": ";"},
            "health_score": {"from": "health", "type": "int"},
            "organization_id": {"from": "company_id", "ref": "organization"},
        },
    },
}


class Crm:
    def __init__(self) -> None:
        self.companies = [{"id": 1, "name": "Acme Hotels", "sector": "hospitality", "segment": "key"}]
        self.people: list[dict[str, Any]] = [
            {
                "customer_no": f"C{i:03d}",
                "full_name": f"Person {i}",
                "segment": "gold" if i == 0 else "silver",
                "contact": {"email": f"p{i}@example.com", "phone": f"+1 555 01{i:02d}"},
                "labels": "high-value enterprise;price-sensitive" if i == 0 else "",
                "health": str(90 - i),
                "company_id": 1,
            }
            for i in range(7)
        ]

    def app(self) -> Starlette:
        async def companies(_request: Request) -> JSONResponse:
            return JSONResponse({"data": self.companies, "links": {"next": None}})

        async def people(request: Request) -> JSONResponse:
            page = int(request.query_params.get("page", 1))
            chunk = self.people[(page - 1) * 3 : page * 3]
            more = page * 3 < len(self.people)
            return JSONResponse(
                {"data": chunk, "links": {"next": f"/api/people?page={page + 1}" if more else None}}
            )

        return Starlette(routes=[Route("/api/companies", companies), Route("/api/people", people)])


@pytest.fixture()
def crm() -> Crm:
    return Crm()


@pytest.fixture()
def crm_url(crm: Crm) -> Iterator[str]:
    with serve_in_thread(crm.app()) as url:
        yield url


def write(tmp_path: Path, mapping: dict[str, Any]) -> Path:
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps(mapping))
    return path


async def test_rest_import_maps_fields_then_sends_only_changes(
    crm: Crm, crm_url: str, tmp_path: Path
) -> None:
    conn = CrmConnector(write(tmp_path, MAPPING), base_url=crm_url)
    first = await conn.pull(None)
    assert not first.more and not first.skipped
    customers = {r.external_id: r.data for r in first.records if r.entity == "customer"}
    assert len(customers) == 7
    vip = customers["C000"]
    assert vip is not None
    assert vip["tier"] == "VIP" and vip["tags"] == ["high-value enterprise", "price-sensitive"]
    assert vip["health_score"] == 90 and vip["email"] == "p0@example.com"
    assert vip["organization_id"] == "crm:organization:1" and vip["external_ref"] == {
        "system": "crm",
        "id": "C000",
    }
    org = next(r.data for r in first.records if r.entity == "organization")
    assert org == {
        "name": "Acme Hotels",
        "industry": "hospitality",
        "tier": "VIP",
        "external_ref": {"system": "crm", "id": "1"},
    }

    crm.people[3]["full_name"] = "Renamed Person"
    removed = crm.people.pop()
    second = await conn.pull(first.checkpoint)
    changes = {(r.entity, r.external_id): r for r in second.records}
    assert set(changes) == {("customer", "C003"), ("customer", removed["customer_no"])}
    assert changes[("customer", "C003")].data["name"] == "Renamed Person"  # type: ignore[index]
    assert changes[("customer", removed["customer_no"])].deleted
    await conn.aclose()


async def test_bad_records_are_skipped_with_their_id(crm: Crm, crm_url: str, tmp_path: Path) -> None:
    crm.people[1]["health"] = "not a number"
    crm.people[2].pop("customer_no")
    crm.people[4]["full_name"] = ""
    conn = CrmConnector(write(tmp_path, MAPPING), base_url=crm_url)
    result = await conn.pull(None)
    reasons = {s.external_id: s.reason for s in result.skipped}
    assert set(reasons) == {"C001", None, "C004"}
    assert len([r for r in result.records if r.entity == "customer"]) == 4
    assert conn.health().skipped == 3
    await conn.aclose()


async def test_csv_and_json_files(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text(
        "customer_no,full_name,email,segment\nA1,张伟,zw@example.cn,gold\nA2,Li Lei,ll@example.com,\n",
        encoding="utf-8",
    )
    (tmp_path / "orgs.json").write_text(json.dumps([{"id": "o1", "name": "北风家居"}]), encoding="utf-8")
    mapping = {
        "customers": {
            "source": {"file": "people.csv"},
            "id": "customer_no",
            "fields": {
                "name": "full_name",
                "email": "email",
                "tier": {"from": "segment", "map": {"gold": "VIP"}, "default": "standard"},
            },
        },
        "organizations": {"source": {"file": "orgs.json"}, "id": "id", "fields": {"name": "name"}},
    }
    result = await CrmConnector(write(tmp_path, mapping)).pull(None)
    data = {(r.entity, r.external_id): r.data for r in result.records}
    assert data[("customer", "A1")]["name"] == "张伟" and data[("customer", "A1")]["tier"] == "VIP"  # type: ignore[index]
    assert data[("customer", "A2")]["tier"] == "standard"  # type: ignore[index]
    assert data[("organization", "o1")]["name"] == "北风家居"  # type: ignore[index]


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("{not json", None),
        (json.dumps({"customers": {"id": "x", "fields": {"name": "n"}}}), "customers"),
        (
            json.dumps({"customers": {"source": {"file": "f.csv"}, "id": "x", "fields": {"email": "e"}}}),
            "customers.fields",
        ),
        (
            json.dumps(
                {
                    "customers": {
                        "source": {"file": "f.csv"},
                        "id": "x",
                        "fields": {"name": "n", "health_score": {"from": "h", "type": "decimal"}},
                    }
                }
            ),
            "customers.fields.health_score.type",
        ),
    ],
)
def test_mapping_errors_name_the_file_and_key(tmp_path: Path, content: str, key: str | None) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_mapping(path)
    assert str(path) in str(info.value)
    if key:
        assert info.value.key == key
