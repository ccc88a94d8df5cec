from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentdesk.cli import main
from agentdesk.errors import InputError
from agentdesk.triage.engine import Customer, triage
from agentdesk.triage.reasons import render
from agentdesk.triage.routing import AgentLoad, recommend

VIP = Customer("VIP", 0)
REPEAT = Customer("standard", 2)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I was charged twice for my subscription this month", "billing"),
        ("我的退款什么时候到账？退货已经寄回去一周了", "refund"),
        ("Where is my parcel? Tracking hasn't updated for 4 days", "delivery"),
        ("洗衣机一直报错不排水", "technical"),
        ("I forgot my password and the reset email never arrives", "account"),
        ("我要正式投诉你们的客服，态度太差了", "complaint"),
        ("Do you have this sofa in grey, and what are the dimensions?", "product_info"),
        ("我们是做灯具的厂商，想和贵司谈谈合作", "other"),
        ("My broadband keeps dropping every evening", "technical"),
        ("这个月话费怎么比平时高这么多？", "billing"),
        ("Your service is great, thanks!", "other"),
    ],
)
def test_categories(text: str, category: str) -> None:
    assert triage(text).category.value == category


@pytest.mark.parametrize(
    "text",
    [
        "There's smoke coming out of my heater!!",
        "燃气灶关了还有很浓的煤气味，怎么办",
        "Someone hacked my account and placed orders",
        "再不退款我就找律师，还要发微博曝光",
        "Water is dripping from the dishwasher into the plug socket",
    ],
)
def test_urgent_cases_are_p1_with_a_reason(text: str) -> None:
    result = triage(text)
    assert result.priority.value == "P1"
    assert any(r.code.startswith("urgency.") for r in result.reasons)


def test_customer_history_and_tier_raise_priority() -> None:
    text = "This is the third time my order is late. Ridiculous."
    assert triage(text).priority.value == "P2"
    vip = triage(text, VIP)
    assert vip.priority.value == "P1" and "VIP" in [str(r) for r in vip.reasons]
    repeat = triage(text, REPEAT)
    assert repeat.priority.value == "P1" and any(
        r.code == "priority.repeat_complainer" for r in repeat.reasons
    )
    # A calm question from a VIP stays low.
    assert triage("What are your opening hours on Sunday?", VIP).priority.value == "P3"


def test_sentiment_with_negation_and_sarcasm() -> None:
    assert triage("Thanks, the refund arrived quickly. Great service!").sentiment.value == "positive"
    assert triage("I am not happy with this at all").sentiment.value == "negative"
    assert triage("物流五天没动，服务真是一如既往地“好”。").sentiment.value == "negative"
    assert triage("Great, another week without my parcel. Thanks a lot.").sentiment.value == "negative"
    assert triage("真是太棒了，第三次送错货。").sentiment.value == "negative"
    assert triage("Thanks, the duplicate charge was reversed really quickly.").sentiment.value == "positive"
    assert triage("净化器很好用！就是提醒灯一直亮，怎么重置？").sentiment.value != "negative"
    assert triage("Can I change my delivery address?").sentiment.value == "neutral"
    assert triage("Thanks for fixing my account last week!").sentiment.value == "positive"
    assert triage("Thanks, but my parcel is still missing and nobody replied").sentiment.value == "negative"
    assert triage("发票抬头开错了，麻烦帮忙重开，谢谢").sentiment.value == "neutral"
    assert triage("不急，想问下发票怎么开").priority.value == "P3"


def test_keyword_reason_names_the_words() -> None:
    result = triage("我要投诉")
    assert result.category.value == "complaint"
    assert "投诉" in str(result.reasons[0])
    assert render(result.reasons[0], lang="zh").startswith("分类")


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00\x01\x02\xff" * 1000, "🙂" * 50, "refund 退款 remboursement Erstattung " * 500],
)
def test_odd_input_does_not_crash(text: str) -> None:
    result = triage(text)
    assert result.category.value and result.priority.value in ("P1", "P2", "P3")


def test_one_megabyte_message_is_read_by_its_head() -> None:
    import time

    text = "My oven is sparking!! " + "lorem ipsum " * 85_000  # ~1 MB, just under the 1 MiB limit
    started = time.perf_counter()
    result = triage(text)
    assert result.priority.value == "P1"
    assert time.perf_counter() - started < 2.0  # a generous bound: analysis reads the first 20k chars


def test_cli_reports_binary_batch_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "bin.jsonl"
    batch.write_bytes(b'{"id": "ok", "text": "hi"}\n\xff\xfe\x00\x01garbage\n')
    assert main(["triage", "--batch", str(batch), "--json"]) == 2
    assert "line 2" in capsys.readouterr().err


def test_oversized_message_is_an_input_error() -> None:
    with pytest.raises(InputError, match="1 MiB"):
        triage("a" * (1_048_576 + 1))
    with pytest.raises(InputError):
        triage(b"bytes")  # type: ignore[arg-type]


def test_routing_prefers_skill_then_room() -> None:
    agents = [
        AgentLoad("ann", ("billing",), open_tickets=7, max_load=8),
        AgentLoad("bob", ("payments", "escalation"), open_tickets=2, max_load=8),
        AgentLoad("cy", ("general",), open_tickets=0, max_load=8),
        AgentLoad("dee", ("billing",), open_tickets=8, max_load=8),
        AgentLoad("eve", ("billing",), open_tickets=0, available=False),
    ]
    choices = recommend("billing", "P1", agents)
    assert [c.agent_id for c in choices] == ["bob", "ann", "cy"]
    assert "handles urgent cases" in choices[0].reasons
    assert recommend("technical", "P3", agents[3:]) == []


def test_cli_batch_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "m.jsonl"
    batch.write_text(
        '{"id": "m1", "lang": "en", "text": "my oven is sparking!!"}\n'
        '{"id": "m2", "lang": "zh", "text": "发票怎么开？", '
        '"customer": {"tier": "VIP", "complaints_90d": 0}}\n',
        "utf-8",
    )
    assert main(["triage", "--batch", str(batch), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [set(line) for line in lines] == [{"id", "category", "priority", "sentiment", "reasons"}] * 2
    assert lines[0]["priority"] == "P1" and lines[1]["category"] == "billing"
    batch.write_text('{"id": "m3", "text": "hi", "customer": {"tier": "gold"}}\n', "utf-8")
    assert main(["triage", "--batch", str(batch), "--json"]) == 2
    assert "tier" in capsys.readouterr().err
