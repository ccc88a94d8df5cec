"""Erlang C against published worked examples, and the CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from agentdesk.errors import InputError
from agentdesk.staffing import day_plan, erlang_c, required_agents


def test_classic_worked_example() -> None:
    # 100 calls per 30 minutes, AHT 180 s, 80 % within 20 s = 10 Erlangs. 13 agents answer only
    # 79.6 % in time; 14 agents: P(wait) 17.4 %, 88.8 % within 20 s, ASA 7.8 s.
    result = required_agents(200, 180, 0.8, 20)
    assert result.agents == 14
    assert result.p_wait == pytest.approx(0.1741, abs=5e-4)
    assert result.service_level == pytest.approx(0.8884, abs=5e-4)
    assert result.asa_seconds == pytest.approx(7.8, abs=0.05)
    assert result.occupancy == pytest.approx(10 / 14)


@pytest.mark.parametrize(
    ("agents", "traffic", "expected"),
    [(11, 10, 0.6821), (12, 10, 0.4494), (13, 10, 0.2853), (2, 1, 0.3333), (5, 3, 0.2362)],
)
def test_erlang_c_table_values(agents: int, traffic: float, expected: float) -> None:
    assert erlang_c(agents, traffic) == pytest.approx(expected, abs=5e-4)


def test_unstable_queue_and_large_traffic() -> None:
    assert erlang_c(10, 10) == 1.0
    big = required_agents(36_000, 300, 0.9, 30)  # 3,000 Erlangs: no overflow, sensible answer
    assert 3000 < big.agents < 3200 and big.service_level >= 0.9


def test_day_plan_follows_the_arrivals() -> None:
    plan = day_plan([10, 40, 80, 40], 30, 240)
    assert [p.agents for p in plan] == [*sorted(p.agents for p in plan[:3]), plan[1].agents]
    assert plan[2].agents > plan[0].agents


@pytest.mark.parametrize(
    "args", [(-1, 180, 0.8, 20), (100, 0, 0.8, 20), (100, 180, 1.5, 20), (float("nan"), 180, 0.8, 20)]
)
def test_bad_inputs_are_clear_errors(args: tuple[float, float, float, float]) -> None:
    with pytest.raises(InputError):
        required_agents(*args)


def test_cli_json_contract_and_bad_input() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "staffing",
            "--arrivals-per-hour",
            "200",
            "--aht-seconds",
            "180",
            "--target",
            "0.8",
            "--within-seconds",
            "20",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"agents", "p_wait", "service_level", "asa_seconds", "occupancy"}
    assert data["agents"] == 14
    bad = subprocess.run(
        [sys.executable, "-m", "agentdesk", "staffing", "--arrivals-per-hour", "200", "--aht-seconds", "-5"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "handle time" in bad.stderr
