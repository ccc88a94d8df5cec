"""The supervisor endpoints as plain calls (httpx, blocking): run them off the UI thread
(``agentdesk.ui.supervisor.tasks``). Gateway problems become ``GatewayRefused`` with the server's
wording; an unreachable gateway is ``GatewayUnreachable``.
"""

from __future__ import annotations

from typing import Any

import httpx

from agentdesk.errors import GatewayRefused, GatewayUnreachable

BASE = "/v1/supervisor"


class SupervisorClient:
    def __init__(
        self,
        server_url: str,
        token: str | None,
        *,
        timeout: float = 15.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(
            base_url=server_url.rstrip("/"), headers=headers, timeout=timeout, transport=transport
        )

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, BASE + path, **kwargs)
        except httpx.HTTPError as exc:
            raise GatewayUnreachable(f"The gateway did not answer ({type(exc).__name__})") from exc
        if response.status_code >= 400:
            try:
                detail = response.json().get("detail") or response.reason_phrase
            except ValueError:
                detail = response.reason_phrase
            raise GatewayRefused(str(detail), status=response.status_code)
        return response.json()

    def dashboard(
        self, days: int = 30, team_id: str | None = None, agent_id: str | None = None
    ) -> dict[str, Any]:
        params: dict[str, Any] = {"days": days}
        if team_id:
            params["team_id"] = team_id
        if agent_id:
            params["agent_id"] = agent_id
        return self._call("GET", "/dashboard", params=params)

    def alerts(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/alerts")["alerts"])

    def acknowledge(self, alert_id: int) -> dict[str, Any]:
        return self._call("POST", f"/alerts/{alert_id}/ack", json={})

    def presence(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/presence")["agents"])

    def approvals(self, status: str = "pending") -> list[dict[str, Any]]:
        return list(self._call("GET", "/approvals", params={"status": status})["approvals"])

    def decide(self, approval_id: str, decision: str, reason: str | None) -> dict[str, Any]:
        body: dict[str, Any] = {"decision": decision}
        if reason:
            body["reason"] = reason
        return self._call("POST", f"/approvals/{approval_id}/decide", json=body)

    def bulk(self, action: str, ticket_ids: list[str], reason: str, **fields: Any) -> dict[str, Any]:
        return self._call(
            "POST", "/bulk", json={"action": action, "ticket_ids": ticket_ids, "reason": reason, **fields}
        )

    def audit(self, **filters: str) -> list[dict[str, Any]]:
        params = {k: v for k, v in filters.items() if v}
        return list(self._call("GET", "/audit", params=params)["entries"])

    def staffing(
        self, days: int = 7, aht_seconds: float = 600.0, target: float = 0.8, within_seconds: float = 20.0
    ) -> dict[str, Any]:
        return self._call(
            "GET",
            "/staffing",
            params={
                "days": days,
                "aht_seconds": aht_seconds,
                "target": target,
                "within_seconds": within_seconds,
            },
        )
