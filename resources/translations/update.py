"""Refresh the Qt Linguist sources and compiled catalogues of the console.

    python resources/translations/update.py

Runs pyside6-lupdate over ui/ (agentdesk.ui) into agentdesk_en.ts and agentdesk_zh_CN.ts, fills
the Chinese .ts from zh_CN.json (source text -> translation; a key "Context|source" overrides the
plain one in that context, for a word translated differently there; unfinished entries are
reported), and
compiles both with pyside6-lrelease. The .ts and .qm files are committed, so no build step runs at
install time. A translator may also edit the .ts in Qt Linguist; then add the text to zh_CN.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    for lang in ("en", "zh_CN"):
        subprocess.run(
            [
                "pyside6-lupdate",
                *sources,
                "-ts",
                str(HERE / f"agentdesk_{lang}.ts"),
                "-no-obsolete",
                "-silent",
            ],
            check=True,
        )
    table = json.loads((HERE / "zh_CN.json").read_text(encoding="utf-8"))
    ts_path = HERE / "agentdesk_zh_CN.ts"
    tree = ET.parse(ts_path)
    missing = []
    messages = (
        (context.findtext("name") or "", message)
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    )
    for context, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = table.get(f"{context}|{source}", table.get(source))
        if translation is None:
            continue
        if text is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            form = ET.SubElement(translation, "numerusform")
            form.text = text
        else:
            translation.text = text
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for lang in ("en", "zh_CN"):
        subprocess.run(
            [
                "pyside6-lrelease",
                "-silent",
                str(HERE / f"agentdesk_{lang}.ts"),
                "-qm",
                str(HERE / f"agentdesk_{lang}.qm"),
            ],
            check=True,
        )
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
