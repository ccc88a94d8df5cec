"""Triage quality and speed on an evaluation set.

    python bench/triage_eval.py [--eval-dir ../shared/eval] [--errors]

Prints one JSON object: category accuracy, P1 recall (and precision), priority accuracy,
sentiment macro-F1, per language and overall, and the time per message. The majority-class
baseline is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from agentdesk.triage.engine import Customer, triage

DEFAULT_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
SENTIMENTS = ("negative", "neutral", "positive")


def _macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for label in SENTIMENTS:
        tp = sum(1 for gold, got in pairs if gold == label and got == label)
        fp = sum(1 for gold, got in pairs if gold != label and got == label)
        fn = sum(1 for gold, got in pairs if gold == label and got != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def _measure(rows: list[dict[str, Any]], predicted: dict[str, dict[str, str]]) -> dict[str, Any]:
    n = len(rows)
    p1 = [r for r in rows if r["priority"] == "P1"]
    flagged = [r for r in rows if predicted[r["id"]]["priority"] == "P1"]
    return {
        "messages": n,
        "category_accuracy": round(sum(predicted[r["id"]]["category"] == r["category"] for r in rows) / n, 3),
        "p1_recall": round(sum(predicted[r["id"]]["priority"] == "P1" for r in p1) / len(p1), 3)
        if p1
        else None,
        "p1_precision": round(sum(r["priority"] == "P1" for r in flagged) / len(flagged), 3)
        if flagged
        else None,
        "priority_accuracy": round(sum(predicted[r["id"]]["priority"] == r["priority"] for r in rows) / n, 3),
        "sentiment_macro_f1": round(
            _macro_f1([(r["sentiment"], predicted[r["id"]]["sentiment"]) for r in rows]), 3
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--errors", action="store_true", help="also list the wrong answers")
    args = parser.parse_args(argv)
    rows = [
        json.loads(line) for line in (args.eval_dir / "triage.jsonl").open(encoding="utf-8") if line.strip()
    ]
    triage("warm up 预热")
    predicted: dict[str, dict[str, str]] = {}
    timings = []
    for row in rows:
        info = row.get("customer") or {}
        customer = Customer(info.get("tier", "standard"), int(info.get("complaints_90d", 0)))
        started = time.perf_counter()
        result = triage(row["text"], customer)
        timings.append((time.perf_counter() - started) * 1000)
        predicted[row["id"]] = {k: v for k, v in result.as_json(row["id"]).items() if k != "id"}  # type: ignore[misc]
    majority = {
        key: Counter(r[key] for r in rows).most_common(1)[0][0]
        for key in ("category", "priority", "sentiment")
    }
    baseline = {r["id"]: dict(majority) for r in rows}
    timings.sort()
    report: dict[str, Any] = {
        "eval_dir": str(args.eval_dir),
        "agentdesk": {
            lang: _measure([r for r in rows if lang == "all" or r["lang"] == lang], predicted)
            for lang in ("en", "zh", "all")
        },
        "majority_baseline": _measure(rows, baseline),
        "ms_per_message_mean": round(sum(timings) / len(timings), 3),
        "ms_per_message_p95": round(timings[int(len(timings) * 0.95) - 1], 3),
    }
    if args.errors:
        report["errors"] = [
            {
                "id": r["id"],
                "text": r["text"][:120],
                "customer": r.get("customer"),
                "gold": [r["category"], r["priority"], r["sentiment"]],
                "got": [predicted[r["id"]][k] for k in ("category", "priority", "sentiment")],
            }
            for r in rows
            if [r["category"], r["priority"], r["sentiment"]]
            != [predicted[r["id"]][k] for k in ("category", "priority", "sentiment")]
        ]
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
