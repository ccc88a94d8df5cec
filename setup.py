"""Package discovery for the one-distribution, three-directory layout (see DESIGN.md).

pyproject.toml maps ui/ -> agentdesk.ui, sync/ -> agentdesk.sync and resources/ ->
agentdesk.resources; static metadata cannot list their subpackages, so they are found here.
"""

from setuptools import find_namespace_packages, find_packages, setup


def _mapped(prefix: str, where: str, *, namespace: bool = False) -> list[str]:
    finder = find_namespace_packages if namespace else find_packages
    return [prefix] + [f"{prefix}.{name}" for name in finder(where, exclude=["__pycache__*"])]


setup(
    packages=find_packages(include=["agentdesk", "agentdesk.*"])
    + _mapped("agentdesk.ui", "ui")
    + _mapped("agentdesk.sync", "sync")
    + _mapped("agentdesk.resources", "resources", namespace=True)
)
