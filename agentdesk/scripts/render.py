"""Rendering script text with Jinja2's SandboxedEnvironment.

Templates (from the library or as the agent adjusted them) may only print variables. Every
variable must have a value: a missing one raises ``MissingVariables`` naming what to ask for,
never renders blank. Unsafe access (``{{ ''.__class__ }}``), syntax errors, unknown filters and
runaway output raise ``TemplateError``; nothing in a template can reach Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError, TemplateRuntimeError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from agentdesk.errors import TemplateError

MAX_TEMPLATE_CHARS = 10_000
MAX_OUTPUT_CHARS = 20_000


class MissingVariables(TemplateError):
    """The template needs values that were not given; ``missing`` lists their names."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__("Fill in before sending: " + ", ".join(missing))


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False
    )
    env.globals.clear()  # no range(), lipsum(), dict(), cycler ... only the variables we pass
    env.filters = {name: env.filters[name] for name in ("upper", "lower", "capitalize", "title", "trim")}
    env.tests = {}
    return env


def _parse(source: str) -> nodes.Template:
    if not isinstance(source, str):
        raise TemplateError("A script template must be text")
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateError(f"A script template is limited to {MAX_TEMPLATE_CHARS} characters")
    try:
        return environment().parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"Template error on line {exc.lineno}: {exc.message}") from exc


# Wording may print variables, apply the few filters above, and choose text with if/else.
# Anything else (attribute or item access, calls, loops, arithmetic, macros, includes) is refused
# before rendering, on top of the sandbox.
_ALLOWED_NODES = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Name,
    nodes.Const,
    nodes.Filter,
    nodes.If,
    nodes.CondExpr,
    nodes.And,
    nodes.Or,
    nodes.Not,
    nodes.Compare,
    nodes.Operand,
    nodes.Concat,
)


def _check_nodes(tree: nodes.Template) -> None:
    for node in tree.find_all(nodes.Node):
        if not isinstance(node, _ALLOWED_NODES):
            raise TemplateError(f"Templates may only insert variables (found {type(node).__name__.lower()})")
        if isinstance(node, nodes.Filter) and node.name not in environment().filters:
            raise TemplateError(f"Unknown filter '{node.name}' in template")
        if isinstance(node, nodes.Const) and isinstance(node.value, str) and len(node.value) > 1000:
            raise TemplateError("A constant in the template is too long")


def variables_in(source: str) -> set[str]:
    """Names a template reads (after checking it is a safe template)."""
    return set(_checked_variables(source))


@lru_cache(maxsize=2048)
def _checked_variables(source: str) -> frozenset[str]:
    tree = _parse(source)
    _check_nodes(tree)
    return frozenset(meta.find_undeclared_variables(tree))


@lru_cache(maxsize=2048)
def _compiled(source: str) -> Any:
    return environment().from_string(source)


def render_text(source: str, values: Mapping[str, str]) -> str:
    """Render one template with already formatted values. Raises MissingVariables or TemplateError."""
    needed = variables_in(source)
    missing = sorted(name for name in needed if name not in values or values[name] in (None, ""))
    if missing:
        raise MissingVariables(missing)
    try:
        template = _compiled(source)
        out: list[str] = []
        size = 0
        for chunk in template.generate(**{k: v for k, v in values.items() if k in needed}):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise TemplateError(f"The rendered text is longer than {MAX_OUTPUT_CHARS} characters")
            out.append(chunk)
    except SecurityError as exc:
        raise TemplateError(f"The template tried something not allowed: {exc}") from exc
    except UndefinedError as exc:  # pragma: no cover - caught above by the missing check
        raise TemplateError(str(exc)) from exc
    except (TemplateRuntimeError, TypeError, ValueError) as exc:
        raise TemplateError(f"The template could not be rendered: {exc}") from exc
    return "".join(out)


def render_parts(parts: Mapping[str, str], values: Mapping[str, Any]) -> dict[str, str]:
    """Render several templates together, reporting every missing variable at once."""
    missing: set[str] = set()
    for source in parts.values():
        missing |= {n for n in variables_in(source) if values.get(n) in (None, "")}
    if missing:
        raise MissingVariables(sorted(missing))
    return {key: render_text(source, values) for key, source in parts.items()}
