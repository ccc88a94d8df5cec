"""Guided scripts for complex cases: a small graph of steps, each saying what to do, asking a
question with options that lead to the next step, and ending on a scenario of the library."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from agentdesk.domain.enums import Category
from agentdesk.errors import TemplateError
from agentdesk.scripts.library import LANGS, ScriptLibrary, default_library


@dataclass(frozen=True, slots=True)
class Option:
    label: dict[str, str]
    next: str


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    say: dict[str, str]
    ask: dict[str, str]
    options: tuple[Option, ...]
    script: str | None
    end: bool


@dataclass(frozen=True, slots=True)
class Flow:
    id: str
    category: Category
    title: dict[str, str]
    start: str
    steps: dict[str, Step]


def _texts(raw: Any, where: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(raw.get(lang), str) for lang in LANGS):
        raise TemplateError(f"{where}: text needed in {' and '.join(LANGS)}")
    return {lang: raw[lang] for lang in LANGS}


def parse_flow(raw: Any, library: ScriptLibrary, where: str) -> Flow:
    """Check a flow: every option leads to a step, every step is reachable, only end steps end."""
    if not isinstance(raw, dict) or not isinstance(raw.get("steps"), dict):
        raise TemplateError(f"{where}: a flow needs 'steps'")
    steps: dict[str, Step] = {}
    for sid, spec in raw["steps"].items():
        at = f"{where}: step {sid}"
        options = tuple(
            Option(_texts(o.get("label"), at), str(o.get("next"))) for o in spec.get("options", [])
        )
        end = bool(spec.get("end"))
        if end == bool(options):
            raise TemplateError(f"{at}: a step either ends or offers options")
        if options and not spec.get("ask"):
            raise TemplateError(f"{at}: a step with options must ask a question")
        script = spec.get("script")
        if script is not None:
            library.get(script)
        steps[sid] = Step(sid, _texts(spec.get("say"), at), _texts(spec.get("ask"), at), options, script, end)
    start = raw.get("start")
    if start not in steps:
        raise TemplateError(f"{where}: start step {start!r} does not exist")
    for step in steps.values():
        for option in step.options:
            if option.next not in steps:
                raise TemplateError(f"{where}: step {step.id} leads to unknown step {option.next!r}")
    reached, todo = set(), [start]
    while todo:
        sid = todo.pop()
        if sid not in reached:
            reached.add(sid)
            todo.extend(o.next for o in steps[sid].options)
    unreachable = sorted(set(steps) - reached)
    if unreachable:
        raise TemplateError(f"{where}: steps never reached: {', '.join(unreachable)}")
    try:
        category = Category(raw.get("category"))
    except ValueError:
        raise TemplateError(f"{where}: unknown category") from None
    return Flow(str(raw.get("id")), category, _texts(raw.get("title"), where), start, steps)


@dataclass
class FlowRun:
    """One agent walking through a flow; ``back`` undoes the last answer."""

    flow: Flow
    path: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.path:
            self.path.append(self.flow.start)

    @property
    def step(self) -> Step:
        return self.flow.steps[self.path[-1]]

    @property
    def finished(self) -> bool:
        return self.step.end

    def choose(self, option_index: int) -> Step:
        options = self.step.options
        if not 0 <= option_index < len(options):
            raise TemplateError(f"Step {self.step.id} has no option {option_index + 1}")
        self.path.append(options[option_index].next)
        return self.step

    def back(self) -> Step:
        if len(self.path) > 1:
            self.path.pop()
        return self.step


def load_flows(directory: Path | None = None, library: ScriptLibrary | None = None) -> dict[str, Flow]:
    root = directory or Path(str(resources.files("agentdesk.resources") / "scripts" / "flows"))
    library = library or default_library()
    flows = {}
    for path in sorted(root.glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise TemplateError(f"Cannot read the flow {path}: {exc}") from exc
        flow = parse_flow(raw, library, str(path))
        flows[flow.id] = flow
    return flows


@lru_cache(maxsize=1)
def default_flows() -> dict[str, Flow]:
    return load_flows()
