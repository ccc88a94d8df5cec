"""Knowledge suggestion quality on an evaluation set, AgentDesk's ranker beside plain BM25.

    python bench/kb_eval.py [--eval-dir ../shared/eval] [--top 5]

Prints one JSON object: Recall@3 and MRR@5 per language and overall for ``agentdesk`` (the
store-backed ranker used by ``agentdesk kb suggest``) and ``bm25_baseline`` (title + body, jieba
for Chinese, lower-cased words for English, k1=1.2 b=0.75), computed in the same run.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from agentdesk.knowledge.base import KnowledgeBase, read_articles

DEFAULT_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def _baseline_tokens(text: str, lang: str) -> list[str]:
    if lang == "zh":
        import jieba

        jieba.setLogLevel(logging.WARNING)
        return [w for w in jieba.lcut(text.lower()) if w.strip() and re.search(r"\w", w)]
    return re.findall(r"\w+", text.lower())


class PlainBM25:
    def __init__(self, docs: dict[str, list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.docs = {d: Counter(toks) for d, toks in docs.items()}
        self.lengths = {d: len(toks) for d, toks in docs.items()}
        self.avg = sum(self.lengths.values()) / max(1, len(docs))
        df: Counter[str] = Counter()
        for counts in self.docs.values():
            df.update(counts.keys())
        n = len(docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.k1, self.b = k1, b

    def search(self, query: list[str], top: int) -> list[str]:
        scores: dict[str, float] = defaultdict(float)
        for term in set(query):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for doc, counts in self.docs.items():
                tf = counts.get(term)
                if tf:
                    norm = self.k1 * (1 - self.b + self.b * self.lengths[doc] / self.avg)
                    scores[doc] += idf * tf * (self.k1 + 1) / (tf + norm)
        return [d for d, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]


def _measure(ranked: dict[str, list[str]], queries: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for group in ("en", "zh", "all"):
        qs = [q for q in queries if group == "all" or q["lang"] == group]
        if not qs:
            continue
        recall = mrr = 0.0
        for q in qs:
            results = ranked[q["id"]]
            relevant = set(q["relevant"])
            if relevant & set(results[:3]):
                recall += 1
            for position, article_id in enumerate(results[:5], start=1):
                if article_id in relevant:
                    mrr += 1 / position
                    break
        out[group] = {
            "queries": len(qs),
            "recall@3": round(recall / len(qs), 3),
            "mrr@5": round(mrr / len(qs), 3),
        }
    return out


def _semantic(articles: list[Any], queries: list[dict[str, Any]], top: int) -> dict[str, Any]:
    """Re-rank AgentDesk's top 20 with cosine similarity of MiniLM embeddings; cost and gain."""
    import resource

    from agentdesk.knowledge import semantic

    if not semantic.available():
        return {"available": False}
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    encoder = semantic.encoder()
    load_s = time.perf_counter() - started
    vectors = {a.id: encoder.encode(f"{a.title}. {a.body}") for a in articles}
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out: dict[str, Any] = {
        "model": "all-MiniLM-L6-v2 (numpy)",
        "load_seconds": round(load_s, 2),
        "peak_rss_added_mb": round(rss1 - rss0, 1),
    }
    encode_ms: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, KnowledgeBase.open(Path(tmp) / "kb.sqlite") as kb:
        kb.import_articles(articles)
        candidates = {}
        for q in queries:
            candidates[q["id"]] = kb.suggest(q["query"], lang=q["lang"], top=20)
        qvec = {}
        for q in queries:
            t0 = time.perf_counter()
            qvec[q["id"]] = encoder.encode(q["query"])
            encode_ms.append((time.perf_counter() - t0) * 1000)
    for weight in (0.0, 0.5, 1.0, 2.0, 100.0):
        ranked = {}
        for q in queries:
            cands = candidates[q["id"]]
            best = cands[0].score if cands else 1.0
            scored = [
                (c.score / best + weight * float(qvec[q["id"]] @ vectors[c.article_id]), c.article_id)
                for c in cands
            ]
            ranked[q["id"]] = [a for _s, a in sorted(scored, key=lambda x: -x[0])][:top]
        out[f"weight_{weight:g}"] = _measure(ranked, queries)
    encode_ms.sort()
    out["query_encode_ms_p50"] = round(encode_ms[len(encode_ms) // 2], 1)
    out["query_encode_ms_p95"] = round(encode_ms[int(len(encode_ms) * 0.95) - 1], 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--misses", action="store_true", help="also list the queries the ranker misses")
    parser.add_argument(
        "--semantic",
        action="store_true",
        help="also measure re-ranking with the optional MiniLM encoder (agentdesk.knowledge.semantic)",
    )
    args = parser.parse_args(argv)
    articles = read_articles(args.eval_dir / "kb_articles.jsonl")
    queries = [
        json.loads(line)
        for line in (args.eval_dir / "kb_queries.jsonl").open(encoding="utf-8")
        if line.strip()
    ]

    baseline_by_lang = {
        lang: PlainBM25(
            {a.id: _baseline_tokens(f"{a.title} {a.body}", lang) for a in articles if a.lang == lang}
        )
        for lang in ("en", "zh")
    }
    baseline = {
        q["id"]: baseline_by_lang[q["lang"]].search(_baseline_tokens(q["query"], q["lang"]), args.top)
        for q in queries
    }

    ours: dict[str, list[str]] = {}
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, KnowledgeBase.open(Path(tmp) / "kb.sqlite") as kb:
        started = time.perf_counter()
        kb.import_articles(articles)
        import_s = time.perf_counter() - started
        kb.suggest("warm up", lang="en")
        for q in queries:
            t0 = time.perf_counter()
            ours[q["id"]] = [s.article_id for s in kb.suggest(q["query"], lang=q["lang"], top=args.top)]
            timings.append((time.perf_counter() - t0) * 1000)
    if args.semantic:
        report_semantic = _semantic(articles, queries, args.top)
    timings.sort()
    report: dict[str, Any] = {
        "eval_dir": str(args.eval_dir),
        "articles": len(articles),
        "agentdesk": _measure(ours, queries),
        "bm25_baseline": _measure(baseline, queries),
        "import_seconds": round(import_s, 3),
        "suggest_ms_p50": round(timings[len(timings) // 2], 2),
        "suggest_ms_p95": round(timings[int(len(timings) * 0.95) - 1], 2),
    }
    if args.semantic:
        report["semantic"] = report_semantic
    if args.misses:
        report["misses"] = [
            {"id": q["id"], "query": q["query"], "relevant": q["relevant"], "got": ours[q["id"]][:3]}
            for q in queries
            if not set(q["relevant"]) & set(ours[q["id"]][:3])
        ]
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
