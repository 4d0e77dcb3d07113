"""The built-in ``core`` rule pack (GX codes), registered through the ``gxlint`` entry point
exactly like a province pack: one rule per module below this package."""

from __future__ import annotations

from gxlint.plugins.hookspecs import discover_rules, hookimpl

__version__ = "0.1.0"


@hookimpl
def gxlint_rules() -> list[type]:
    return discover_rules(__name__)
