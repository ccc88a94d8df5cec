"""Human-readable reasons for triage decisions: a stable code plus parameters, English text via
``str()`` and any other language through ``render(reason, translate)``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# code -> English template. The console passes its own translate function (Qt's tr) to ``render``.
TEMPLATES: dict[str, str] = {
    "category": "category {category}: {keywords}",
    "sentiment.negative": "negative sentiment",
    "sentiment.positive": "positive sentiment",
    "sentiment.sarcasm": "sarcasm",
    "customer.vip": "VIP",
    "customer.complaints": "complaints in 90 days: {count}",
    "priority.vip_negative": "VIP customer with a negative message",
    "priority.repeat_complainer": "repeat complaints (90 days: {count}) and a negative message",
    "priority.problem": "a problem that needs action",
    "priority.information": "information or feedback",
    "urgency.safety": "safety risk, keyword: {keyword}",
    "urgency.health": "health risk, keyword: {keyword}",
    "urgency.blocked": "person blocked, keyword: {keyword}",
    "urgency.security": "account security, keyword: {keyword}",
    "urgency.legal": "legal or media threat, keyword: {keyword}",
    "urgency.urgent": "explicit urgency, keyword: {keyword}",
    "urgency.large_amount": "large amount: {amount}",
}

ZH_TEMPLATES: dict[str, str] = {
    "category": "分类 {category}：{keywords}",
    "sentiment.negative": "负面情绪",
    "sentiment.positive": "正面情绪",
    "sentiment.sarcasm": "反讽",
    "customer.vip": "VIP",
    "customer.complaints": "90 天内投诉 {count} 次",
    "priority.vip_negative": "VIP 客户且情绪负面",
    "priority.repeat_complainer": "90 天内投诉 {count} 次且情绪负面",
    "priority.problem": "需要处理的问题",
    "priority.information": "咨询或反馈",
    "urgency.safety": "安全风险，关键词：{keyword}",
    "urgency.health": "健康风险，关键词：{keyword}",
    "urgency.blocked": "客户受阻，关键词：{keyword}",
    "urgency.security": "账户安全，关键词：{keyword}",
    "urgency.legal": "法律或媒体威胁，关键词：{keyword}",
    "urgency.urgent": "明确紧急，关键词：{keyword}",
    "urgency.large_amount": "大额：{amount}",
}


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return render(self)


def render(reason: Reason, translate: Callable[[str], str] | None = None, *, lang: str = "en") -> str:
    template = (ZH_TEMPLATES if lang == "zh" else TEMPLATES).get(reason.code, reason.code)
    if translate is not None:
        template = translate(template)
    text = template.format(**reason.params)
    return text.rstrip(": ：")
