"""Erlang C against published worked examples, and the CLI contract."""

from __future__ import annotations

import json
import math
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from agentdesk.errors import InputError
from agentdesk.staffing import (
    ServiceTarget,
    average_arrivals,
    day_plan,
    erlang_c,
    required_agents,
    required_agents_for,
    service_level,
)
from agentdesk.staffing.history import read_history
from tests.support.cli import run_agentdesk


def staffing(*args: str) -> subprocess.CompletedProcess[str]:
    return run_agentdesk("staffing", *args)


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
    out = staffing(
        "--arrivals-per-hour",
        "200",
        "--aht-seconds",
        "180",
        "--target",
        "0.8",
        "--within-seconds",
        "20",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"agents", "p_wait", "service_level", "asa_seconds", "occupancy"}
    assert data["agents"] == 14
    bad = staffing("--arrivals-per-hour", "200", "--aht-seconds", "-5")
    assert bad.returncode == 2 and "handle time" in bad.stderr


def erlang_c_by_factorials(agents: int, traffic: Fraction) -> Fraction:
    """The textbook formula in exact arithmetic: an independent oracle for small cases."""
    waiting = traffic**agents / math.factorial(agents) * Fraction(agents) / (agents - traffic)
    below = sum(traffic**k / math.factorial(k) for k in range(agents))
    return waiting / (below + waiting)


@settings(deadline=None)  # a loaded CI machine must not turn slowness into failure
@given(st.integers(min_value=1, max_value=60), st.fractions(min_value=Fraction(1, 10), max_value=59))
def test_recursion_matches_the_factorial_formula(agents: int, traffic: Fraction) -> None:
    assume(agents > traffic)
    assert erlang_c(agents, float(traffic)) == pytest.approx(float(erlang_c_by_factorials(agents, traffic)))


@settings(deadline=None)
@given(
    st.floats(min_value=1, max_value=20_000),
    st.floats(min_value=10, max_value=1_200),
    st.floats(min_value=0.05, max_value=0.99),
    st.floats(min_value=0, max_value=600),
)
def test_required_agents_is_the_fewest_that_meet_the_target(
    per_hour: float, aht: float, target: float, within: float
) -> None:
    result = required_agents(per_hour, aht, target, within)
    traffic = per_hour / 3600 * aht
    assert result.agents > traffic and result.service_level >= target
    assert result.service_level == pytest.approx(service_level(result.agents, traffic, aht, within))
    assert service_level(result.agents - 1, traffic, aht, within) < target


def test_ninety_percent_of_p1_within_five_minutes() -> None:
    target = ServiceTarget.for_tier("P1")
    assert target == ServiceTarget(0.9, 300.0)
    # 10 Erlangs: 12 agents answer 83.5 % within 300 s, 13 agents 93.6 %.
    result = required_agents_for(60, 600, target)
    assert result.agents == 13 and result.service_level == pytest.approx(0.9363, abs=5e-4)
    assert service_level(12, 10, 600, 300) == pytest.approx(0.8347, abs=5e-4)
    with pytest.raises(InputError, match="P4"):
        ServiceTarget.for_tier("P4")


def test_a_day_of_half_hours_from_recent_history() -> None:
    week = [[max(0, 120 - abs(i - 24) * 5) + d for i in range(48)] for d in range(5)]
    forecast = average_arrivals(week)
    assert len(forecast) == 48 and forecast[24] == 122
    plan = day_plan(forecast, 30, 300)
    assert max(plan, key=lambda p: p.agents) == plan[24]
    assert all(p.service_level >= 0.8 for p in plan)
    with pytest.raises(InputError, match="same number"):
        average_arrivals([[1, 2], [1]])
    with pytest.raises(InputError):
        average_arrivals([[1, -2]])


def test_no_arrivals_need_no_agents() -> None:
    assert required_agents(0, 180).agents == 0


def test_cli_tier_target(tmp_path: Path) -> None:
    out = staffing(
        "--arrivals-per-hour", "60", "--aht-seconds", "600", "--target", "0.9", "--tier", "P1", "--json"
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["agents"] == 13
    both = staffing(
        "--arrivals-per-hour", "60", "--aht-seconds", "600", "--tier", "P1", "--within-seconds", "20"
    )
    assert both.returncode == 2 and "not both" in both.stderr


def test_day_plan_from_a_history_file(tmp_path: Path) -> None:
    history = tmp_path / "arrivals.txt"
    days = [[max(0, 60 - abs(i - 22) * 3) + d for i in range(48)] for d in (0, 2, 4)]
    history.write_text(
        "# three days of half-hours\n" + "\n".join(", ".join(map(str, d)) for d in days) + "\n"
    )
    assert read_history(history) == [[float(n) for n in d] for d in days]
    out = staffing("--history", str(history), "--aht-seconds", "300", "--json")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 48 and rows[0]["start"] == "00:00" and rows[47]["start"] == "23:30"
    peak = rows[22]
    assert peak["arrivals"] == 62 and peak["agents"] == required_agents(124, 300).agents
    assert peak["agents"] == max(r["agents"] for r in rows)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1, 2, 3\n1, two, 3\n", "line 2: arrivals must be numbers"),
        ("1, 2, 3\n1, 2\n", "line 2: 2 intervals where the first day has 3"),
        ("1, -2\n", "line 1: arrivals must be zero or more"),
        ("# nothing\n\n", "holds no arrival history"),
    ],
)
def test_bad_history_files_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    history = tmp_path / "h.txt"
    history.write_text(text)
    with pytest.raises(InputError, match=message):
        read_history(history)
    with pytest.raises(InputError, match="No arrival history"):
        read_history(tmp_path / "missing.txt")
