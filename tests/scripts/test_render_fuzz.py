"""Whatever an agent types as wording, rendering answers with text or a TemplateError, nothing else."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.errors import TemplateError
from agentdesk.scripts.render import render_text

PIECES = st.sampled_from(
    [
        "{{",
        "}}",
        "{%",
        "%}",
        "{#",
        "#}",
        " ",
        "customer_name",
        "__class__",
        ".",
        "[",
        "]",
        "(",
        ")",
        "'",
        '"',
        "|",
        "upper",
        "attr",
        "if",
        "else",
        "endif",
        "for",
        "in",
        "range",
        "*",
        "9",
        "~",
        "退款",
        "\n",
        "-",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_any_wording_renders_or_is_refused(source: str) -> None:
    try:
        out = render_text(source, {"customer_name": "Ann"})
    except TemplateError:
        return
    assert isinstance(out, str)
    # Text outside {{ }} prints as written; what must never appear is a Python object.
    assert not any(leak in out for leak in ("<class", "<built-in", "<function", "<module", "<bound"))
