from __future__ import annotations

from agentdesk.cli._common import SubParsers, not_built


def register(sub: SubParsers) -> None:
    p = sub.add_parser("kb", help="knowledge base: import articles, suggest answers")
    ksub = p.add_subparsers(dest="kb_command", metavar="COMMAND", required=True)
    i = ksub.add_parser("import", help="import articles from JSONL {id, lang, title, body, tags}")
    i.add_argument("file")
    i.add_argument("--db", required=True, help="knowledge store path")
    i.set_defaults(handler=not_built("agentdesk kb import"))
    s = ksub.add_parser("suggest", help="suggest articles for queries")
    s.add_argument("--db", required=True)
    s.add_argument("--batch", required=True, help="JSONL of {id, lang, query}")
    s.add_argument("--top", type=int, default=5)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=not_built("agentdesk kb suggest"))
