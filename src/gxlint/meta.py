"""Version and documentation addresses, kept apart so output code can import them cheaply."""

from __future__ import annotations

__version__ = "0.1.0"

DOCS_URL = "https://gxlint.readthedocs.io/zh-cn/latest/"


def rule_url(code: str) -> str:
    """Where a rule's documentation lives (SARIF ``helpUri``, terminal links)."""
    return f"{DOCS_URL}rules/{code}.html"
