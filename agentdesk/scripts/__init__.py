"""Script templates: the bilingual scenario library (empathy / answer / commitment) with typed
variables, sandboxed rendering, guided flows for complex cases, and suggestions by category.

    library = default_library()
    library.missing("refund.status", values)          # what to ask the agent for
    library.render("refund.status", "zh", values)     # MissingVariables / TemplateError when not
"""

from agentdesk.scripts.flows import Flow, FlowRun, default_flows
from agentdesk.scripts.library import RenderedScript, Scenario, ScriptLibrary, default_library
from agentdesk.scripts.render import MissingVariables
from agentdesk.scripts.suggest import ScriptSuggestion, suggest_scripts

__all__ = [
    "Flow",
    "FlowRun",
    "MissingVariables",
    "RenderedScript",
    "Scenario",
    "ScriptLibrary",
    "ScriptSuggestion",
    "default_flows",
    "default_library",
    "suggest_scripts",
]
