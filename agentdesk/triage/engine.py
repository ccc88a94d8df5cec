"""Triage of one customer message: category, priority (P1/P2/P3), sentiment, and the reasons.

Priority follows the service policy (DESIGN.md): P1 for a safety or health risk, a person blocked,
an account break-in, a large wrong charge, a legal or media threat, explicit urgency about a real
problem, a VIP whose message is negative, or a customer with 2+ complaints in 90 days whose
message is negative. P2 for a real problem that needs action, P3 for information, how-to,
feedback and praise.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from agentdesk.domain.enums import Category, CustomerTier, Priority, Sentiment
from agentdesk.errors import InputError
from agentdesk.knowledge.lexicon import default_matcher
from agentdesk.knowledge.text import english_stems
from agentdesk.triage import lexicon_data as L
from agentdesk.triage.reasons import Reason
from agentdesk.triage.signals import Signals, cue_matcher, negated, read_signals, sarcastic, water_on_power

MAX_MESSAGE_BYTES = 1_048_576
REPEAT_COMPLAINTS = 2
# Topic concepts that are a problem needing action by themselves (P2 at least).
PROBLEM_TOPICS = frozenset(
    {
        "refund",
        "return",
        "double_charge",
        "connection_fault",
        "billing_money",
        "late",
        "damaged",
        "fault",
        "safety",
        "recall",
        "app_error",
        "login",
        "security",
        "formal_complaint",
        "staff",
        "cancel",
        "appliance_fault",
        "tracking",
        "privacy",
    }
)
_PROBLEM_SENTIMENT = frozenset({"problem"})


@dataclass(frozen=True, slots=True)
class Customer:
    tier: str = CustomerTier.STANDARD.value
    complaints_90d: int = 0


@dataclass(frozen=True, slots=True)
class Triage:
    category: Category
    priority: Priority
    sentiment: Sentiment
    reasons: tuple[Reason, ...]
    scores: dict[str, float] = field(default_factory=dict)

    def as_json(self, message_id: object) -> dict[str, object]:
        return {
            "id": message_id,
            "category": self.category.value,
            "priority": self.priority.value,
            "sentiment": self.sentiment.value,
            "reasons": [str(r) for r in self.reasons],
        }


def _category(signals: Signals) -> tuple[Category, dict[str, float], list[str]]:
    categories = {**default_matcher().categories, **cue_matcher().categories}
    scores: dict[str, float] = defaultdict(float)
    for name, count in signals.topics.items():
        category = categories.get(name)
        if category:
            scores[category] += L.CONCEPT_WEIGHTS.get(name, 1.0) * (1 + 0.25 * min(count - 1, 3))
    if not scores:
        # A question about nothing the lexicon knows is most often about a product.
        return (Category.PRODUCT_INFO if signals.question else Category.OTHER), {}, []
    best = max(scores, key=lambda c: (scores[c], c != Category.COMPLAINT.value))
    # A complaint about a specific topic belongs to that topic unless the complaint dominates.
    if best == Category.COMPLAINT.value:
        runner = max((c for c in scores if c != best), key=lambda c: scores[c], default=None)
        if runner and scores[runner] >= scores[best] * 0.7:
            best = runner
    keywords = list(dict.fromkeys(p for name, p in signals.topic_phrases if categories.get(name) == best))
    return Category(best), dict(scores), keywords[:3]


def _praise_contradicted(signals: Signals, severe: int, repeated_problem: bool) -> bool:
    """Praise said of a failure ("Great, another week without my parcel", "真是太棒了，第三次送错货")
    is sarcasm, unless the message turns ("thanks, but ...") or something was resolved."""
    names = {name for name, _p in signals.sentiment_phrases}
    if "praise" not in names or "resolved" in names:
        return False
    if any(c in signals.text for c in L.CONTRAST) or any(m in signals.text for m in L.FRIENDLY):
        return False
    return bool(severe or repeated_problem or "problem" in names)


def _sentiment(signals: Signals) -> tuple[Sentiment, float, float]:
    """Lexicon scores with negation, sarcasm, emphasis, reported problems and politeness."""
    text = signals.text
    negative = positive = 0.0
    thanks = False
    for name, phrase in signals.sentiment_phrases:
        label = L.SENTIMENT_CUES[name][0]
        weight = L.SENTIMENT_WEIGHTS[name]
        if label in ("pos", "thanks") and negated(signals, phrase):
            negative += weight
        elif label == "thanks":
            # Thanks opening a message is gratitude; thanks closing a request is politeness.
            at = text.find(phrase)
            opening = at < max(12, len(text) // 5) and not any(c in text[at:] for c in L.CONTRAST)
            positive += 0.0 if thanks else (1.2 if opening else weight)
            thanks = True
        elif label == "pos":
            positive += weight
        else:
            negative += weight
    severe = sum(1 for name in signals.topics if name in L.SEVERE_TOPICS)
    problems = sum(1 for name in signals.topics if name in PROBLEM_TOPICS) - severe
    words = f" {' '.join(english_stems(text))} "
    repeat = any(p in text for p in L.REPEAT_ZH) or any(f" {p} " in words for p in L.REPEAT_EN)
    if sarcastic(signals) or _praise_contradicted(signals, severe, repeat and (problems or severe)):
        negative += positive + 1.5
        positive = 0.0
    negative += 1.0 * min(severe, 2) + 0.5 * min(problems, 2)
    if (problems or severe) and repeat:
        negative += 1.0
    negative += 1.2 * bool({n for n, _ in signals.urgency_phrases} & {"safety", "security", "blocked"})
    negative += 1.0 * min(signals.exclamations, 2)  # "??", "!!", "?!" are frustration on their own
    if negative > 0 or problems or severe:
        negative += 1.0 if signals.shouting else 0.0
    if any(p in text for p in L.SCOLDING_EN) or any(p in text for p in L.SCOLDING_ZH):
        negative += 1.5
    polite = any(p in text for p in L.POLITE_ZH) or any(
        f"{p} " in f" {text} " or text.startswith(p) for p in L.POLITE_EN
    )
    if polite and negative < 2.5:
        negative -= 0.8
    anger = any(name == "anger" for name, _p in signals.sentiment_phrases)
    if positive >= 1.2 and not anger and any(marker in text for marker in L.FRIENDLY):
        return Sentiment.POSITIVE, negative, positive
    if negative >= 1.0 and negative > positive:
        return Sentiment.NEGATIVE, negative, positive
    if positive >= 1.0 and positive > negative:
        return Sentiment.POSITIVE, negative, positive
    if thanks and positive > 0 and negative <= 0 and not signals.question:
        return Sentiment.POSITIVE, negative, positive
    return Sentiment.NEUTRAL, negative, positive


def _urgency(signals: Signals, problem: bool) -> list[Reason]:
    reasons: list[Reason] = []
    seen: set[str] = set()
    for name, phrase in signals.urgency_phrases:
        if name in seen:
            continue
        if name in ("urgent", "health", "blocked") and not problem:
            continue
        if name == "urgent" and negated(signals, phrase):
            continue  # "not urgent", "不急"
        seen.add(name)
        reasons.append(Reason(f"urgency.{name}", {"keyword": phrase}))
    if water_on_power(signals.text) and "safety" not in seen:
        reasons.append(Reason("urgency.safety", {"keyword": "water near electricity"}))
    if signals.elderly and problem and "health" not in seen:
        reasons.append(Reason("urgency.health", {"keyword": "elderly customer"}))
    return reasons


def triage(text: str, customer: Customer | None = None) -> Triage:
    """Classify one message. Raises InputError for text that is not text or is over 1 MiB."""
    if not isinstance(text, str):
        raise InputError("the message text must be a string")
    if len(text) > MAX_MESSAGE_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_MESSAGE_BYTES:
        raise InputError("the message is larger than 1 MiB; triage reads messages up to 1 MiB")
    customer = customer or Customer()
    signals = read_signals(text)
    category, scores, keywords = _category(signals)
    sentiment, negative, _positive = _sentiment(signals)
    if (
        category == Category.COMPLAINT
        and sentiment == Sentiment.POSITIVE
        and "formal_complaint" not in signals.topics
    ):
        category = Category.OTHER  # praise of the service, not a complaint about it
    problem = (
        sentiment == Sentiment.NEGATIVE
        or any(name in PROBLEM_TOPICS for name in signals.topics)
        or any(name in _PROBLEM_SENTIMENT or name == "worry" for name, _p in signals.sentiment_phrases)
    )
    reasons: list[Reason] = [
        Reason("category", {"category": category.value, "keywords": ", ".join(keywords)})
    ]
    if sentiment == Sentiment.NEGATIVE:
        reasons.append(Reason("sentiment.negative", {}))
        if sarcastic(signals):
            reasons.append(Reason("sentiment.sarcasm", {}))
    elif sentiment == Sentiment.POSITIVE:
        reasons.append(Reason("sentiment.positive", {}))
    p1 = _urgency(signals, problem)
    money_topics = {"double_charge", "charge", "refund", "billing_money"}
    if (
        money_topics & set(signals.topics)
        and problem
        and signals.amounts
        and max(signals.amounts) >= L.LARGE_AMOUNT
    ):
        p1.append(Reason("urgency.large_amount", {"amount": f"{max(signals.amounts):,.0f}"}))
    negative_tone = sentiment == Sentiment.NEGATIVE
    if customer.tier == CustomerTier.VIP.value:
        reasons.append(Reason("customer.vip", {}))
        if negative_tone:
            p1.append(Reason("priority.vip_negative", {}))
    if customer.complaints_90d > 0:
        reasons.append(Reason("customer.complaints", {"count": customer.complaints_90d}))
        if customer.complaints_90d >= REPEAT_COMPLAINTS and negative_tone:
            p1.append(Reason("priority.repeat_complainer", {"count": customer.complaints_90d}))
    if p1:
        priority = Priority.P1
        reasons.extend(p1)
    elif problem and not (sentiment == Sentiment.POSITIVE and negative < 0.7):
        priority = Priority.P2
        reasons.append(Reason("priority.problem", {}))
    else:
        priority = Priority.P3
        reasons.append(Reason("priority.information", {}))
    return Triage(category, priority, sentiment, tuple(reasons), scores)
