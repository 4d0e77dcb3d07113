"""Named styles of the terminal output; the only place that chooses colours.

Drawing code refers to ``gxlint.*`` names, so a user or a test can swap the whole look by
passing another :class:`rich.theme.Theme`, and no colour hides in a format string.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.theme import Theme

STYLES: dict[str, str] = {
    "gxlint.error": "bold red",
    "gxlint.warning": "bold yellow",
    "gxlint.info": "bold cyan",
    "gxlint.code": "bold",
    "gxlint.message": "bold",
    "gxlint.path": "none",
    "gxlint.gutter": "bold blue",
    "gxlint.source": "none",
    "gxlint.ellipsis": "dim",
    "gxlint.caret.primary": "bold",
    "gxlint.caret.secondary": "bold blue",
    "gxlint.label": "blue",
    "gxlint.help": "bold",
    "gxlint.summary": "bold",
}


def severity_style(label: str) -> str:
    """Style name of a severity's machine label (``error`` → ``gxlint.error``)."""
    return f"gxlint.{label}"


def make_theme() -> Theme:
    """A fresh theme holding :data:`STYLES` (rich themes are mutable, so never share one)."""
    from rich.theme import Theme

    return Theme(STYLES, inherit=True)
