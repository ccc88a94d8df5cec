"""The script library: scenarios in three parts (empathy, answer, commitment) in English and
Chinese, with typed variables, loaded from ``resources/scripts`` and checked at load time."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from agentdesk.domain.enums import Category
from agentdesk.errors import TemplateError
from agentdesk.scripts.render import MissingVariables, render_parts, variables_in
from agentdesk.scripts.variables import Variable, VarType, format_value

LANGS = ("en", "zh")
PARTS = ("empathy", "answer", "commitment")


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    category: Category
    title: dict[str, str]
    parts: dict[str, dict[str, str]]  # lang -> part -> template
    variables: tuple[str, ...]  # in order of first use

    def title_for(self, lang: str) -> str:
        return self.title.get(lang) or self.title["en"]


@dataclass(frozen=True, slots=True)
class RenderedScript:
    scenario_id: str
    lang: str
    empathy: str
    answer: str
    commitment: str

    @property
    def text(self) -> str:
        joiner = "" if self.lang == "zh" else " "
        return joiner.join(p for p in (self.empathy, self.answer, self.commitment) if p)


def _resource_dir() -> Path:
    return Path(str(resources.files("agentdesk.resources") / "scripts"))


class ScriptLibrary:
    def __init__(self, variables: Mapping[str, Variable], scenarios: Iterable[Scenario]) -> None:
        self.variables = dict(variables)
        self.scenarios: dict[str, Scenario] = {}
        for scenario in scenarios:
            if scenario.id in self.scenarios:
                raise TemplateError(f"Script {scenario.id} is defined twice")
            self.scenarios[scenario.id] = scenario

    @classmethod
    def load(cls, directory: Path | None = None) -> ScriptLibrary:
        """Load and check the library (variables.json + library/*.json)."""
        root = directory or _resource_dir()
        variables = load_variables(root / "variables.json")
        scenarios = []
        for path in sorted((root / "library").glob("*.json")):
            scenarios.extend(parse_scenarios(_read_json(path), variables, str(path)))
        return cls(variables, scenarios)

    def with_store_scripts(self, conn: Any) -> tuple[ScriptLibrary, list[str]]:
        """This library plus the ``script`` rows synced into the local store (one row per scenario
        and language). A server script replaces the shipped one with the same scenario id; a row
        that is not a valid script is left out and described in the returned problems."""
        import logging

        rows = conn.exec_driver_sql(
            "SELECT scenario, lang, category, title, empathy, answer, commitment, variables FROM scripts"
        ).all()
        grouped: dict[str, dict[str, Any]] = {}
        variables = dict(self.variables)
        for scenario, lang, category, title, empathy, answer, commitment, declared in rows:
            item = grouped.setdefault(scenario, {"id": scenario, "title": {}})
            item[lang] = [empathy, answer, commitment]
            item["title"][lang] = title
            item["category"] = category
            specs = json.loads(declared) if isinstance(declared, str) else (declared or [])
            for spec in specs:
                if isinstance(spec, dict) and spec.get("name") and spec["name"] not in variables:
                    try:
                        variables[spec["name"]] = Variable(
                            spec["name"], VarType(spec.get("type", "text")), dict(spec.get("label") or {})
                        )
                    except ValueError:
                        continue
        problems: list[str] = []
        merged = dict(self.scenarios)
        for scenario_id, item in grouped.items():
            for lang in LANGS:
                item["title"].setdefault(
                    lang, item["title"].get("en") or item["title"].get("zh") or scenario_id
                )
            try:
                (parsed,) = parse_scenarios([item], variables, "synced script")
            except (TemplateError, ValueError) as exc:
                problems.append(str(exc))
                logging.getLogger(__name__).warning("script %s left out: %s", scenario_id, exc)
                continue
            merged[parsed.id] = parsed
        return ScriptLibrary(variables, merged.values()), problems

    def get(self, scenario_id: str) -> Scenario:
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            raise TemplateError(f"No script called {scenario_id!r}") from None

    def for_category(self, category: str) -> list[Scenario]:
        return [s for s in self.scenarios.values() if s.category == category]

    def missing(self, scenario_id: str, values: Mapping[str, Any]) -> list[Variable]:
        """Variables the agent still has to fill in (in the order the script uses them)."""
        scenario = self.get(scenario_id)
        return [self.variables[name] for name in scenario.variables if values.get(name) in (None, "")]

    def render(
        self,
        scenario_id: str,
        lang: str,
        values: Mapping[str, Any],
        *,
        wording: Mapping[str, str] | None = None,
    ) -> RenderedScript:
        """Render a scenario with checked values; ``wording`` replaces parts the agent adjusted.

        Raises MissingVariables (with every variable still to fill), InvalidValue for a value of
        the wrong type, TemplateError for adjusted wording that is not a safe template.
        """
        scenario = self.get(scenario_id)
        if lang not in LANGS:
            raise TemplateError(f"Scripts exist in {', '.join(LANGS)}, not {lang!r}")
        sources = dict(scenario.parts[lang])
        for part, text in (wording or {}).items():
            if part not in PARTS:
                raise TemplateError(f"A script has no part called {part!r}")
            sources[part] = text
        needed: set[str] = set()
        for source in sources.values():
            needed |= variables_in(source)
        unknown = sorted(needed - self.variables.keys())
        if unknown:
            raise TemplateError(f"Unknown variable(s) in the wording: {', '.join(unknown)}")
        missing = [name for name in _ordered(sources.values()) if values.get(name) in (None, "")]
        if missing:
            raise MissingVariables(missing)
        formatted = {name: format_value(self.variables[name], values[name], lang) for name in needed}
        rendered = render_parts(sources, formatted)
        return RenderedScript(
            scenario_id, lang, rendered["empathy"], rendered["answer"], rendered["commitment"]
        )


def _ordered(sources: Iterable[str]) -> list[str]:
    import re

    seen: dict[str, None] = {}
    for source in sources:
        for name in re.findall(r"{{-?\s*([A-Za-z_]\w*)", source):
            seen.setdefault(name, None)
        for name in sorted(variables_in(source)):
            seen.setdefault(name, None)
    return list(seen)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateError(f"Cannot read the script file {path}: {exc}") from exc


def load_variables(path: Path) -> dict[str, Variable]:
    raw = _read_json(path)
    out = {}
    for name, spec in raw.items():
        try:
            out[name] = Variable(name, VarType(spec["type"]), dict(spec["label"]))
        except (KeyError, ValueError, TypeError) as exc:
            raise TemplateError(f"{path}: variable {name!r} is not well defined ({exc})") from exc
    return out


def parse_scenarios(raw: Any, variables: Mapping[str, Variable], where: str) -> list[Scenario]:
    if not isinstance(raw, list):
        raise TemplateError(f"{where}: expected a list of scripts")
    scenarios = []
    for item in raw:
        sid = item.get("id") if isinstance(item, dict) else None
        if not isinstance(sid, str) or "." not in sid:
            raise TemplateError(f"{where}: every script needs an id like 'billing.double_charge'")
        try:
            category = Category(sid.split(".", 1)[0])
        except ValueError:
            raise TemplateError(f"{where}: {sid}: unknown category") from None
        parts: dict[str, dict[str, str]] = {}
        for lang in LANGS:
            texts = item.get(lang)
            if not (
                isinstance(texts, list)
                and len(texts) == len(PARTS)
                and all(isinstance(t, str) and t.strip() for t in texts)
            ):
                raise TemplateError(f"{where}: {sid}: '{lang}' must have empathy, answer and commitment")
            parts[lang] = dict(zip(PARTS, texts, strict=True))
        used = _ordered(t for lang in LANGS for t in parts[lang].values())
        unknown = [name for name in used if name not in variables]
        if unknown:
            raise TemplateError(f"{where}: {sid}: unknown variable(s) {', '.join(unknown)}")
        for lang in LANGS:
            if set(_ordered(parts[lang].values())) != set(used):
                raise TemplateError(f"{where}: {sid}: English and Chinese use different variables")
        title = item.get("title")
        if not isinstance(title, dict) or not all(isinstance(title.get(lang), str) for lang in LANGS):
            raise TemplateError(f"{where}: {sid}: a title in both languages is needed")
        scenarios.append(Scenario(sid, category, dict(title), parts, tuple(used)))
    return scenarios


@lru_cache(maxsize=1)
def default_library() -> ScriptLibrary:
    return ScriptLibrary.load()
