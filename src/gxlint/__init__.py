"""gxlint: a linter for 政府信息公开工作年度报告 (government information-disclosure reports).

The names below are the public API that rule packs import (``from gxlint import Rule``).
They are loaded lazily so that ``import gxlint`` stays cheap for the command line.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from gxlint.meta import __version__

_EXPORTS = {
    "Rule": "gxlint.rule",
    "RuleContext": "gxlint.rule",
    "Finding": "gxlint.findings",
    "FixSafety": "gxlint.findings",
    "Label": "gxlint.findings",
    "Severity": "gxlint.findings",
    "hookimpl": "gxlint.plugins.hookspecs",
    "discover_rules": "gxlint.plugins.hookspecs",
}

__all__ = [
    "Finding",
    "FixSafety",
    "Label",
    "Rule",
    "RuleContext",
    "Severity",
    "__version__",
    "discover_rules",
    "hookimpl",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'gxlint' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
