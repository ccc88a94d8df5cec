"""SLA clocks: tiers, business hours across DST and holidays, pauses, priority changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.enums import Priority
from agentdesk.errors import ConfigError, InputError
from agentdesk.sla import ALWAYS_OPEN, BusinessCalendar, ClockState, SlaInput, SlaPolicy, policy_from_mapping

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday
OFFICE_SH = BusinessCalendar.office("Asia/Shanghai", holidays=[date(2026, 11, 25)])


def test_tier_targets_around_the_clock() -> None:
    policy = SlaPolicy()
    for priority, respond, resolve in (("P1", 5, 2 * 60), ("P2", 10, 24 * 60), ("P3", 15, 48 * 60)):
        status = policy.evaluate(SlaInput(T0, Priority(priority)), T0)
        assert status.first_response.due == T0 + timedelta(minutes=respond)
        assert status.resolution.due == T0 + timedelta(minutes=resolve)
        assert status.first_response.state == ClockState.OK


def test_warning_breach_met_and_missed() -> None:
    policy = SlaPolicy()
    ticket = SlaInput(T0, Priority.P1)
    assert policy.evaluate(ticket, T0 + timedelta(minutes=4)).first_response.state == ClockState.WARNING
    late = policy.evaluate(ticket, T0 + timedelta(minutes=7)).first_response
    assert late.state == ClockState.BREACHED and late.remaining == timedelta(minutes=-2)
    answered = SlaInput(T0, Priority.P1, first_response_at=T0 + timedelta(minutes=3))
    assert policy.evaluate(answered, T0 + timedelta(hours=1)).first_response.state == ClockState.MET
    slow = SlaInput(T0, Priority.P1, first_response_at=T0 + timedelta(minutes=9))
    assert policy.evaluate(slow, T0 + timedelta(hours=1)).first_response.state == ClockState.MISSED


def test_business_hours_skip_nights_weekends_and_holidays() -> None:
    # Friday 17:30 Shanghai time (09:30 UTC) + 10 business minutes of P2 -> Monday 09:10 Shanghai.
    friday = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    policy = SlaPolicy.with_business_hours(OFFICE_SH)
    status = policy.evaluate(SlaInput(friday, Priority.P2), friday)
    assert status.first_response.due == datetime(2026, 11, 27, 9, 40, tzinfo=UTC)  # still inside Friday
    evening = datetime(2026, 11, 27, 9, 55, tzinfo=UTC)  # 17:55 local: 5 minutes left that day
    due = policy.evaluate(SlaInput(evening, Priority.P2), evening).first_response.due
    assert due == datetime(2026, 11, 30, 1, 5, tzinfo=UTC)  # Monday 09:05 local
    # The Wednesday holiday is skipped: Tuesday 17:00 local + 2 h -> Thursday 10:00 local.
    tuesday = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert OFFICE_SH.add(tuesday, timedelta(hours=2)) == datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
    # P1 stays around the clock by default.
    assert policy.evaluate(SlaInput(evening, Priority.P1), evening).first_response.due == evening + timedelta(
        minutes=5
    )


def test_dst_changes_are_respected() -> None:
    berlin = BusinessCalendar.office("Europe/Berlin")
    # Friday 2026-10-23 17:00 CEST (15:00 UTC) + 2 h -> Monday 10:00 CET (09:00 UTC), after the change.
    start = datetime(2026, 10, 23, 15, 0, tzinfo=UTC)
    assert berlin.add(start, timedelta(hours=2)) == datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    new_york = BusinessCalendar.office("America/New_York")
    # Friday 2026-03-06 17:30 EST (22:30 UTC) + 1 h -> Monday 09:30 EDT (13:30 UTC).
    assert new_york.add(datetime(2026, 3, 6, 22, 30, tzinfo=UTC), timedelta(hours=1)) == datetime(
        2026, 3, 9, 13, 30, tzinfo=UTC
    )


def test_waiting_on_the_customer_pauses_resolution_only() -> None:
    policy = SlaPolicy()
    pause = (T0 + timedelta(minutes=30), T0 + timedelta(hours=3, minutes=30))
    ticket = SlaInput(T0, Priority.P1, first_response_at=T0 + timedelta(minutes=2), pauses=[pause])
    status = policy.evaluate(ticket, T0 + timedelta(hours=2))
    assert status.resolution.state == ClockState.PAUSED
    assert status.resolution.due == T0 + timedelta(hours=5)
    open_ended = SlaInput(T0, Priority.P1, pauses=[(T0 + timedelta(minutes=30), None)])
    waiting = policy.evaluate(open_ended, T0 + timedelta(days=3)).resolution
    assert waiting.state == ClockState.PAUSED and waiting.due is None
    assert waiting.remaining == timedelta(hours=1, minutes=30)
    office = SlaPolicy.with_business_hours(OFFICE_SH)
    assert office.evaluate(SlaInput(T0, Priority.P3, pauses=[(T0, None)]), T0).resolution.due is None


def test_priority_change_reevaluates_from_creation() -> None:
    policy = SlaPolicy()
    now = T0 + timedelta(minutes=8)
    assert policy.evaluate(SlaInput(T0, Priority.P3), now).first_response.state == ClockState.OK
    assert policy.evaluate(SlaInput(T0, Priority.P1), now).first_response.state == ClockState.BREACHED


moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)
durations = st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(hours=60))


@settings(deadline=None)  # a loaded CI machine must not turn slowness into failure
@given(moments, durations)
def test_around_the_clock_is_plain_addition(start: datetime, duration: timedelta) -> None:
    assert ALWAYS_OPEN.add(start, duration) == start + duration


@settings(deadline=None)
@given(moments, moments, durations)
def test_due_is_monotonic_in_the_start(a: datetime, b: datetime, duration: timedelta) -> None:
    early, late = sorted((a, b))
    calendar = BusinessCalendar.office("Europe/Berlin", days=range(6))
    assert calendar.add(early, duration) <= calendar.add(late, duration)  # type: ignore[operator]


@settings(deadline=None)
@given(
    moments,
    durations,
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=30)),
    st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(hours=30)),
)
def test_pausing_never_brings_the_due_time_forward(
    start: datetime, duration: timedelta, offset: timedelta, length: timedelta
) -> None:
    calendar = BusinessCalendar.office("America/New_York", start=time(8), end=time(20))
    plain = calendar.add(start, duration)
    paused = calendar.add(start, duration, [(start + offset, start + offset + length)])
    assert plain is not None and paused is not None and paused >= plain


def test_open_hours_on_dst_days_are_wall_clock_hours() -> None:
    # A calendar open 01:00-04:00 local: on the spring-forward Sunday that is only 2 real hours,
    # on the fall-back Sunday 4 real hours.
    night = BusinessCalendar("Europe/Berlin", {6: ((time(1), time(4)),)})
    spring = datetime(2026, 3, 29, 0, 0, tzinfo=UTC)  # 01:00 CET
    assert night.elapsed(spring, spring + timedelta(hours=6)) == timedelta(hours=2)
    autumn = datetime(2026, 10, 24, 23, 0, tzinfo=UTC)  # Sunday 01:00 CEST
    assert night.elapsed(autumn, autumn + timedelta(hours=6)) == timedelta(hours=4)
    new_york = BusinessCalendar("America/New_York", {6: ((time(0), time(6)),)})
    fall_back = datetime(2026, 11, 1, 4, 0, tzinfo=UTC)  # Sunday 00:00 EDT
    assert new_york.elapsed(fall_back, fall_back + timedelta(hours=12)) == timedelta(hours=7)
    assert new_york.add(fall_back, timedelta(hours=7)) == datetime(2026, 11, 1, 11, 0, tzinfo=UTC)


def test_shanghai_has_no_dst_while_berlin_and_new_york_change() -> None:
    # The same local 09:00 opening maps to the same UTC instant all year round in Shanghai.
    for day in (date(2026, 3, 2), date(2026, 3, 30), date(2026, 11, 2)):
        start = datetime.combine(day, time(0), UTC)
        assert OFFICE_SH.add(start, timedelta(minutes=1)) == datetime.combine(day, time(1, 1), UTC)
    berlin = BusinessCalendar.office("Europe/Berlin")
    before, after = datetime(2026, 3, 27, tzinfo=UTC), datetime(2026, 3, 30, tzinfo=UTC)
    assert berlin.add(before, timedelta(minutes=1)) == datetime(2026, 3, 27, 8, 1, tzinfo=UTC)  # CET
    assert berlin.add(after, timedelta(minutes=1)) == datetime(2026, 3, 30, 7, 1, tzinfo=UTC)  # CEST


def test_business_time_remaining_over_a_weekend() -> None:
    policy = SlaPolicy.with_business_hours(OFFICE_SH)
    friday = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # 17:00 Shanghai
    ticket = SlaInput(friday, Priority.P2, first_response_at=friday + timedelta(minutes=5))
    monday = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 10:00 Shanghai: 1 h Friday + 1 h Monday used
    status = policy.evaluate(ticket, monday)
    assert status.first_response.state == ClockState.MET
    assert status.resolution.remaining == timedelta(hours=22)
    assert status.resolution.state == ClockState.OK


def test_which_tiers_use_business_hours_is_configurable() -> None:
    evening = datetime(2026, 11, 27, 9, 55, tzinfo=UTC)  # Friday 17:55 Shanghai
    all_office = SlaPolicy.with_business_hours(OFFICE_SH, business_tiers=set(Priority))
    # 5 minutes left on Friday, the other 0 on Monday: due exactly at Friday's close.
    assert all_office.evaluate(SlaInput(evening, Priority.P1), evening).first_response.due == datetime(
        2026, 11, 27, 10, 0, tzinfo=UTC
    )
    later = evening + timedelta(minutes=2)  # 3 minutes left on Friday, 2 on Monday from 09:00
    assert all_office.evaluate(SlaInput(later, Priority.P1), later).first_response.due == datetime(
        2026, 11, 30, 1, 2, tzinfo=UTC
    )
    only_p3 = SlaPolicy.with_business_hours(OFFICE_SH, business_tiers={Priority.P3})
    due_p2 = only_p3.evaluate(SlaInput(evening, Priority.P2), evening).first_response.due
    assert due_p2 == evening + timedelta(minutes=10)


def test_warning_fraction_is_configurable() -> None:
    ticket = SlaInput(T0, Priority.P1)
    at_three = T0 + timedelta(minutes=3)  # 60 % of the 5 minutes used
    assert SlaPolicy().evaluate(ticket, at_three).first_response.state == ClockState.OK
    early = SlaPolicy(warning_fraction=0.5)
    assert early.evaluate(ticket, at_three).first_response.state == ClockState.WARNING


def test_bad_calendars_and_naive_times_are_refused() -> None:
    with pytest.raises(ConfigError, match="time zone"):
        BusinessCalendar.office("Mars/Olympus_Mons")
    with pytest.raises(ConfigError, match="at least one weekday"):
        BusinessCalendar("UTC", {0: ((time(9), time(9)),)})
    with pytest.raises(InputError, match="timezone-aware"):
        SlaPolicy().evaluate(SlaInput(datetime(2026, 1, 1), Priority.P1), T0)
    with pytest.raises(ConfigError, match="warning fraction"):
        SlaPolicy(warning_fraction=1.5)


@settings(deadline=None)
@given(moments, durations)
def test_elapsed_undoes_add(start: datetime, duration: timedelta) -> None:
    calendar = BusinessCalendar.office("Europe/Berlin", holidays=[date(2026, 12, 25)])
    due = calendar.add(start, duration)
    assert due is not None and calendar.elapsed(start, due) == duration


def test_policy_from_plain_data() -> None:
    policy = policy_from_mapping(
        {
            "timezone": "Asia/Shanghai",
            "hours": {d: ["09:00-12:00", "13:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
            "holidays": ["2026-11-25"],
            "warning_fraction": 0.5,
        }
    )
    assert policy.warning_fraction == 0.5 and policy.calendars[Priority.P1] == ALWAYS_OPEN
    noon = datetime(2026, 11, 24, 3, 55, tzinfo=UTC)  # Tuesday 11:55 Shanghai, lunch at 12:00
    assert policy.evaluate(SlaInput(noon, Priority.P2), noon).first_response.due == datetime(
        2026, 11, 24, 5, 5, tzinfo=UTC
    )  # 5 minutes before lunch, 5 after
    tuesday_evening = datetime(2026, 11, 24, 9, 50, tzinfo=UTC)  # 17:50; Wednesday is a holiday
    due = policy.evaluate(SlaInput(tuesday_evening, Priority.P3), tuesday_evening).first_response.due
    assert due == datetime(2026, 11, 26, 1, 5, tzinfo=UTC)  # 10 minutes Tuesday, 5 on Thursday
    assert policy_from_mapping({}).calendars[Priority.P3] == ALWAYS_OPEN


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"timezone": "Nowhere/Land", "hours": {"mon": ["09:00-18:00"]}}, "timezone"),
        ({"hours": {"monday": ["09:00-18:00"]}}, "hours.monday"),
        ({"hours": {"mon": ["18:00-09:00"]}}, "hours.mon"),
        ({"hours": {"mon": "09:00-18:00"}}, "hours.mon"),
        ({"hours": {"mon": []}}, "hours"),
        ({"hours": {"mon": ["09:00-18:00"]}, "holidays": ["Christmas"]}, "holidays"),
        ({"hours": {"mon": ["09:00-18:00"]}, "business_tiers": ["P9"]}, "business_tiers"),
        ({"warning_fraction": 75}, "warning_fraction"),
        ({"pause_on": "waiting"}, "pause_on"),
    ],
)
def test_bad_policy_data_names_the_key(data: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError) as info:
        policy_from_mapping(data, source="sla.json")
    assert info.value.key == key and info.value.file == "sla.json"
    assert "sla.json" in str(info.value)


def test_a_pause_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InputError, match="pause"):
        SlaPolicy().evaluate(SlaInput(T0, Priority.P2, pauses=[(T0 + timedelta(hours=1), T0)]), T0)


def test_a_pause_after_the_breach_does_not_hide_it() -> None:
    late_pause = (T0 + timedelta(hours=3), None)  # P1 resolution was due at T0 + 2 h
    ticket = SlaInput(T0, Priority.P1, first_response_at=T0 + timedelta(minutes=1), pauses=[late_pause])
    clock = SlaPolicy().evaluate(ticket, T0 + timedelta(hours=4)).resolution
    assert clock.state == ClockState.BREACHED and clock.remaining == timedelta(hours=-1)
    early_pause = SlaInput(T0, Priority.P1, pauses=[(T0 + timedelta(hours=1), None)])
    assert SlaPolicy().evaluate(early_pause, T0 + timedelta(hours=4)).resolution.state == ClockState.PAUSED


def test_solving_without_a_separate_reply_answers_the_first_response() -> None:
    solved = SlaInput(T0, Priority.P2, resolved_at=T0 + timedelta(minutes=7))
    status = SlaPolicy().evaluate(solved, T0 + timedelta(days=1))
    assert status.first_response.state == ClockState.MET and status.resolution.state == ClockState.MET
    slow = SlaInput(T0, Priority.P2, resolved_at=T0 + timedelta(minutes=30))
    assert SlaPolicy().evaluate(slow, T0 + timedelta(days=1)).first_response.state == ClockState.MISSED
