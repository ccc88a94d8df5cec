from __future__ import annotations

import pytest

from agentdesk.errors import ConfigError
from agentdesk.supervisor.alerts import (
    DEFAULT_RULES,
    Level,
    RuleKind,
    TeamSnapshot,
    diff,
    evaluate,
    rules_from_config,
)


def snap(**kw: object) -> TeamSnapshot:
    return TeamSnapshot(team_id="team-a", **kw)  # type: ignore[arg-type]


def test_complaint_rate_rise_against_baseline() -> None:
    # baseline 10 %, now 11 % -> +10 % relative: yellow; 13 % -> +30 %: red; 10.5 % -> +5 %: nothing
    assert (
        evaluate(
            DEFAULT_RULES, [snap(recent_volume=50, recent_complaint_rate=11.0, baseline_complaint_rate=10.0)]
        )["complaint_rate_rise:team-a"].level
        == Level.YELLOW
    )
    red = evaluate(
        DEFAULT_RULES, [snap(recent_volume=50, recent_complaint_rate=13.0, baseline_complaint_rate=10.0)]
    )
    assert red["complaint_rate_rise:team-a"].level == Level.RED
    assert red["complaint_rate_rise:team-a"].value == 30.0
    assert not evaluate(
        DEFAULT_RULES, [snap(recent_volume=50, recent_complaint_rate=10.5, baseline_complaint_rate=10.0)]
    )
    # too few tickets today to judge
    assert not evaluate(
        DEFAULT_RULES, [snap(recent_volume=5, recent_complaint_rate=50.0, baseline_complaint_rate=10.0)]
    )


def test_first_response_p1_and_queue_rules() -> None:
    current = evaluate(
        DEFAULT_RULES,
        [
            snap(
                recent_first_response_avg_s=700,
                p1_seconds_left=90,
                p1_ticket_id="t9",
                queue_length=40,
                capacity=25,
            )
        ],
    )
    assert current["first_response_over:team-a"].level == Level.YELLOW
    assert current["p1_breach_soon:team-a"].level == Level.YELLOW
    assert current["p1_breach_soon:team-a"].detail == {"ticket_id": "t9"}
    assert current["queue_over_capacity:team-a"].level == Level.RED  # 160 %
    breached = evaluate(DEFAULT_RULES, [snap(p1_seconds_left=-5)])
    assert breached["p1_breach_soon:team-a"].level == Level.RED
    assert not evaluate(DEFAULT_RULES, [snap(p1_seconds_left=600, recent_first_response_avg_s=300)])


def test_raise_change_clear() -> None:
    first = evaluate(DEFAULT_RULES, [snap(recent_first_response_avg_s=700)])
    d = diff({}, first)
    assert [a.key for a in d.raised] == ["first_response_over:team-a"] and not d.cleared
    worse = evaluate(DEFAULT_RULES, [snap(recent_first_response_avg_s=1000)])
    d = diff(first, worse)
    assert not d.raised and d.changed[0].level == Level.RED
    d = diff(worse, evaluate(DEFAULT_RULES, [snap(recent_first_response_avg_s=200)]))
    assert d.cleared == ["first_response_over:team-a"] and not d.raised


def test_rules_are_configurable_and_checked() -> None:
    rules = rules_from_config({"first_response_over": {"yellow": 300, "red": 400}})
    rule = next(r for r in rules if r.kind == RuleKind.FIRST_RESPONSE_OVER)
    assert rule.level(350) == Level.YELLOW and rule.level(450) == Level.RED
    off = rules_from_config({"queue_over_capacity": {"enabled": False}})
    assert not evaluate(off, [snap(queue_length=100, capacity=10)])
    for bad in (
        {"nope": {}},
        {"first_response_over": {"yellow": "x"}},
        {"first_response_over": {"red": 10}},
        {"p1_breach_soon": {"red": 500}},
    ):
        with pytest.raises(ConfigError):
            rules_from_config(bad)
