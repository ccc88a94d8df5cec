from __future__ import annotations

from agentdesk.sync.client.planner import plan_page
from tests.sync.records import change, message, ticket


def test_last_change_of_a_row_wins_and_unknown_entities_are_skipped() -> None:
    plan = plan_page(
        [
            change("ticket", "1", 5, ticket(1, status="open")),
            change("widget", "9", 6, {"x": 1}),
            change("ticket", "1", 7, ticket(1, status="solved")),
            change("ticket", "2", 8, op="delete"),
        ],
        8,
        set(),
    )
    assert plan.cursor == 8
    assert plan.skipped == 1
    assert [(i, v, d["status"]) for i, v, d in plan.upserts["ticket"]] == [("1", 7, "solved")]
    assert plan.deletes == {"ticket": ["2"]}
    assert plan.touched() == {"ticket": {"1", "2"}}


def test_rows_with_local_edits_go_to_the_shadow_and_are_rebuilt() -> None:
    overlay = {("ticket", "1"), ("ticket", "2")}
    plan = plan_page(
        [change("ticket", "1", 5, ticket(1)), change("ticket", "2", 6, op="delete"),
         change("ticket", "3", 7, ticket(3))],
        7,
        overlay,
    )
    assert [r[0] for r in plan.upserts["ticket"]] == ["3"]
    assert [(e, i, v) for e, i, v, _ in plan.shadow_puts] == [("ticket", "1", 5)]
    assert plan.rebuild == {("ticket", "1")}
    assert plan.shadow_deletes == {("ticket", "2")}
    assert plan.deletes == {"ticket": ["2"]}


def test_a_server_message_confirms_the_mutation_that_created_it() -> None:
    plan = plan_page([change("message", "m1", 3, message("1", "hi", mutation_id="abc"))], 3, set())
    assert plan.confirmed == {"abc"}
