from __future__ import annotations

import argparse

from agentdesk.cli._common import SubParsers


def register(sub: SubParsers) -> None:
    p = sub.add_parser("kb", help="knowledge base: import articles, suggest answers")
    ksub = p.add_subparsers(dest="kb_command", metavar="COMMAND", required=True)
    i = ksub.add_parser("import", help="import articles from JSONL {id, lang, title, body, tags}")
    i.add_argument("file")
    i.add_argument("--db", required=True, help="knowledge store path")
    i.set_defaults(handler=_import)
    s = ksub.add_parser("suggest", help="suggest articles for queries")
    s.add_argument("--db", required=True)
    s.add_argument("--batch", required=True, help="JSONL of {id, lang, query}")
    s.add_argument("--top", type=int, default=5)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_suggest)


def _import(args: argparse.Namespace) -> int:
    from agentdesk.knowledge.base import KnowledgeBase, read_articles

    articles = read_articles(args.file)  # checks the whole file before anything is written
    with KnowledgeBase.open(args.db) as kb:
        count = kb.import_articles(articles)
    print(f"imported {count} articles into {args.db}")
    return 0


def _suggest(args: argparse.Namespace) -> int:
    import json
    import time

    from agentdesk.errors import InputError
    from agentdesk.knowledge.base import LANGS, KnowledgeBase
    from agentdesk.knowledge.jsonl import read_objects, require_str

    if args.top < 1:
        raise InputError("--top must be at least 1")
    from pathlib import Path

    if not Path(args.db).is_file():
        raise InputError(
            f"No knowledge store at {args.db}; create it with 'agentdesk kb import FILE --db {args.db}'"
        )
    queries = []
    for number, obj in read_objects(args.batch):
        where = f"{args.batch}, line {number}"
        query_id = obj.get("id")
        if not isinstance(query_id, str | int) or isinstance(query_id, bool):
            raise InputError(f"{where}: 'id' must be a string")
        lang = obj.get("lang")
        queries.append(
            (query_id, lang if lang in LANGS else None, require_str(obj, "query", where, allow_empty=True))
        )
    with KnowledgeBase.open(args.db) as kb:
        kb.warm_up()
        for query_id, lang, text in queries:
            started = time.perf_counter()
            suggestions = kb.suggest(text, lang=lang, top=args.top)
            ms = round((time.perf_counter() - started) * 1000, 2)
            if args.json:
                line = {"id": query_id, "results": [s.article_id for s in suggestions], "ms": ms}
                print(json.dumps(line, ensure_ascii=False))
            else:
                print(f"{query_id}: {', '.join(s.article_id for s in suggestions) or '(nothing found)'}")
    return 0
