from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentdesk.domain.enums import Category
from agentdesk.errors import TemplateError
from agentdesk.scripts.flows import FlowRun, default_flows, load_flows
from agentdesk.scripts.library import PARTS, ScriptLibrary, default_library
from agentdesk.scripts.render import MissingVariables, render_text
from agentdesk.scripts.suggest import suggest_scripts
from agentdesk.scripts.variables import InvalidValue

VALUES = {
    "customer_name": "Ms Li",
    "agent_name": "Sam",
    "order_number": "NW-1001",
    "ticket_number": "T-9",
    "tracking_number": "SF123",
    "reference": "C-22013",
    "product": "fridge",
    "amount": "1299.5",
    "date": "2026-12-01",
    "days": 5,
    "hours": 2,
    "minutes": 3,
    "points": 500,
    "time_window": "9-12",
    "payment_method": "Visa",
    "email": "li@example.com",
    "store_name": "City store",
    "error_code": "E21",
    "team_name": "Delivery",
}


def test_library_has_100_scenarios_in_both_languages_for_every_category() -> None:
    library = default_library()
    assert len(library.scenarios) >= 100
    for category in Category:
        assert len(library.for_category(category)) >= 5, category
    for scenario in library.scenarios.values():
        for lang in ("en", "zh"):
            assert set(scenario.parts[lang]) == set(PARTS)


def test_every_scenario_renders_in_both_languages_with_no_blanks() -> None:
    library = default_library()
    for sid in library.scenarios:
        for lang in ("en", "zh"):
            rendered = library.render(sid, lang, VALUES)
            assert rendered.empathy and rendered.answer and rendered.commitment
            assert "{{" not in rendered.text and "None" not in rendered.text


def test_typed_values_are_formatted_per_language() -> None:
    library = default_library()
    en = library.render("refund.status", "en", VALUES).text
    zh = library.render("refund.status", "zh", VALUES).text
    assert "1,299.50" in en and "1 December 2026" in en
    assert "1,299.50 元" in zh and "2026年12月1日" in zh


def test_missing_variables_are_reported_never_blank() -> None:
    library = default_library()
    with pytest.raises(MissingVariables) as info:
        library.render("delivery.late", "en", {"customer_name": "Ann", "order_number": ""})
    assert info.value.missing == ["order_number", "date", "time_window"]
    assert [v.name for v in library.missing("delivery.late", {"customer_name": "Ann"})] == [
        "order_number",
        "date",
        "time_window",
    ]
    assert library.variables["date"].label_for("zh") == "日期"


def test_wrong_typed_values_are_refused() -> None:
    library = default_library()
    for name, bad in [
        ("amount", "lots"),
        ("date", "next week"),
        ("days", "five"),
        ("email", "nope"),
        ("order_number", "DROP TABLE; --"),
    ]:
        with pytest.raises(InvalidValue, match=name):
            library.render(_scenario_using(library, name), "en", {**VALUES, name: bad})


def _scenario_using(library: ScriptLibrary, name: str) -> str:
    return next(s.id for s in library.scenarios.values() if name in s.variables)


def test_adjusted_wording_is_rendered_in_the_sandbox() -> None:
    library = default_library()
    out = library.render(
        "billing.double_charge",
        "en",
        VALUES,
        wording={"empathy": "{{ customer_name|upper }}, sorry about that."},
    )
    assert out.empathy == "MS LI, sorry about that."
    with pytest.raises(TemplateError, match="Unknown variable"):
        library.render("billing.double_charge", "en", VALUES, wording={"answer": "{{ password }}"})


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ customer_name.__class__ }}",
        "{{ customer_name['__class__'] }}",
        "{% for x in range(100000000) %}x{% endfor %}",
        "{{ 'a' * 999999999 }}",
        "{{ lipsum(10) }}",
        "{{ customer_name|attr('__class__') }}",
        "{% include '/etc/passwd' %}",
        "{% macro m() %}{% endmacro %}",
        "{{ customer_name",
        "{% if %}",
        "x" * 20_000,
    ],
)
def test_unsafe_or_broken_templates_are_refused(source: str) -> None:
    with pytest.raises(TemplateError):
        render_text(source, {"customer_name": "Ann"})


def test_library_files_are_checked(tmp_path: Path) -> None:
    (tmp_path / "library").mkdir()
    (tmp_path / "variables.json").write_text(
        '{"customer_name": {"type": "text", "label": {"en": "N"}}}', "utf-8"
    )
    bad = [
        {
            "id": "billing.x",
            "title": {"en": "T", "zh": "T"},
            "en": ["a {{ customer_name }}", "b", "c"],
            "zh": ["a", "b", "c"],
        }
    ]
    (tmp_path / "library" / "b.json").write_text(json.dumps(bad), "utf-8")
    with pytest.raises(TemplateError, match="different variables"):
        ScriptLibrary.load(tmp_path)
    bad[0]["zh"] = ["{{ nobody }}", "b", "c"]
    (tmp_path / "library" / "b.json").write_text(json.dumps(bad), "utf-8")
    with pytest.raises(TemplateError, match="unknown variable"):
        ScriptLibrary.load(tmp_path)


def test_flows_are_valid_graphs_that_end_on_library_scripts() -> None:
    flows = default_flows()
    assert {"flow.refund_dispute", "flow.outage", "flow.complaint_escalation"} <= set(flows)
    run = FlowRun(flows["flow.refund_dispute"])
    assert not run.finished and run.step.ask["zh"]
    run.choose(0)
    run.choose(2)
    run.choose(1)
    assert run.finished and run.step.script == "refund.dispute_chargeback"
    run.back()
    assert run.step.id == "amount_check"
    with pytest.raises(TemplateError):
        run.choose(7)


def test_broken_flow_is_refused(tmp_path: Path) -> None:
    flow = {
        "id": "f",
        "category": "refund",
        "title": {"en": "F", "zh": "F"},
        "start": "a",
        "steps": {
            "a": {
                "ask": {"en": "?", "zh": "?"},
                "options": [{"label": {"en": "x", "zh": "x"}, "next": "nowhere"}],
            }
        },
    }
    (tmp_path / "f.json").write_text(json.dumps(flow), "utf-8")
    with pytest.raises(TemplateError, match="unknown step"):
        load_flows(tmp_path)


def test_suggestions_follow_the_triaged_category() -> None:
    top = suggest_scripts("I was charged twice for one order", "billing")
    assert top[0].scenario_id == "billing.double_charge"
    assert all(s.scenario_id.startswith("billing.") for s in top)
    safety = suggest_scripts("冰箱后面冒烟了", "technical")[0]
    assert safety.scenario_id == "technical.safety_stop_using"
    dispute = suggest_scripts("I'll do a chargeback with my bank", "refund")
    assert any(s.flow_id == "flow.refund_dispute" for s in dispute)


def test_synced_scripts_override_and_extend_the_library(tmp_path: Path) -> None:
    from agentdesk.store import Store
    from agentdesk.store.codec import row_values, upsert_rows

    def script(row_id: str, scenario: str, lang: str, parts: list[str], **extra: object) -> dict[str, object]:
        data = {
            "lang": lang,
            "category": scenario.split(".")[0],
            "scenario": scenario,
            "title": "T",
            "empathy": parts[0],
            "answer": parts[1],
            "commitment": parts[2],
            **extra,
        }
        return row_values("script", row_id, 1, data)

    with Store.open(tmp_path / "s.sqlite") as store, store.connect() as conn:
        upsert_rows(
            conn,
            "script",
            [
                script("s1", "billing.double_charge", "en", ["Sorry {{ customer_name }}.", "Fixed.", "Bye."]),
                script(
                    "s2", "billing.double_charge", "zh", ["抱歉{{ customer_name }}。", "已处理。", "再见。"]
                ),
                script(
                    "s3",
                    "billing.vat_rate",
                    "en",
                    ["Hi {{ customer_name }}.", "VAT is {{ vat }}.", "Ok."],
                    variables=[{"name": "vat", "type": "text", "label": {"en": "VAT"}}],
                ),
                script(
                    "s4",
                    "billing.vat_rate",
                    "zh",
                    ["{{ customer_name }}您好。", "税率 {{ vat }}。", "好的。"],
                ),
                script("s5", "billing.broken", "en", ["{{ ''.__class__ }}", "b", "c"]),
            ],
        )
        library, problems = default_library().with_store_scripts(conn)
    assert library.render("billing.double_charge", "en", VALUES).answer == "Fixed."
    assert library.render("billing.vat_rate", "zh", {**VALUES, "vat": "13%"}).answer == "税率 13%。"
    assert "billing.broken" not in library.scenarios and len(problems) == 1
    assert len(library.scenarios) == len(default_library().scenarios) + 1
