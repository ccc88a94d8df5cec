"""Any text (emoji, control characters, mixed scripts) triages without an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.triage.engine import Customer, triage


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["VIP", "standard"]), st.integers(0, 5))
def test_triage_never_crashes(text: str, tier: str, complaints: int) -> None:
    result = triage(text, Customer(tier, complaints))
    assert result.priority.value in ("P1", "P2", "P3")
    assert result.reasons and all(str(r) for r in result.reasons)
