"""Prometheus text exposition of the gateway's own counters (per process, no extra dependency)."""

from __future__ import annotations

import threading
from collections import defaultdict

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: dict[tuple[str, str, int], int] = defaultdict(int)
        self.latency: dict[str, list[int]] = {}
        self.latency_sum: dict[str, float] = defaultdict(float)
        self.latency_count: dict[str, int] = defaultdict(int)
        self.changes_served = 0
        self.mutations: dict[str, int] = defaultdict(int)
        self.logins: dict[str, int] = defaultdict(int)
        self.login_kdf = 0
        self.reveals = 0
        self.sse_clients = 0

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(route, method, status)] += 1
            buckets = self.latency.setdefault(route, [0] * len(BUCKETS))
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    buckets[i] += 1
            self.latency_sum[route] += seconds
            self.latency_count[route] += 1

    def count_mutation(self, status: str) -> None:
        with self._lock:
            self.mutations[status] += 1

    def count_changes(self, n: int) -> None:
        with self._lock:
            self.changes_served += n

    def count_login(self, outcome: str) -> None:
        with self._lock:
            self.logins[outcome] += 1

    def count_login_kdf(self) -> None:
        with self._lock:
            self.login_kdf += 1

    def render(self) -> str:
        with self._lock:
            lines = [
                "# HELP agentdesk_http_requests_total HTTP requests by route, method and status.",
                "# TYPE agentdesk_http_requests_total counter",
            ]
            for (route, method, status), n in sorted(self.requests.items()):
                lines.append(
                    f'agentdesk_http_requests_total{{route="{route}",method="{method}",'
                    f'status="{status}"}} {n}'
                )
            lines += [
                "# HELP agentdesk_http_request_duration_seconds Request latency by route.",
                "# TYPE agentdesk_http_request_duration_seconds histogram",
            ]
            for route, buckets in sorted(self.latency.items()):
                for bound, n in zip(BUCKETS, buckets, strict=True):
                    lines.append(
                        f'agentdesk_http_request_duration_seconds_bucket{{route="{route}",le="{bound}"}} {n}'
                    )
                count = self.latency_count[route]
                lines.append(
                    f'agentdesk_http_request_duration_seconds_bucket{{route="{route}",le="+Inf"}} {count}'
                )
                lines.append(
                    f'agentdesk_http_request_duration_seconds_sum{{route="{route}"}} '
                    f"{self.latency_sum[route]:.6f}"
                )
                lines.append(f'agentdesk_http_request_duration_seconds_count{{route="{route}"}} {count}')
            lines += [
                "# HELP agentdesk_changes_served_total Changes sent by /v1/changes.",
                "# TYPE agentdesk_changes_served_total counter",
                f"agentdesk_changes_served_total {self.changes_served}",
                "# HELP agentdesk_mutations_total Mutations by result.",
                "# TYPE agentdesk_mutations_total counter",
            ]
            for status in ("applied", "duplicate", "rejected"):
                lines.append(
                    f'agentdesk_mutations_total{{status="{status}"}} {self.mutations.get(status, 0)}'
                )
            lines += [
                "# HELP agentdesk_logins_total Sign-in attempts by outcome.",
                "# TYPE agentdesk_logins_total counter",
            ]
            for outcome, n in sorted(self.logins.items()):
                lines.append(f'agentdesk_logins_total{{outcome="{outcome}"}} {n}')
            lines += [
                "# HELP agentdesk_login_kdf_total Password hashes checked (argon2 runs).",
                "# TYPE agentdesk_login_kdf_total counter",
                f"agentdesk_login_kdf_total {self.login_kdf}",
            ]
            lines += [
                "# HELP agentdesk_reveals_total Personal values revealed.",
                "# TYPE agentdesk_reveals_total counter",
                f"agentdesk_reveals_total {self.reveals}",
                "# HELP agentdesk_sse_clients Open event streams.",
                "# TYPE agentdesk_sse_clients gauge",
                f"agentdesk_sse_clients {self.sse_clients}",
            ]
        return "\n".join(lines) + "\n"
